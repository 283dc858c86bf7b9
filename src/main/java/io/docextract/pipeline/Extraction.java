package io.docextract.pipeline;

import io.docextract.model.Completion;
import java.io.Serializable;

/** A request and what the model made of it. */
public record Extraction(ExtractionRequest request, Completion completion)
    implements Serializable {}
