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
    implements Serializable {

  /** The same request with its text cut to fit the model's context. */
  public ExtractionRequest withCutText(String cutText) {
    return new ExtractionRequest(id, source, contentType, documentType, cutText, true, parseMillis);
  }
}
