package io.docextract.model;

import java.io.Serializable;
import java.util.Map;

/**
 * One finished generation with the counts and timings needed for lineage and benchmarks, and the
 * model's probability per top-level field of the reply (empty when the runtime cannot read token
 * probabilities, or the answer came from elsewhere).
 */
public record Completion(
    String text,
    StopReason stopReason,
    int promptTokens,
    int generatedTokens,
    long firstTokenMillis,
    long totalMillis,
    Map<String, Double> fieldProbabilities)
    implements Serializable {

  public Completion {
    fieldProbabilities = fieldProbabilities == null ? Map.of() : Map.copyOf(fieldProbabilities);
  }

  public Completion(
      String text,
      StopReason stopReason,
      int promptTokens,
      int generatedTokens,
      long firstTokenMillis,
      long totalMillis) {
    this(text, stopReason, promptTokens, generatedTokens, firstTokenMillis, totalMillis, Map.of());
  }

  public boolean truncated() {
    return stopReason == StopReason.TOKEN_LIMIT;
  }
}
