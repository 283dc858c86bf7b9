package io.docextract.ingest;

import io.docextract.review.Reason;
import java.io.Serializable;

/**
 * Either a parsed document or the reason it could not be parsed; never both. The document id is
 * known either way, so a failure can still be traced to its file.
 */
public record ParseOutcome(
    String id, ParsedDocument document, Reason failure, String message, String contentType)
    implements Serializable {

  public static ParseOutcome parsed(ParsedDocument document) {
    return new ParseOutcome(document.id(), document, null, null, document.contentType());
  }

  public static ParseOutcome failed(String id, Reason reason, String message, String contentType) {
    return new ParseOutcome(id, null, reason, message, contentType);
  }

  public boolean ok() {
    return document != null;
  }
}
