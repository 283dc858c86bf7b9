package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.ingest.DocumentParser;
import io.docextract.testing.Fixtures;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small receipts folder, the tiny model's pipeline, and the exactly-once check on outputs. */
final class ScheduledJobs {

  private ScheduledJobs() {}

  static Path pipeline(Path dir) {
    return Fixtures.write(
        dir,
        "p.yaml",
        """
        name: scheduled
        input: %s/in/*/*
        output: %s/out
        model:
          path: %s
          chatTemplate: false
          contextSize: 1024
          maxTokens: 128
        batchSize: 2
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            match: ["**/receipts/*"]
            prompt:
              instructions: Extract the receipt.
        """
            .formatted(dir, dir, Fixtures.STORIES.toAbsolutePath()));
  }

  /** Receipts number {@code from} (inclusive) to {@code to}, each with different bytes. */
  static void receipts(Path in, int from, int to) {
    for (int i = from; i < to; i++) {
      Fixtures.write(
          in,
          "receipts/r" + i + ".txt",
          "KEDAI NOMBOR "
              + i
              + " SDN BHD\nLOT "
              + i
              + ", JALAN SATU\n0"
              + (1 + i % 9)
              + "/02/2019\nTOTAL "
              + i
              + ".50");
    }
  }

  /** The ids of every records and review line under {@code out}, over all runs' files. */
  static List<String> outputIds(Path out) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(ScheduledJobs::isOutput).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            JsonNode node = JsonLines.mapper().readTree(line);
            ids.add(node.get("id").asText());
          }
        }
      }
    }
    return ids;
  }

  private static boolean isOutput(Path f) {
    String n = f.getFileName().toString();
    return (n.startsWith("records") || n.startsWith("review")) && n.endsWith(".jsonl");
  }

  /** Every input file's content hash is in the outputs once, and nothing else is. */
  static void assertEachInputExactlyOnce(Path in, Path out) throws IOException {
    List<String> inputs;
    try (Stream<Path> walk = Files.walk(in)) {
      inputs = walk.filter(Files::isRegularFile).map(ScheduledJobs::contentId).sorted().toList();
    }
    Map<String, Long> counts =
        outputIds(out).stream()
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    Map<String, Long> once =
        inputs.stream()
            .collect(Collectors.toMap(Function.identity(), x -> 1L, (a, b) -> a, TreeMap::new));
    assertEquals(once, counts, "each input's id exactly once across records and review");
  }

  private static String contentId(Path file) {
    try {
      return DocumentParser.sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
