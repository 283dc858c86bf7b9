package io.docextract.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.config.JobConfig;
import io.docextract.eval.Prediction;
import io.docextract.values.JsonLines;
import io.docextract.values.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/** Runs the real pipeline over materialised gold documents and reads back what it wrote. */
public final class EvaluationJob {

  /**
   * Predictions by input file name, the run's summary, per-document model latencies (from the
   * lineage), the process CPU time the run used, and the process's peak resident memory so far.
   */
  public record Result(
      Map<String, Prediction> byFile,
      RunSummary summary,
      List<Long> latenciesMs,
      double cpuSeconds,
      Double peakRssMb) {

    public Double p95LatencyMs() {
      return latenciesMs.isEmpty() ? null : io.docextract.values.Percentiles.of(latenciesMs, 95);
    }
  }

  private EvaluationJob() {}

  public static Result run(JobConfig config, PipelineOptions options, long inputs)
      throws IOException {
    RunSummary.clearPrevious(config.output(), config.review());
    Pipeline p = Pipeline.create(options);
    ExtractionPipeline.build(p, config);
    long start = System.nanoTime();
    double cpuStart = ProcessStats.cpuSeconds();
    PipelineResult result = p.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IOException("evaluation run ended in state " + state);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RunSummary summary =
        RunSummary.collect(
            config.name(),
            options.getRunner().getSimpleName(),
            inputs,
            config.output(),
            config.review(),
            seconds,
            result.metrics());
    double cpu = ProcessStats.cpuSeconds() - cpuStart;
    Map<String, Prediction> byFile = new HashMap<>();
    List<Long> latencies = new java.util.ArrayList<>();
    for (String f : summary.recordFiles()) {
      for (String line : Files.readAllLines(Path.of(f))) {
        JsonNode n = JsonLines.mapper().readTree(line);
        byFile.put(
            fileName(n.path("source").asText()),
            new Prediction(n.get("fields"), true, true, true, null, confidence(n))
                .withModelValues(n.path("lineage").get("model_values")));
        latencies.add(n.path("lineage").path("model_ms").asLong());
      }
    }
    for (String f : summary.reviewFiles()) {
      for (String line : Files.readAllLines(Path.of(f))) {
        JsonNode n = JsonLines.mapper().readTree(line);
        String reason = n.path("reason").asText();
        // The pipeline's proposal (rules and fallback applied) where the reply got that far,
        // so a reviewed document is scored on what the pipeline decided, as a record would be.
        JsonNode reply =
            n.path("fields").isObject()
                ? n.get("fields")
                : parse(n.path("raw_output").asText(null));
        boolean schemaValid =
            reply != null
                && !List.of(Reason.SCHEMA_VIOLATION.code(), Reason.TRUNCATED.code())
                    .contains(reason);
        byFile.put(
            fileName(n.path("source").asText()),
            new Prediction(reply, false, reply != null, schemaValid, reason, confidence(n))
                .withModelValues(
                    n.path("fields").isObject() ? n.path("lineage").get("model_values") : null));
        if (n.path("lineage").has("model_ms")) {
          latencies.add(n.path("lineage").path("model_ms").asLong());
        }
      }
    }
    return new Result(byFile, summary, latencies, cpu, ProcessStats.peakRssMb());
  }

  private static Double confidence(JsonNode item) {
    JsonNode c = item.path("lineage").path("confidence").path("document");
    return c.isNumber() ? c.asDouble() : null;
  }

  private static JsonNode parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JsonLines.mapper().readTree(raw);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String fileName(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }
}
