package io.docextract.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.Normaliser;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules beside the model: where the model's value for a field is empty, or cannot be found in the
 * document's text, the rule's value takes its place (the rule file's {@code precedence} may keep
 * the model's value anyway, or prefer the rule's). The same logic runs in the pipeline and in the
 * eval report's "model+rules" column, so the figures describe what the pipeline does.
 */
public final class RuleFallback {

  private RuleFallback() {}

  /**
   * Replaces ungrounded or empty values in {@code fields} (in place) and returns, per replaced
   * field, the rule that supplied it.
   */
  public static Map<String, String> apply(
      ObjectNode fields, RuleSet rules, String text, JsonNode schema) {
    return apply(fields, rules, rules.matches(text == null ? "" : text), text, schema);
  }

  /** The same, with the rules' matches on {@code text} already found. */
  public static Map<String, String> apply(
      ObjectNode fields,
      RuleSet rules,
      Map<String, RuleSet.Match> matches,
      String text,
      JsonNode schema) {
    Map<String, String> sources = new LinkedHashMap<>();
    if (matches.isEmpty()) {
      return sources;
    }
    String folded = Normaliser.TEXT.apply(text == null ? "" : text);
    matches.forEach(
        (field, match) -> {
          List<String> values = match.values();
          JsonNode v = fields.get(field);
          boolean empty =
              v == null
                  || v.isNull()
                  || (v.isTextual() && v.asText().isBlank())
                  || (v.isArray() && v.isEmpty());
          boolean grounded =
              !empty && v.isValueNode() && !v.isNumber()
                  ? folded.contains(Normaliser.TEXT.apply(v.asText()))
                  : !empty
                      && (v.isNumber()
                          || Normaliser.values(v, Normaliser.TEXT).stream()
                              .allMatch(folded::contains));
          boolean replace =
              switch (rules.precedence(field)) {
                case RULES -> true;
                case MODEL -> empty;
                case GROUNDED_MODEL -> empty || !grounded;
              };
          if (replace) {
            put(fields, field, values, schema.path("properties").path(field).path("type"));
            sources.put(field, "rule:" + match.rule());
          }
        });
    return sources;
  }

  private static void put(ObjectNode fields, String field, List<String> values, JsonNode type) {
    String t = type.isArray() ? type.get(0).asText() : type.asText();
    switch (t) {
      case "array" -> {
        var arr = fields.putArray(field);
        values.forEach(arr::add);
      }
      case "number", "integer" -> {
        try {
          fields.put(field, new BigDecimal(Normaliser.AMOUNT.apply(values.get(0))));
        } catch (NumberFormatException e) {
          fields.put(field, values.get(0));
        }
      }
      default -> fields.put(field, values.get(0));
    }
  }
}
