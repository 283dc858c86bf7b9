package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL part-way loses and duplicates nothing: the re-run ends with every
 * document exactly once across records and review. The killed run is a real child JVM running the
 * real command line; it is killed once its progress line says some of the new documents have
 * reached the sinks, so it dies with work both done and not done.
 */
class KillAndRerunTest {

  @TempDir Path tmp;

  @Test
  void aKilledIncrementalRunIsCompletedByTheNextOneExactlyOnce() throws Exception {
    Path in = tmp.resolve("in");
    Path pipeline = ScheduledJobs.pipeline(tmp);
    ScheduledJobs.receipts(in, 0, 4);
    Cli first = new Cli();
    assertEquals(
        0,
        first.run("run", "--pipeline", pipeline.toString(), "--incremental"),
        first.err.toString());
    String firstRun = manifest().path("run_id").asText();

    ScheduledJobs.receipts(in, 4, 40);
    // Run ids are UTC seconds; the killed run and the re-run must not share the first's.
    Thread.sleep(1100);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.docextract.cli.DocExtract",
                "run",
                "--pipeline",
                pipeline.toString(),
                "--incremental",
                "--progress-every",
                "1")
            .redirectErrorStream(true)
            .start();
    List<String> seen = new ArrayList<>();
    String progress = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        seen.add(line);
        if (finished(line) > 10) { // some of the new documents are through, most are not
          progress = line;
          child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
          break;
        }
      }
    }
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertNotNull(progress, "the child ended before it was part-way: " + seen);
    assertTrue(finished(progress) < 40, progress);
    assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
    // It never reached the end: the manifest is still the first run's.
    assertEquals(firstRun, manifest().path("run_id").asText(), String.join("\n", seen));
    System.out.println("killed at: " + progress);

    Cli rerun = new Cli();
    assertEquals(
        0,
        rerun.run("run", "--pipeline", pipeline.toString(), "--incremental"),
        rerun.err.toString());
    JsonNode m = manifest();
    assertFalse(m.path("run_id").asText().equals(firstRun));
    assertEquals(40, m.at("/counts/inputs").asLong());
    assertEquals(4, m.at("/counts/skipped").asLong());
    assertEquals(36, m.at("/counts/records").asLong() + m.at("/counts/review").asLong());
    ScheduledJobs.assertEachInputExactlyOnce(in, tmp.resolve("out"));
  }

  /** N from "progress: N/T documents ...", or -1 for any other line. */
  private static long finished(String line) {
    Matcher m = PROGRESS.matcher(line);
    return m.lookingAt() ? Long.parseLong(m.group(1)) : -1;
  }

  private static final Pattern PROGRESS = Pattern.compile("progress: (\\d+)/(\\d+) documents");

  private JsonNode manifest() throws Exception {
    return new ObjectMapper().readTree(tmp.resolve("out/manifest.json").toFile());
  }
}
