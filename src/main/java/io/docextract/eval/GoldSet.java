package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A gold file (JSON lines) as in ../shared/data, with a slice selector for held-apart splits. */
public final class GoldSet {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoldSet() {}

  public static List<GoldDocument> load(Path gold) throws IOException {
    Path base = gold.toAbsolutePath().getParent();
    List<GoldDocument> docs = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(gold)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = MAPPER.readTree(line);
      if (!node.hasNonNull("doc") || !node.has("fields")) {
        throw new IOException(gold + ":" + n + ": a gold line needs 'doc' and 'fields'");
      }
      docs.add(
          new GoldDocument(
              node.get("doc").asText(),
              node.get("fields"),
              node.hasNonNull("text") ? node.get("text").asText() : null,
              node.hasNonNull("ocr_boxes") ? node.get("ocr_boxes").asText() : null,
              base));
    }
    return docs;
  }

  /**
   * A Python-style slice of the file's order: "300:" (from the 301st on), ":70", "10:20", or "all".
   * Held-apart splits are stated as slices so they are reproducible and visible.
   */
  public static List<GoldDocument> slice(List<GoldDocument> docs, String spec) {
    if (spec == null || spec.isBlank() || spec.equals("all") || spec.equals(":")) {
      return docs;
    }
    String[] parts = spec.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a slice is FROM:TO (either may be empty), got " + spec);
    }
    int from = parts[0].isBlank() ? 0 : index(parts[0], docs.size());
    int to = parts[1].isBlank() ? docs.size() : index(parts[1], docs.size());
    return docs.subList(Math.min(from, docs.size()), Math.max(Math.min(to, docs.size()), from));
  }

  private static int index(String s, int size) {
    int i = Integer.parseInt(s.strip());
    return i < 0 ? Math.max(0, size + i) : i;
  }
}
