package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-document results of several earlier {@code eval} runs (their {@code documents.jsonl}), read
 * back as one set of predictions of one system: the held-out folds of a cross-fitted model, or
 * several rounds of reviewed documents, pooled so an accept threshold is chosen on all of them
 * rather than on the few documents of one tune slice.
 */
public final class PooledDocuments {

  /** The name the pooled predictions go by in the coverage table. */
  public static final String SYSTEM = "pooled";

  private PooledDocuments() {}

  /**
   * Reads each file (or {@code DIR/documents.jsonl}). Every file must hold one model's results, and
   * no document may appear twice: it would count twice in the precision.
   */
  public static List<EvalItem> read(List<Path> sources) throws IOException {
    List<EvalItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path source : sources) {
      Path file = Files.isDirectory(source) ? source.resolve("documents.jsonl") : source;
      if (!Files.isRegularFile(file)) {
        throw new IOException(file + ": no such file (an eval --out folder has documents.jsonl)");
      }
      int line = 0;
      for (String text : Files.readAllLines(file)) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode d = JsonLines.mapper().readTree(text);
        String doc = d.path("doc").asText();
        if (!seen.add(doc)) {
          throw new IOException(file + ":" + line + ": document " + doc + " is in two files");
        }
        JsonNode model = modelOf(d.path("systems"), file, line);
        items.add(
            new EvalItem(doc, d.path("gold"), "", Map.of(), Map.of(SYSTEM, prediction(model))));
      }
    }
    return items;
  }

  private static JsonNode modelOf(JsonNode systems, Path file, int line) throws IOException {
    List<String> models = new ArrayList<>();
    systems
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!n.equals(EvalReport.RULES) && !n.endsWith(EvalReport.WITH_RULES)) {
                models.add(n);
              }
            });
    if (models.size() != 1) {
      throw new IOException(
          file
              + ":"
              + line
              + ": expected the results of one model, found "
              + (models.isEmpty() ? "none (an eval --rules-only)" : String.join(", ", models)));
    }
    return systems.get(models.get(0));
  }

  private static Prediction prediction(JsonNode s) {
    JsonNode fields = s.path("fields").isObject() ? s.get("fields") : null;
    Map<String, Double> fieldConfidence = new LinkedHashMap<>();
    s.path("field_confidence")
        .fields()
        .forEachRemaining(e -> fieldConfidence.put(e.getKey(), e.getValue().asDouble()));
    return new Prediction(
            fields,
            s.path("accepted").asBoolean(false),
            fields != null,
            fields != null,
            s.path("reason").isTextual() ? s.get("reason").asText() : null,
            s.path("confidence").isNumber() ? s.get("confidence").asDouble() : null)
        .withFieldConfidence(fieldConfidence);
  }
}
