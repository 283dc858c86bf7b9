package io.docextract.cli;

import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which labelled documents a command reads, shared by eval, finetune and export. */
final class GoldOptions {

  @Option(
      names = "--docs",
      paramLabel = "DIR",
      description = "where the gold's documents are (default: beside the gold file)")
  Path docs;

  @Option(
      names = "--text",
      description =
          "use the text given with the gold ('text' or SROIE"
              + " 'ocr_boxes') instead of parsing the documents: extraction apart from OCR")
  boolean text;

  @Option(
      names = "--select",
      defaultValue = "all",
      paramLabel = "FROM:TO",
      description = "slice of the gold file's lines, e.g. 300: for a held-apart tail")
  String select;

  @Option(
      names = "--split",
      paramLabel = "FILE:PART",
      description =
          "a recorded split's part (train, tune or test), e.g. splits/sroie-train-text"
              + ".json:test; --select then slices within it")
  String split;

  @Option(names = "--type", paramLabel = "NAME", description = "document type (default: the first)")
  String type;

  List<GoldDocument> load(Path gold) throws IOException {
    List<GoldDocument> all = GoldSet.load(gold);
    return GoldSet.slice(split == null ? all : Splits.select(all, split), select);
  }

  /** What was selected, for report titles: the split and/or the slice. */
  String describe() {
    String slice = select == null || select.equals("all") ? "" : "select " + select;
    if (split == null) {
      return slice.isEmpty() ? "all" : slice;
    }
    return "split " + split + (slice.isEmpty() ? "" : ", " + slice);
  }

  /** Puts one file per gold document into a fresh folder, named so results map back. */
  Map<String, GoldDocument> materialise(List<GoldDocument> goldDocs, Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
    Map<String, GoldDocument> byFile = new LinkedHashMap<>();
    for (GoldDocument g : goldDocs) {
      String name;
      if (text) {
        name = g.doc() + ".txt";
        Files.writeString(dir.resolve(name), g.text());
      } else {
        Path src = g.file(docs).toAbsolutePath();
        if (!Files.isRegularFile(src)) {
          throw new IOException("gold document not found: " + src);
        }
        name = src.getFileName().toString();
        Files.createSymbolicLink(dir.resolve(name), src);
      }
      byFile.put(name, g);
    }
    return byFile;
  }
}
