package io.docextract.pipeline;

import io.docextract.model.Completion;
import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * One tier's model figures under its own namespace (requests, model time, tokens), the same for a
 * local model and a remote endpoint, so {@link RunSummary} can report each tier.
 */
final class TierMetrics implements Serializable {

  private final String namespace;
  private final Counter requests;
  private final Distribution modelMillis;
  private final Distribution generatedTokens;
  private final Distribution promptTokens;

  TierMetrics(String namespace) {
    this.namespace = namespace;
    this.requests = Metrics.counter(namespace, "requests");
    this.modelMillis = Metrics.distribution(namespace, "model_millis");
    this.generatedTokens = Metrics.distribution(namespace, "generated_tokens");
    this.promptTokens = Metrics.distribution(namespace, "prompt_tokens");
  }

  String namespace() {
    return namespace;
  }

  void request() {
    requests.inc();
  }

  void answered(Completion c) {
    modelMillis.update(c.totalMillis());
    generatedTokens.update(c.generatedTokens());
    promptTokens.update(c.promptTokens());
  }

  void count(String name) {
    Metrics.counter(namespace, name).inc();
  }
}
