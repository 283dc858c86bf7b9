package io.docextract.pipeline;

import java.io.Serializable;

/** A parsed document assigned to a document type, with its text clipped to the prompt budget. */
public record ExtractionRequest(
    String id,
    String source,
    String contentType,
    String documentType,
    String text,
    boolean textCut,
    long parseMillis)
    implements Serializable {}
