package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, files on disk. */
class RunCommandTest {

  @TempDir Path tmp;

  private final Cli cli = new Cli();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private Path pipeline(String extra) {
    return Fixtures.write(
        tmp,
        "p.yaml",
        """
        name: cli-test
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
        %s"""
            .formatted(tmp, tmp, Fixtures.STORIES.toAbsolutePath(), extra));
  }

  @Test
  void runsAJobAndWritesRecordsReviewAndABalancedSummary() throws Exception {
    Fixtures.write(tmp, "in/receipts/a.txt", "SHOP SDN BHD\nJALAN 1\n01/01/2019\nTOTAL 1.00");
    Fixtures.write(tmp, "in/receipts/b.txt", "KEDAI DUA\nJALAN 2\n02/02/2019\nTOTAL 2.00");
    Fixtures.write(tmp, "in/other/c.txt", "not a receipt");
    int code = run("run", "--pipeline", pipeline("").toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("3 inputs"), out.toString());
    JsonNode summary = new ObjectMapper().readTree(tmp.resolve("out/summary.json").toFile());
    assertEquals(3, summary.get("inputs").asLong());
    assertEquals(3, summary.get("records").asLong() + summary.get("review").asLong());
    assertEquals(1, summary.path("review_by_reason").path("unknown_type").asLong());
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("review-")));
    }
  }

  @Test
  void aMissingPipelineFileIsABadConfiguration() {
    assertEquals(
        ExitCodes.BAD_CONFIG, run("run", "--pipeline", tmp.resolve("nope.yaml").toString()));
    assertTrue(err.toString().contains("pipeline file not found"), err.toString());
  }

  @Test
  void anUnknownKeyIsNamed() {
    assertEquals(
        ExitCodes.BAD_CONFIG, run("run", "--pipeline", pipeline("colour: blue").toString()));
    assertTrue(err.toString().contains("unknown key 'colour'"), err.toString());
  }

  @Test
  void aMissingModelHasItsOwnExitCode() {
    int code =
        run(
            "run",
            "--pipeline",
            pipeline("").toString(),
            "--model",
            tmp.resolve("missing.gguf").toString());
    assertEquals(ExitCodes.MODEL_UNAVAILABLE, code);
    assertTrue(err.toString().contains("missing.gguf"), err.toString());
  }

  @Test
  void anInputThatMatchesNothingIsSaidPlainly() {
    int code = run("run", "--pipeline", pipeline("").toString(), "--input", tmp + "/none/*");
    assertEquals(ExitCodes.NO_INPUT, code);
    assertTrue(err.toString().contains("matches no file"), err.toString());
  }

  @Test
  void aBadBeamOptionIsABadConfiguration() {
    Fixtures.write(tmp, "in/receipts/a.txt", "SHOP");
    int code = run("run", "--pipeline", pipeline("").toString(), "--runner=NoSuchRunner");
    assertEquals(ExitCodes.BAD_CONFIG, code);
  }

  @Test
  void everyCommandHasHelp() {
    assertEquals(0, run("run", "--help"));
    assertEquals(0, run("models", "pull", "--help"));
    assertTrue(out.toString().contains("--pipeline"));
  }

  @Test
  void modelsListShowsTheCatalogue() {
    assertEquals(0, run("models", "list"));
    assertTrue(out.toString().contains("smollm2-135m-instruct"), out.toString());
    assertTrue(out.toString().contains("gemma3-270m"), out.toString());
  }
}
