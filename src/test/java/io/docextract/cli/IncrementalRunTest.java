package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled runs through the real command line: a re-run with --incremental does no model work for
 * what is done, picks up what is new, and each document is in the output exactly once.
 */
class IncrementalRunTest {

  @TempDir Path tmp;

  private JsonNode manifest() throws Exception {
    return new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
  }

  private int run(Cli cli, String... extra) {
    String[] base = {"run", "--pipeline", ScheduledJobs.pipeline(tmp).toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(args);
  }

  @Test
  void anUnchangedFolderDoesNoModelWork() throws Exception {
    ScheduledJobs.receipts(tmp.resolve("in"), 0, 3);
    Fixtures.write(tmp, "in/other/letter.txt", "Dear Sir, not a receipt.");
    Cli first = new Cli();
    assertEquals(0, run(first), first.err.toString());
    JsonNode m1 = manifest();
    assertEquals(4, m1.at("/counts/inputs").asLong());
    assertEquals(0, m1.at("/counts/skipped").asLong());
    assertEquals(3, m1.at("/counts/model_requests").asLong()); // the letter never reaches a model

    Cli again = new Cli();
    assertEquals(0, run(again, "--incremental"), again.err.toString());
    JsonNode m2 = manifest();
    assertTrue(m2.path("incremental").asBoolean());
    assertEquals(4, m2.at("/counts/inputs").asLong());
    assertEquals(4, m2.at("/counts/skipped").asLong());
    assertEquals(0, m2.at("/counts/records").asLong());
    assertEquals(0, m2.at("/counts/review").asLong());
    assertEquals(0, m2.at("/counts/model_requests").asLong());
    assertEquals(0, m2.path("counters").path("ExtractFields/requests").asLong());
    assertEquals(0, m2.path("counters").path("ParseDocuments/parsed").asLong());
    assertTrue(again.out.toString().contains("4 skipped as done before"), again.out.toString());
    ScheduledJobs.assertEachInputExactlyOnce(tmp.resolve("in"), tmp.resolve("out"));
  }

  @Test
  void aCompressedInputIsRecognisedAsDone() throws Exception {
    // Its id is the hash of the stored (compressed) bytes, in the parse and in the skip check
    // alike; Beam's readFullyAsBytes() would inflate it by extension and give another id.
    ScheduledJobs.receipts(tmp.resolve("in"), 0, 2);
    gzip(tmp.resolve("in/receipts/r1.txt"), tmp.resolve("in/receipts/r1.txt.gz"));
    Cli first = new Cli();
    assertEquals(0, run(first, "--incremental"), first.err.toString());
    assertEquals(2, manifest().at("/counts/inputs").asLong());

    Cli again = new Cli();
    assertEquals(0, run(again, "--incremental"), again.err.toString());
    JsonNode m = manifest();
    assertEquals(2, m.at("/counts/skipped").asLong());
    assertEquals(0, m.at("/counts/model_requests").asLong());
    assertEquals(0, m.path("counters").path("ParseDocuments/parsed").asLong());
    ScheduledJobs.assertEachInputExactlyOnce(tmp.resolve("in"), tmp.resolve("out"));
  }

  /** Replaces {@code from} by its gzip-compressed copy {@code to}. */
  private static void gzip(Path from, Path to) throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      out.write(Files.readAllBytes(from));
    }
    Files.delete(from);
  }

  @Test
  void newDocumentsAreTheOnlyOnesProcessed() throws Exception {
    ScheduledJobs.receipts(tmp.resolve("in"), 0, 2);
    Cli first = new Cli();
    assertEquals(0, run(first, "--incremental"), first.err.toString());
    assertEquals(2, manifest().at("/counts/model_requests").asLong());

    ScheduledJobs.receipts(tmp.resolve("in"), 2, 3);
    Cli second = new Cli();
    assertEquals(0, run(second, "--incremental"), second.err.toString());
    JsonNode m = manifest();
    assertEquals(3, m.at("/counts/inputs").asLong());
    assertEquals(2, m.at("/counts/skipped").asLong());
    assertEquals(1, m.at("/counts/records").asLong() + m.at("/counts/review").asLong());
    assertEquals(1, m.at("/counts/model_requests").asLong());
    ScheduledJobs.assertEachInputExactlyOnce(tmp.resolve("in"), tmp.resolve("out"));
  }

  @Test
  void aFullRunReplacesEveryEarlierRunsFiles() throws Exception {
    ScheduledJobs.receipts(tmp.resolve("in"), 0, 2);
    Cli first = new Cli();
    assertEquals(0, run(first, "--incremental"), first.err.toString());
    Cli full = new Cli();
    assertEquals(0, run(full), full.err.toString());
    JsonNode m = manifest();
    assertFalse(m.path("incremental").asBoolean());
    assertEquals(2, m.at("/counts/model_requests").asLong());
    ScheduledJobs.assertEachInputExactlyOnce(tmp.resolve("in"), tmp.resolve("out"));
  }

  @Test
  void theManifestNamesTheModelVersionsAndOptions() throws Exception {
    ScheduledJobs.receipts(tmp.resolve("in"), 0, 1);
    Cli cli = new Cli();
    assertEquals(0, run(cli, "--progress-every", "0"), cli.err.toString());
    JsonNode m = manifest();
    assertEquals(Fixtures.sha(Fixtures.STORIES), m.at("/models/model_sha256").asText());
    assertEquals("2.62.0", m.at("/versions/beam").asText());
    assertEquals("DirectRunner", m.at("/options/runner").asText());
    assertEquals(
        m.at("/counts/inputs").asLong(),
        m.at("/counts/records").asLong() + m.at("/counts/review").asLong());
    assertTrue(m.at("/durations/job_seconds").asDouble() > 0);
    assertTrue(cli.out.toString().contains("manifest: "), cli.out.toString());
    try (var files = java.nio.file.Files.list(tmp.resolve("out"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void aNegativeProgressIntervalIsABadCommandLine() {
    Cli cli = new Cli();
    assertEquals(ExitCodes.BAD_CONFIG, run(cli, "--progress-every", "-1"));
    assertTrue(cli.err.toString().contains("--progress-every"), cli.err.toString());
  }
}
