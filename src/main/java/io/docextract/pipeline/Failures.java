package io.docextract.pipeline;

import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.util.List;
import java.util.Map;

/** Builds review items at each stage, so every stage records the same evidence. */
final class Failures {

  private Failures() {}

  static ReviewItem ofDocument(String stage, ParsedDocument d, Reason reason, String message) {
    return new ReviewItem(
        d.id(),
        d.source(),
        d.contentType(),
        null,
        stage,
        reason,
        message,
        List.of(),
        null,
        ReviewItem.excerptOf(d.text()),
        ExtractionRequest.provenanceLineage(d.provenance()));
  }

  static ReviewItem ofRequest(
      String stage,
      ExtractionRequest r,
      Reason reason,
      String message,
      List<String> messages,
      String rawOutput,
      Map<String, Object> lineage) {
    return new ReviewItem(
        r.id(),
        r.source(),
        r.contentType(),
        r.documentType(),
        stage,
        reason,
        message,
        messages,
        rawOutput,
        ReviewItem.excerptOf(r.text()),
        lineage);
  }
}
