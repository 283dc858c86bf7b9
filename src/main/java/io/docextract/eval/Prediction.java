package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * @param modelFields the model's own values, before the rules replaced any; null when the same as
 *     {@code fields}
 */
public record Prediction(
    JsonNode fields,
    boolean accepted,
    boolean parseValid,
    boolean schemaValid,
    String reason,
    Double confidence,
    Map<String, Double> fieldConfidence,
    JsonNode modelFields) {

  public Prediction(
      JsonNode fields,
      boolean accepted,
      boolean parseValid,
      boolean schemaValid,
      String reason,
      Double confidence) {
    this(fields, accepted, parseValid, schemaValid, reason, confidence, Map.of(), null);
  }

  public Prediction withFieldConfidence(Map<String, Double> f) {
    return new Prediction(
        fields, accepted, parseValid, schemaValid, reason, confidence, f, modelFields);
  }

  /**
   * The same, knowing what the model itself said for the fields the rules replaced (lineage's
   * {@code model_values}): {@link #modelFields} then differs from {@link #fields} there.
   */
  public Prediction withModelValues(JsonNode modelValues) {
    if (fields == null || !fields.isObject() || modelValues == null || !modelValues.isObject()) {
      return this;
    }
    ObjectNode own = ((ObjectNode) fields).deepCopy();
    modelValues
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue() == null || e.getValue().isNull()) {
                own.remove(e.getKey());
              } else {
                own.set(e.getKey(), e.getValue());
              }
            });
    return new Prediction(
        fields, accepted, parseValid, schemaValid, reason, confidence, fieldConfidence, own);
  }

  /** The model's own values before the rules replaced any (the fields when none were). */
  public JsonNode ownFields() {
    return modelFields != null ? modelFields : fields;
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
