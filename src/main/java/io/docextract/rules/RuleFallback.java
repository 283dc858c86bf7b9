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
    return apply(fields, rules, rules.matches(text == null ? "" : text), text, schema, Map.of());
  }

  /**
   * The same, with the rules' matches on {@code text} already found, and where a field in {@code
   * foundByForm} counts as found only when it says so: the decision passes its grounding of numbers
   * (a printed money amount equal to it, not a "1" printed as a quantity) and of currency codes (a
   * printed "$" for USD). Other text values must occur as written (case and spacing aside), so a
   * model value that differs from the print in a comma gives way to the rule's, which is the print;
   * a number not in the map counts as found.
   */
  public static Map<String, String> apply(
      ObjectNode fields,
      RuleSet rules,
      Map<String, RuleSet.Match> matches,
      String text,
      JsonNode schema,
      Map<String, Boolean> foundByForm) {
    String folded = Normaliser.TEXT.apply(text == null ? "" : text);
    Map<String, String> sources = new LinkedHashMap<>();
    matches.forEach(
        (field, match) -> {
          JsonNode v = fields.get(field);
          Boolean byForm = foundByForm.get(field);
          boolean found =
              !empty(v) && (byForm != null ? byForm : v.isNumber() || literally(v, folded));
          if (replace(v, rules.precedence(field, match), found)) {
            put(fields, field, match.values(), schema.path("properties").path(field).path("type"));
            sources.put(field, "rule:" + match.rule());
          }
        });
    return sources;
  }

  private static boolean replace(JsonNode v, RuleSet.Precedence precedence, boolean grounded) {
    boolean empty = empty(v);
    return switch (precedence) {
      case RULES -> true;
      case MODEL -> empty;
      case GROUNDED_MODEL -> empty || !grounded;
    };
  }

  private static boolean empty(JsonNode v) {
    return v == null
        || v.isNull()
        || (v.isTextual() && v.asText().isBlank())
        || (v.isArray() && v.isEmpty());
  }

  /** Case and spacing aside, the value's text (each item's, for a list) occurs in the text. */
  private static boolean literally(JsonNode v, String folded) {
    if (v.isValueNode()) {
      return folded.contains(Normaliser.TEXT.apply(v.asText()));
    }
    return Normaliser.values(v, Normaliser.TEXT).stream().allMatch(folded::contains);
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
