package io.docextract.pipeline;

import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * What a finished run did, from the job's own counters of what reached its sinks ({@link
 * CountDone}, committed values where the runner keeps them), so it balances whatever the sinks are;
 * the JSON-lines sink's files are checked against it apart ({@link JsonLinesCheck}).
 */
public record RunSummary(
    String pipeline,
    String runner,
    long inputs,
    long records,
    long review,
    Map<String, Long> reviewByReason,
    double wallSeconds,
    double docsPerMinute,
    Double peakRssMb,
    Map<String, Object> model,
    Map<String, Long> recordsByTier,
    Map<String, Map<String, Object>> tiers,
    List<String> recordFiles,
    List<String> reviewFiles,
    long skipped) {

  /** Every input is a record, a review item, or (incremental runs) skipped as done before. */
  public boolean balanced() {
    return inputs == records + review + skipped;
  }

  /** A full run's summary, its files those at {@code output} and {@code reviewDir}. */
  public static RunSummary collect(
      String pipeline,
      String runner,
      long inputs,
      String output,
      String reviewDir,
      double wallSeconds,
      MetricResults metrics)
      throws IOException {
    return collect(
        pipeline,
        runner,
        inputs,
        0,
        OutputLayout.replacing(output, reviewDir),
        wallSeconds,
        metrics);
  }

  /**
   * The run counted from its metrics; {@code skipped} inputs were done before. The files this run's
   * layout names are listed for readers of the output (eval), not counted.
   */
  public static RunSummary collect(
      String pipeline,
      String runner,
      long inputs,
      long skipped,
      OutputLayout layout,
      double wallSeconds,
      MetricResults metrics)
      throws IOException {
    RunCounters counters = RunCounters.committed(metrics);
    long records = counters.get(CountDone.NAMESPACE, ExtractionPipeline.RECORDS);
    long review = counters.get(CountDone.NAMESPACE, ExtractionPipeline.REVIEW);
    Map<String, Long> byTier = categories(counters, ExtractionPipeline.RECORDS);
    Map<String, Long> byReason = categories(counters, ExtractionPipeline.REVIEW);
    // A container counts as the documents it yields, so inputs = records + review still holds.
    inputs += ParseDocuments.extraDocuments(metrics);
    double perMin = wallSeconds > 0 ? (inputs - skipped) * 60.0 / wallSeconds : 0;
    return new RunSummary(
        pipeline,
        runner,
        inputs,
        records,
        review,
        byReason,
        Math.round(wallSeconds * 100) / 100.0,
        Math.round(perMin * 10) / 10.0,
        ProcessStats.peakRssMb(),
        modelStats(metrics),
        byTier,
        tierStats(metrics, byTier),
        files(layout.recordsGlob()),
        files(layout.reviewGlob()),
        skipped);
  }

  /** The per-category counts of a kind ({@code Progress/review_<reason>}), by category. */
  private static Map<String, Long> categories(RunCounters counters, String kind) {
    String prefix = CountDone.NAMESPACE + "/" + CountDone.categoryName(kind, "");
    Map<String, Long> out = new TreeMap<>();
    counters
        .values()
        .forEach(
            (name, n) -> {
              if (name.startsWith(prefix) && n > 0) {
                out.put(name.substring(prefix.length()), n);
              }
            });
    return out;
  }

  /**
   * Token counts and model time from the ExtractFields distributions, where the runner has them.
   */
  static Map<String, Object> modelStats(MetricResults metrics) {
    return modelStats(metrics, ExtractFields.namespace(1));
  }

  /**
   * Per tier: requests, model time and tokens from the tier's metrics, and the records it answered.
   * Tier 2's requests are the documents escalated to it.
   */
  static Map<String, Map<String, Object>> tierStats(
      MetricResults metrics, Map<String, Long> recordsByTier) {
    Map<String, Map<String, Object>> tiers = new LinkedHashMap<>();
    for (int tier = 1; tier <= 2; tier++) {
      Map<String, Object> stats =
          new LinkedHashMap<>(modelStats(metrics, ExtractFields.namespace(tier)));
      if (stats.isEmpty() && tier > 1) {
        continue;
      }
      stats.put("records", recordsByTier.getOrDefault("tier" + tier, 0L));
      tiers.put("tier" + tier, stats);
    }
    return tiers;
  }

  private static Map<String, Object> modelStats(MetricResults metrics, String namespace) {
    Map<String, Object> stats = new LinkedHashMap<>();
    if (metrics == null) {
      return stats;
    }
    Map<String, DistributionResult> d = new TreeMap<>();
    for (MetricResult<DistributionResult> r :
        metrics
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace(namespace))
                    .build())
            .getDistributions()) {
      d.merge(
          r.getName().getName(),
          r.getAttempted(),
          (a, b) ->
              DistributionResult.create(
                  a.getSum() + b.getSum(),
                  a.getCount() + b.getCount(),
                  Math.min(a.getMin(), b.getMin()),
                  Math.max(a.getMax(), b.getMax())));
    }
    DistributionResult ms = d.get("model_millis");
    DistributionResult gen = d.get("generated_tokens");
    DistributionResult prompt = d.get("prompt_tokens");
    if (ms == null || ms.getCount() == 0) {
      return stats;
    }
    stats.put("requests", ms.getCount());
    stats.put("model_seconds", Math.round(ms.getSum() / 100.0) / 10.0);
    stats.put("mean_model_ms", ms.getSum() / ms.getCount());
    stats.put("max_model_ms", ms.getMax());
    if (prompt != null) {
      stats.put("prompt_tokens", prompt.getSum());
    }
    if (gen != null) {
      stats.put("generated_tokens", gen.getSum());
      stats.put(
          "generated_tokens_per_request_second",
          Math.round(gen.getSum() * 10000.0 / Math.max(1, ms.getSum())) / 10.0);
    }
    return stats;
  }

  /** Writes summary.json beside the records. */
  public void writeTo(String output) throws IOException {
    ResourceId target =
        FileSystems.matchNewResource(ExtractionPipeline.prefix(output, "summary.json"), false);
    try (Writer w =
        Channels.newWriter(
            FileSystems.create(target, "application/json"), StandardCharsets.UTF_8)) {
      w.write(JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
      w.write("\n");
    }
  }

  /** Removes the sinks' files of an earlier run at the same place, so counts are this run's. */
  public static void clearPrevious(String output, String reviewDir) throws IOException {
    List<ResourceId> old = new ArrayList<>();
    for (String glob : OutputLayout.replacing(output, reviewDir).allRunsGlobs()) {
      for (MatchResult.Metadata m : FileSystems.match(glob).metadata()) {
        old.add(m.resourceId());
      }
    }
    FileSystems.delete(old);
  }

  static List<String> files(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob);
    if (match.status() != MatchResult.Status.OK) {
      return List.of();
    }
    return match.metadata().stream().map(m -> m.resourceId().toString()).sorted().toList();
  }
}
