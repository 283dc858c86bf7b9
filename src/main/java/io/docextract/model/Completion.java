package io.docextract.model;

import java.io.Serializable;

/** One finished generation with the counts and timings needed for lineage and benchmarks. */
public record Completion(
    String text,
    StopReason stopReason,
    int promptTokens,
    int generatedTokens,
    long firstTokenMillis,
    long totalMillis)
    implements Serializable {

  public boolean truncated() {
    return stopReason == StopReason.TOKEN_LIMIT;
  }
}
