package io.docextract.grounding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.Normaliser;
import io.docextract.values.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grounds every value of an extracted record: strings and numbers are looked up in the text, each
 * string of an array separately. Empty values have nothing to ground and are not reported.
 *
 * @param spans field → span, or field → list of spans (null where an item was not found)
 * @param ungrounded fields with a value (or an array item) that was not found in the text
 */
public record RecordGrounding(Map<String, Object> spans, List<String> ungrounded) {

  /**
   * @param normalisers per field; a date or amount that is not printed as written in the record is
   *     looked for in its printed forms
   */
  public static RecordGrounding of(
      JsonNode fields, String text, Grounder grounder, Map<String, Normaliser> normalisers) {
    Map<String, Object> spans = new LinkedHashMap<>();
    List<String> ungrounded = new ArrayList<>();
    fields
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isArray()) {
                List<Span> items = new ArrayList<>();
                boolean missing = false;
                for (JsonNode item : v) {
                  Optional<Span> s =
                      value(item)
                          .flatMap(x -> locate(text, x, grounder, normalisers.get(e.getKey())));
                  items.add(s.orElse(null));
                  missing |= s.isEmpty() && value(item).isPresent();
                }
                if (!items.isEmpty()) {
                  spans.put(e.getKey(), items);
                }
                if (missing) {
                  ungrounded.add(e.getKey());
                }
                return;
              }
              Optional<String> value = value(v);
              if (value.isEmpty()) {
                return;
              }
              Optional<Span> s = locate(text, value.get(), grounder, normalisers.get(e.getKey()));
              spans.put(e.getKey(), s.orElse(null));
              if (s.isEmpty()) {
                ungrounded.add(e.getKey());
              }
            });
    return new RecordGrounding(spans, List.copyOf(ungrounded));
  }

  /**
   * Whether each value that is not looked for as written was found, searched as {@link #of}
   * searches: numbers (a printed money amount equal to it, not a "1" printed as a quantity) and
   * currency codes (a printed code or mark that names it). The rules' fallback asks this before the
   * record it may change is grounded whole; other values it looks for as written.
   */
  public static Map<String, Boolean> foundByForm(
      JsonNode fields, String text, Grounder grounder, Map<String, Normaliser> normalisers) {
    ObjectNode byForm = JsonNodeFactory.instance.objectNode();
    fields
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNumber()
                  || (e.getValue().isTextual()
                      && normalisers.get(e.getKey()) == Normaliser.CURRENCY)) {
                byForm.set(e.getKey(), e.getValue());
              }
            });
    List<String> ungrounded = of(byForm, text, grounder, normalisers).ungrounded();
    Map<String, Boolean> found = new LinkedHashMap<>();
    byForm.fieldNames().forEachRemaining(f -> found.put(f, !ungrounded.contains(f)));
    return found;
  }

  /** Each field's spans as a list, one per value (null where a value was not found). */
  public Map<String, List<Span>> spanLists() {
    Map<String, List<Span>> out = new LinkedHashMap<>();
    spans.forEach(
        (field, s) -> {
          List<Span> list = new ArrayList<>();
          if (s instanceof List<?> items) {
            items.forEach(i -> list.add((Span) i));
          } else {
            list.add((Span) s);
          }
          out.put(field, list);
        });
    return out;
  }

  /**
   * Each field's grounding score: its weakest value's (1 as printed, the similarity of an
   * approximate match), 0 when one of its values was not found.
   */
  public Map<String, Double> scores() {
    Map<String, Double> out = new LinkedHashMap<>();
    spanLists()
        .forEach(
            (field, list) ->
                out.put(
                    field,
                    list.stream().mapToDouble(s -> s == null ? 0 : s.score()).min().orElse(1.0)));
    return out;
  }

  /**
   * An amount only where a printed money amount equals it, a date only as a whole printed token or
   * a printed date that means the same day (never approximately: one digit off is another day);
   * anything else as {@link Grounder#locate} finds it.
   */
  private static Optional<Span> locate(
      String text, String value, Grounder grounder, Normaliser normaliser) {
    if (normaliser == Normaliser.AMOUNT) {
      return MoneyMatch.find(text, value);
    }
    if (normaliser == Normaliser.CURRENCY || normaliser == Normaliser.DURATION) {
      // A code is three letters: only a printed code or mark that names it counts, not "USA"; a
      // duration only as one that means the same ("two (2) years" for "2 years"), never
      // approximately ("3 years" is not "2 years").
      return NormalisedMatch.find(text, value, normaliser);
    }
    if (normaliser == Normaliser.DATE || normaliser == Normaliser.DATE_MDY) {
      Optional<Span> s = grounder.wholeNumberToken(text, value);
      return s.isPresent() ? s : NormalisedMatch.find(text, value, normaliser);
    }
    Optional<Span> s = grounder.locate(text, value);
    if (s.isEmpty() && normaliser != null) {
      s = NormalisedMatch.find(text, value, normaliser);
    }
    return s;
  }

  private static Optional<String> value(JsonNode v) {
    if (v.isTextual() && !v.asText().isBlank()) {
      return Optional.of(v.asText());
    }
    if (v.isNumber()) {
      return Optional.of(v.asText());
    }
    return Optional.empty();
  }
}
