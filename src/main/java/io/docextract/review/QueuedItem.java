package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One review item as a reviewer works on it: the item as the run wrote it, the document's text as
 * the model saw it (re-parsed from the source), the model's predicted fields where its reply
 * parsed, their spans in the text, and a score to sort by.
 *
 * @param predicted the reply's fields, or an empty object when it did not parse
 * @param spans field → list of spans (one per value; null where a value was not found)
 * @param score the weakest field's grounding score: 1 when every value was found as printed, the
 *     similarity of the worst approximate match, 0 when a value is missing from the text
 */
public record QueuedItem(
    JsonNode item,
    String text,
    ObjectNode predicted,
    Map<String, java.util.List<io.docextract.values.Span>> spans,
    double score) {

  public String id() {
    return item.path("id").asText();
  }

  public String source() {
    return item.path("source").asText();
  }
}
