package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each document's per-field confidence (lineage.confidence.fields) from a run's record and review
 * files, keyed by file name like {@code EvaluationJob}'s predictions. Read here rather than there
 * because only eval's reliability tables need it.
 */
public final class FieldConfidences {

  private FieldConfidences() {}

  public static Map<String, Map<String, Double>> read(List<String> files) throws IOException {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (String f : files) {
      for (String line : Files.readAllLines(Path.of(f))) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JsonLines.mapper().readTree(line);
        JsonNode fields = n.path("lineage").path("confidence").path("fields");
        if (!fields.isObject()) {
          continue;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        fields
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isNumber()) {
                    m.put(e.getKey(), e.getValue().asDouble());
                  }
                });
        String source = n.path("source").asText();
        out.put(source.substring(source.lastIndexOf('/') + 1), m);
      }
    }
    return out;
  }

  /** The predictions with their field confidences attached where the run gave them. */
  public static Map<String, Prediction> attach(
      Map<String, Prediction> byFile, Map<String, Map<String, Double>> confidences) {
    Map<String, Prediction> out = new HashMap<>();
    byFile.forEach(
        (file, p) ->
            out.put(file, p.withFieldConfidence(confidences.getOrDefault(file, Map.of()))));
    return out;
  }
}
