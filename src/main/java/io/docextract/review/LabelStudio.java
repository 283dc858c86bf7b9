package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.JsonLines;
import io.docextract.values.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Label Studio's formats for a review queue: a labeling config generated from the document type's
 * schema (one TextArea per field holding the value, one Labels control marking where each value is
 * in the text), tasks with the model's values and spans as pre-annotations, and corrected values
 * read back from Label Studio's JSON export.
 *
 * <p>Offsets: Label Studio stores Text offsets in Unicode code points (since
 * label-studio-frontend#308), Java strings count UTF-16 units; spans are converted both ways.
 */
public final class LabelStudio {

  static final String LABELS = "evidence";
  static final String TEXT = "text";

  private LabelStudio() {}

  /** The labeling config: paste into the project's Labeling Interface (Code). */
  public static String config(JsonNode schema) {
    StringBuilder x = new StringBuilder("<View>\n");
    x.append("  <Header value=\"$reason: $message\"/>\n");
    x.append("  <Labels name=\"" + LABELS + "\" toName=\"" + TEXT + "\">\n");
    schema
        .path("properties")
        .fieldNames()
        .forEachRemaining(f -> x.append("    <Label value=\"").append(xml(f)).append("\"/>\n"));
    x.append("  </Labels>\n");
    x.append("  <Text name=\"" + TEXT + "\" value=\"$text\"/>\n");
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              String f = xml(e.getKey());
              boolean many = "array".equals(e.getValue().path("type").asText());
              x.append("  <Header value=\"")
                  .append(f)
                  .append(many ? " (one per line)" : "")
                  .append("\"/>\n");
              x.append("  <TextArea name=\"")
                  .append(f)
                  .append("\" toName=\"" + TEXT + "\" editable=\"true\"")
                  .append(many ? "" : " maxSubmissions=\"1\"")
                  .append(" rows=\"1\"/>\n");
            });
    return x.append("</View>\n").toString();
  }

  /** One task: the text and item facts as data, the model's values and spans as a prediction. */
  public static ObjectNode task(QueuedItem q, int taskId, String modelVersion, JsonNode schema) {
    ObjectNode t = JsonLines.mapper().createObjectNode();
    t.put("id", taskId);
    ObjectNode data = t.putObject("data");
    data.put(TEXT, q.text());
    data.put("doc_id", q.id());
    data.put("source", q.source());
    data.put("document_type", q.item().path("document_type").asText());
    data.put("reason", q.item().path("reason").asText());
    data.put("message", q.item().path("message").asText());
    if (q.predicted().isEmpty()) {
      return t;
    }
    ObjectNode p = t.putArray("predictions").addObject();
    p.put("model_version", modelVersion);
    p.put("score", q.score());
    ArrayNode result = p.putArray("result");
    schema
        .path("properties")
        .fieldNames()
        .forEachRemaining(
            field -> {
              JsonNode v = q.predicted().get(field);
              if (v == null || v.isNull()) {
                return;
              }
              ObjectNode r = result.addObject();
              r.put("id", field);
              r.put("from_name", field);
              r.put("to_name", TEXT);
              r.put("type", "textarea");
              ArrayNode lines = r.putObject("value").putArray("text");
              if (v.isArray()) {
                v.forEach(item -> lines.add(item.isTextual() ? item.asText() : item.toString()));
              } else {
                lines.add(v.isTextual() ? v.asText() : v.toString());
              }
              List<Span> spans = q.spans().getOrDefault(field, List.of());
              for (int i = 0; i < spans.size(); i++) {
                Span s = spans.get(i);
                if (s == null) {
                  continue;
                }
                ObjectNode l = result.addObject();
                l.put("id", field + "-span-" + i);
                l.put("from_name", LABELS);
                l.put("to_name", TEXT);
                l.put("type", "labels");
                ObjectNode value = l.putObject("value");
                value.put("start", q.text().codePointCount(0, s.start()));
                value.put("end", q.text().codePointCount(0, s.end()));
                value.put("text", s.matched());
                value.putArray("labels").add(field);
                l.put("score", s.score());
              }
            });
    return t;
  }

  /**
   * The reviewed values of one exported task: from its latest annotation that was not cancelled,
   * each field's TextArea (arrays one entry per line; numbers and objects parsed back), or absent
   * when the task has no usable annotation.
   */
  public static java.util.Optional<ObjectNode> corrected(JsonNode task, JsonNode schema)
      throws IOException {
    JsonNode chosen = null;
    for (JsonNode a : task.path("annotations")) {
      if (!a.path("was_cancelled").asBoolean(false)) {
        chosen = a;
      }
    }
    if (chosen == null) {
      return java.util.Optional.empty();
    }
    Map<String, List<String>> values = new java.util.HashMap<>();
    for (JsonNode r : chosen.path("result")) {
      if ("textarea".equals(r.path("type").asText())) {
        List<String> lines = new ArrayList<>();
        r.path("value").path("text").forEach(s -> lines.add(s.asText()));
        values.computeIfAbsent(r.path("from_name").asText(), k -> new ArrayList<>()).addAll(lines);
      }
    }
    ObjectNode fields = JsonLines.mapper().createObjectNode();
    var it = schema.path("properties").fields();
    while (it.hasNext()) {
      var e = it.next();
      List<String> given = values.get(e.getKey());
      fields.set(e.getKey(), Fields.fromLines(given, e.getValue()));
    }
    return java.util.Optional.of(fields);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
