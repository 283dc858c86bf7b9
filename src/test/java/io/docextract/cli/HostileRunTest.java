package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import io.docextract.testing.HostileInputs;
import io.docextract.validate.RecordValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile input of issue 10 through the whole job as a user runs it (`docextract run`, real
 * Tika in its parser process, the real stories260K model): the summary adds up with a container
 * counted as its documents, each file ends where its parse says, every record satisfies the schema,
 * and no output anywhere carries the local file an external entity points at.
 */
class HostileRunTest {

  @TempDir Path tmp;

  @Test
  void everyHostileInputEndsOnceAndTheSummaryAddsUp() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Map<String, String> expected = HostileInputs.writeAll(in);
    Path pipeline =
        Fixtures.write(
            tmp,
            "hostile.yaml",
            """
        name: hostile
        input: %s/*
        output: %s/out
        model:
          path: %s
          chatTemplate: false
          contextSize: 1024
          maxTokens: 64
        batchSize: 4
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            prompt:
              instructions: Extract the receipt.
        """
                .formatted(in, tmp, Fixtures.STORIES.toAbsolutePath()));
    Cli cli = new Cli();

    int code = cli.run("run", "--pipeline", pipeline.toString());

    assertEquals(0, code, cli.err.toString());
    Path out = tmp.resolve("out");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(expected.size(), summary.get("inputs").asLong(), summary.toString());
    assertEquals(
        summary.get("inputs").asLong(),
        summary.get("records").asLong() + summary.get("review").asLong(),
        summary.toString());

    Map<String, JsonNode> ends = new HashMap<>();
    RecordValidator schema = new RecordValidator(Fixtures.schema("receipt"));
    String prefix = in + "/";
    for (Path f : outputs(out)) {
      for (String line : Files.readAllLines(f)) {
        assertFalse(line.contains(HostileInputs.SECRET), f + ": " + line);
        JsonNode n = new ObjectMapper().readTree(line);
        String name = n.get("source").asText().substring(prefix.length());
        assertEquals(null, ends.put(name, n), name + " ended twice");
        if (f.getFileName().toString().startsWith("records")) {
          assertTrue(schema.validate(n.get("fields").toString()).ok(), line);
        }
      }
    }
    assertEquals(expected.keySet(), ends.keySet());
    // The injection parses, then the detector keeps it from the model, naming the phrase.
    JsonNode injection = ends.get("injection.txt");
    assertEquals("suspected_injection", injection.path("reason").asText(), "" + injection);
    assertEquals("BuildRequests", injection.path("stage").asText(), "" + injection);
    assertTrue(
        injection.path("message").asText().contains("IGNORE ALL PREVIOUS INSTRUCTIONS"),
        "" + injection);
    assertEquals(
        1,
        summary.path("review_by_reason").path("suspected_injection").asInt(),
        summary.toString());
    expected.forEach(
        (name, end) -> {
          JsonNode n = ends.get(name);
          if (end.equals("parsed")) {
            // Parsed documents reach the model; what it made of them is its business.
            assertNotEquals("ParseDocuments", n.path("stage").asText(), name + ": " + n);
          } else {
            assertEquals(end, n.path("reason").asText(), name + ": " + n);
            assertEquals("ParseDocuments", n.path("stage").asText(), name + ": " + n);
          }
        });
    JsonNode readme = ends.get("zip-bomb.zip!/readme.txt");
    assertEquals("readme.txt", readme.path("lineage").path("container_path").asText(), "" + readme);
    assertEquals(1, readme.path("lineage").path("depth").asInt(), "" + readme);
  }

  private static List<Path> outputs(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(f -> f.getFileName().toString().matches("(records|review)-.*\\.jsonl"))
          .sorted()
          .toList();
    }
  }
}
