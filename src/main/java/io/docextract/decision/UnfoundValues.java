package io.docextract.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.grounding.RecordGrounding;
import io.docextract.values.Span;
import java.util.List;
import java.util.Map;

/**
 * The proposal a review item carries when values that must be copied from the document were not
 * found there: those values left out (a list keeps its found items), so a reviewer starts from what
 * the document prints rather than from what the model made up. Out of fold on the NDA train part,
 * every effective date the model wrote that the text did not print was wrong (13 of 13, 9 where the
 * gold has none).
 */
final class UnfoundValues {

  private UnfoundValues() {}

  /** {@code fields} without the unfound values of {@code missing}; the item order is kept. */
  static ObjectNode without(JsonNode fields, RecordGrounding grounding, List<String> missing) {
    ObjectNode out = ((ObjectNode) fields).deepCopy();
    Map<String, List<Span>> spans = grounding.spanLists();
    for (String field : missing) {
      JsonNode v = fields.get(field);
      if (v != null && v.isArray()) {
        List<Span> found = spans.getOrDefault(field, List.of());
        ArrayNode kept = out.putArray(field);
        for (int i = 0; i < v.size(); i++) {
          if (i < found.size() && found.get(i) != null) {
            kept.add(v.get(i));
          }
        }
      } else {
        out.putNull(field);
      }
    }
    return out;
  }
}
