package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.docextract.values.JsonLines;
import io.docextract.values.Span;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review queue as plain files people edit: JSON lines (one item with its text, values, spans
 * and score per line; edit {@code fields}) and CSV (one row per item, one column per field; arrays
 * joined with " | "; edit the field cells). Read back, each gives {@link Correction}s.
 */
public final class QueueFiles {

  private static final List<String> FIXED =
      List.of("id", "source", "document_type", "reason", "message", "score");

  private QueueFiles() {}

  public static void writeJsonLines(List<QueuedItem> items, Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      for (QueuedItem q : items) {
        ObjectNode o = fixed(q);
        o.put("text", q.text());
        o.set("fields", q.predicted());
        ObjectNode spans = o.putObject("spans");
        for (Map.Entry<String, List<Span>> e : q.spans().entrySet()) {
          ArrayNode a = spans.putArray(e.getKey());
          e.getValue().forEach(s -> a.add(JsonLines.mapper().valueToTree(s)));
        }
        w.write(o.toString());
        w.newLine();
      }
    }
  }

  public static List<Correction> readJsonLines(Path in, JsonNode schema) throws IOException {
    List<Correction> out = new ArrayList<>();
    for (String line : Files.readAllLines(in)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode o = JsonLines.mapper().readTree(line);
      ObjectNode fields = JsonLines.mapper().createObjectNode();
      var it = schema.path("properties").fieldNames();
      while (it.hasNext()) {
        String f = it.next();
        JsonNode v = o.path("fields").get(f);
        fields.set(f, v == null ? Fields.fromLines(null, schema.path("properties").get(f)) : v);
      }
      out.add(
          new Correction(
              o.path("id").asText(),
              o.path("source").asText(),
              o.path("document_type").asText(),
              o.path("text").asText(""),
              fields));
    }
    return out;
  }

  public static void writeCsv(List<QueuedItem> items, Path out, JsonNode schema)
      throws IOException {
    List<String> fields = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(fields::add);
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
    FIXED.forEach(b::addColumn);
    fields.forEach(b::addColumn);
    List<Map<String, String>> rows = new ArrayList<>();
    for (QueuedItem q : items) {
      Map<String, String> row = new LinkedHashMap<>();
      fixed(q).fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
      fields.forEach(f -> row.put(f, Fields.toCell(q.predicted().get(f))));
      rows.add(row);
    }
    new CsvMapper().writer(b.build()).writeValues(out.toFile()).writeAll(rows).close();
  }

  /** CSV rows back; the CSV holds no text, so {@code textOf} gives it for each row's source. */
  public static List<Correction> readCsv(
      Path in, JsonNode schema, java.util.function.UnaryOperator<String> textOf)
      throws IOException {
    List<Correction> out = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(in.toFile())) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        ObjectNode fields = JsonLines.mapper().createObjectNode();
        var props = schema.path("properties").fields();
        while (props.hasNext()) {
          var p = props.next();
          fields.set(p.getKey(), Fields.fromCell(row.get(p.getKey()), p.getValue()));
        }
        String id = row.get("id");
        out.add(
            new Correction(
                id,
                row.get("source"),
                row.get("document_type"),
                textOf.apply(row.get("source")),
                fields));
      }
    }
    return out;
  }

  private static ObjectNode fixed(QueuedItem q) {
    ObjectNode o = JsonLines.mapper().createObjectNode();
    o.put("id", q.id());
    o.put("source", q.source());
    o.put("document_type", q.item().path("document_type").asText());
    o.put("reason", q.item().path("reason").asText());
    o.put("message", q.item().path("message").asText());
    o.put("score", q.score());
    return o;
  }
}
