package io.docextract.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.Normaliser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far to trust a record, per field and for the document (its weakest field): whether the value
 * is in the text (grounding score: 1 as printed, the similarity of an approximate match, 0 when
 * absent) times whether the type's rules agree (1 when a rule found the same value, {@link
 * #NO_RULE} when no rule speaks for the field, {@link #RULE_DISAGREES} when the rules found
 * something else) times the model's own probability for the value (its weakest value token; 1 when
 * the value is not the model's or the runtime gave no probabilities). Scores rank documents; {@code
 * eval} calibrates the accept threshold on them.
 */
public record Confidence(double document, Map<String, Double> fields) {

  static final double NO_RULE = 0.9;
  static final double RULE_DISAGREES = 0.6;

  public static Confidence of(
      JsonNode record,
      RecordGrounding grounding,
      Map<String, List<String>> ruleValues,
      Map<String, Normaliser> normalisers,
      Map<String, Double> modelProbabilities) {
    return of(record, grounding, ruleValues, normalisers, modelProbabilities, null);
  }

  /**
   * @param copied the fields whose values are copied from the text (null: all of them); a field
   *     asked for in another form (a currency code for "$", a normalised term, invented line names
   *     aside) is not doubted for being absent as written: its grounding counts only where it was
   *     found
   */
  public static Confidence of(
      JsonNode record,
      RecordGrounding grounding,
      Map<String, List<String>> ruleValues,
      Map<String, Normaliser> normalisers,
      Map<String, Double> modelProbabilities,
      java.util.Set<String> copied) {
    Map<String, Double> fields = new LinkedHashMap<>();
    double document = 1.0;
    for (Map.Entry<String, Double> e : grounding.scores().entrySet()) {
      String field = e.getKey();
      double found =
          copied == null || copied.contains(field) || e.getValue() > 0 ? e.getValue() : 1.0;
      double score =
          found
              * agreement(
                  record.get(field),
                  ruleValues.get(field),
                  normalisers.getOrDefault(field, Normaliser.TEXT))
              * modelProbabilities.getOrDefault(field, 1.0);
      score = Math.round(score * 1000) / 1000.0;
      fields.put(field, score);
      document = Math.min(document, score);
    }
    return new Confidence(document, fields);
  }

  private static double agreement(JsonNode value, List<String> rules, Normaliser n) {
    if (rules == null || rules.isEmpty()) {
      return NO_RULE;
    }
    String mine = n.apply(value.isTextual() ? value.asText() : value.toString());
    for (String r : rules) {
      if (n.apply(r).equals(mine)) {
        return 1.0;
      }
    }
    return value.isArray() ? NO_RULE : RULE_DISAGREES;
  }

  /** For lineage: {document, fields}. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("document", document);
    m.put("fields", fields);
    return m;
  }
}
