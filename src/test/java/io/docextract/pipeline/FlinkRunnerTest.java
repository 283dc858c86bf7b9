package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.config.JobConfig;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The same job on embedded Flink writes the same records and review items as on Direct. */
public class FlinkRunnerTest {

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void flinkAndDirectAgree() throws Exception {
    Path in = ExtractDocumentsTest.folder(tmp.newFolder("in").toPath());
    Path direct = tmp.newFolder("direct").toPath();
    Path flink = tmp.newFolder("flink").toPath();

    run(deterministic(in, direct), "--runner=DirectRunner");
    run(
        deterministic(in, flink),
        "--runner=FlinkRunner",
        "--flinkMaster=[local]",
        "--parallelism=2");

    List<String> directLines = comparable(direct);
    assertFalse(directLines.isEmpty());
    assertEquals(directLines, comparable(flink));
  }

  /**
   * Without the prompt cache a reply does not depend on which document the slot saw before, and the
   * runners deliver documents in different orders.
   */
  private static JobConfig deterministic(Path in, Path out) {
    JobConfig job = ExtractDocumentsTest.job(in, out);
    return job.withModel(job.model().withCachePrompt(false));
  }

  private static void run(JobConfig config, String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).withValidation().create());
    ExtractionPipeline.build(p, config);
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
  }

  /** Every output line, sorted, without the timings that differ from run to run. */
  private static List<String> comparable(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        String kind = f.getFileName().toString().startsWith("records") ? "record " : "review ";
        for (String line : Files.readAllLines(f)) {
          ObjectNode node = (ObjectNode) JsonLines.mapper().readTree(line);
          if (node.get("lineage") instanceof ObjectNode lineage) {
            lineage.remove(List.of("parse_ms", "first_token_ms", "model_ms"));
          }
          lines.add(kind + node);
        }
      }
    }
    lines.sort(null);
    return lines;
  }
}
