package io.docextract.passages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One record from the answers for a document's chunks, field by field: {@code first} (the first
 * chunk that gives a value: parties and dates open a contract), {@code union} (a list of every
 * distinct value, as for parties), or {@code majority} (the value most chunks give, ties to the
 * earliest).
 */
public final class FieldMerge {

  public enum Policy {
    FIRST,
    UNION,
    MAJORITY
  }

  private FieldMerge() {}

  /**
   * @param answers the chunks' parsed answers in document order; a failed chunk is skipped
   */
  public static ObjectNode merge(List<JsonNode> answers, Map<String, Policy> policies) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Policy> e : policies.entrySet()) {
      String field = e.getKey();
      List<JsonNode> values = new ArrayList<>();
      for (JsonNode a : answers) {
        JsonNode v = a == null ? null : a.get(field);
        if (v != null && !empty(v)) {
          values.add(v);
        }
      }
      if (values.isEmpty()) {
        // Keep the field as the chunks gave it (null, or an empty list), so the schema decides.
        JsonNode any =
            answers.stream()
                .filter(a -> a != null && a.has(field))
                .map(a -> a.get(field))
                .findFirst()
                .orElse(null);
        if (any != null) {
          out.set(field, any);
        }
        continue;
      }
      out.set(
          field,
          switch (e.getValue()) {
            case FIRST -> values.get(0);
            case UNION -> union(values);
            case MAJORITY -> majority(values);
          });
    }
    return out;
  }

  private static boolean empty(JsonNode v) {
    return v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isArray() && v.isEmpty());
  }

  private static JsonNode union(List<JsonNode> values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode v : values) {
      for (JsonNode item : v.isArray() ? v : List.of(v)) {
        if (!empty(item) && seen.add(key(item))) {
          out.add(item);
        }
      }
    }
    return out;
  }

  private static JsonNode majority(List<JsonNode> values) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (JsonNode v : values) {
      counts.merge(key(v), 1, Integer::sum);
      byKey.putIfAbsent(key(v), v);
    }
    String best = null;
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (best == null || c.getValue() > counts.get(best)) {
        best = c.getKey();
      }
    }
    return byKey.get(best);
  }

  /** Values equal but for case and spacing count as one. */
  private static String key(JsonNode v) {
    String s = v.isTextual() ? v.asText() : v.toString();
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
