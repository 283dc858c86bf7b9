package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fixed split recorded in the repository (splits/*.json: train / tune / test lists of gold
 * document ids, with a note on how it was made), so held-apart documents are named once instead of
 * being re-derived from line numbers by every command.
 */
public final class Splits {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  // train, tune and test in every split; a file may add parts of its own, e.g. the folds of a
  // cross-fitted calibration (fold0 and its complement rest0, ...).
  private static final Pattern PART = Pattern.compile("[a-z0-9_-]+");

  private Splits() {}

  /**
   * The documents of {@code spec} ("FILE:PART", PART a list of the file: train, tune, test, or one
   * the file adds) in the gold file's order. Fails when the split names an id the gold file does
   * not have: a split made for another gold file must not silently select fewer documents.
   */
  public static List<GoldDocument> select(List<GoldDocument> docs, String spec) throws IOException {
    int colon = spec.lastIndexOf(':');
    if (colon <= 0 || !PART.matcher(spec.substring(colon + 1)).matches()) {
      throw new IllegalArgumentException(
          "a split is FILE:PART with PART a part of the file (train, tune, test), got " + spec);
    }
    return select(docs, Path.of(spec.substring(0, colon)), spec.substring(colon + 1));
  }

  public static List<GoldDocument> select(List<GoldDocument> docs, Path file, String part)
      throws IOException {
    JsonNode root = MAPPER.readTree(Files.readString(file));
    JsonNode ids = root.path(part);
    if (!ids.isArray()) {
      List<String> parts = new ArrayList<>();
      root.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isArray()) {
                  parts.add(e.getKey());
                }
              });
      throw new IllegalArgumentException(
          file + " has no part '" + part + "'; its parts: " + String.join(", ", parts));
    }
    Set<String> wanted = new LinkedHashSet<>();
    ids.forEach(id -> wanted.add(id.asText()));
    Set<String> known = new LinkedHashSet<>();
    docs.forEach(d -> known.add(d.doc()));
    List<String> unknown = new ArrayList<>(wanted);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IOException(
          file
              + ":"
              + part
              + " names "
              + unknown.size()
              + " document(s) not in the gold file, e.g. "
              + unknown.get(0)
              + " (a split for another gold file?)");
    }
    List<GoldDocument> out = new ArrayList<>();
    for (GoldDocument d : docs) {
      if (wanted.contains(d.doc())) {
        out.add(d);
      }
    }
    return out;
  }
}
