package io.docextract.ingest;

import io.docextract.values.Reason;
import java.io.Serializable;

/**
 * Either a parsed document or the reason it could not be parsed; never both. The document id,
 * source and provenance are known either way, so a failure can still be traced to its file and, for
 * a container part, to its place in the container.
 */
public record ParseOutcome(
    String id,
    ParsedDocument document,
    Reason failure,
    String message,
    String contentType,
    String source,
    Provenance provenance)
    implements Serializable {

  public static ParseOutcome parsed(ParsedDocument document) {
    return new ParseOutcome(
        document.id(),
        document,
        null,
        null,
        document.contentType(),
        document.source(),
        document.provenance());
  }

  /** A file that failed as a whole; its source is filled in by whoever knows it. */
  public static ParseOutcome failed(String id, Reason reason, String message, String contentType) {
    return new ParseOutcome(id, null, reason, message, contentType, null, Provenance.file());
  }

  public static ParseOutcome failed(
      String id,
      Reason reason,
      String message,
      String contentType,
      String source,
      Provenance provenance) {
    return new ParseOutcome(id, null, reason, message, contentType, source, provenance);
  }

  /** The same failure with a longer message (used to say how many further parts were skipped). */
  public ParseOutcome withMessage(String newMessage) {
    return new ParseOutcome(id, document, failure, newMessage, contentType, source, provenance);
  }

  public boolean ok() {
    return document != null;
  }
}
