package io.docextract.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * A job's Beam counters, summed over steps as {@code namespace/name}: the running totals behind
 * progress lines and the counters in the run manifest. While a job runs they are attempted values
 * (every runner has those); at the end, committed values where the runner keeps them, because a
 * retried bundle's increments count again in the attempted ones.
 */
public record RunCounters(Map<String, Long> values) {

  public RunCounters {
    values = Map.copyOf(values);
  }

  /** Attempted values: what the job has done so far, retried work included. */
  public static RunCounters of(MetricResults metrics) {
    return of(metrics, false);
  }

  /** Committed values where the runner supports them (Direct, Dataflow), attempted otherwise. */
  public static RunCounters committed(MetricResults metrics) {
    return of(metrics, true);
  }

  private static RunCounters of(MetricResults metrics, boolean committed) {
    Map<String, Long> values = new TreeMap<>();
    if (metrics == null) {
      return new RunCounters(values);
    }
    MetricQueryResults results = metrics.queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> r : results.getCounters()) {
      Long v = committed ? committedOrAttempted(r) : r.getAttempted();
      if (v != null) {
        values.merge(r.getName().getNamespace() + "/" + r.getName().getName(), v, Long::sum);
      }
    }
    return new RunCounters(new TreeMap<>(values));
  }

  private static Long committedOrAttempted(MetricResult<Long> r) {
    try {
      return r.getCommitted();
    } catch (UnsupportedOperationException e) {
      return r.getAttempted(); // Flink reports attempted values only
    }
  }

  public long get(String namespace, String name) {
    return values.getOrDefault(namespace + "/" + name, 0L);
  }

  /** Documents written as records or review items so far. */
  public long done() {
    return get(CountDone.NAMESPACE, "records") + get(CountDone.NAMESPACE, "review");
  }

  /** Documents left out because an earlier run at the same output holds them. */
  public long skipped() {
    return get(SkipProcessed.STAGE, "skipped");
  }

  /** Requests sent to the models, both tiers: zero when a run had nothing new to extract. */
  public long modelRequests() {
    return get(ExtractFields.STAGE, "requests");
  }
}
