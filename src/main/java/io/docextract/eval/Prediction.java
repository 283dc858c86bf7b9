package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a run made of one document: a record, or a review item (whose raw reply still counts as the
 * model's answer when it parses).
 *
 * @param fields the record's fields, or the review item's reply when it parses; null otherwise
 * @param accepted true when the document became a record (not sent to review)
 * @param reason the review reason, null for a record
 * @param confidence the document's confidence from the lineage, null when none was computed
 * @param fieldConfidence each field's confidence from the lineage (empty when none), for the
 *     per-field reliability tables
 */
public record Prediction(
    JsonNode fields,
    boolean accepted,
    boolean parseValid,
    boolean schemaValid,
    String reason,
    Double confidence,
    Map<String, Double> fieldConfidence) {

  public Prediction(
      JsonNode fields,
      boolean accepted,
      boolean parseValid,
      boolean schemaValid,
      String reason,
      Double confidence) {
    this(fields, accepted, parseValid, schemaValid, reason, confidence, Map.of());
  }

  public Prediction withFieldConfidence(Map<String, Double> f) {
    return new Prediction(fields, accepted, parseValid, schemaValid, reason, confidence, f);
  }

  public static Prediction missing() {
    return new Prediction(null, false, false, false, "missing", null);
  }

  /**
   * Whether the document would be a record with the accept threshold at {@code t}: it is one
   * already, or only the confidence threshold sent it to review, and its confidence reaches t.
   */
  public boolean acceptedAt(double t) {
    return confidence != null && confidence >= t && (accepted || "low_confidence".equals(reason));
  }
}
