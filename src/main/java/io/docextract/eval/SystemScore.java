package io.docextract.eval;

import java.util.Map;

/**
 * One system's figures on one gold set: a model, the rules alone, or a model with rules as
 * fallback. Shares are null where they do not apply (rules have no JSON to parse).
 *
 * @param intervals 95 % bootstrap intervals over documents ({@link Bootstrap#scores}): "f1",
 *     "precision", "recall", "exact", "doc_exact", and per field "FIELD.f1", "FIELD.exact"
 */
public record SystemScore(
    String system,
    long documents,
    FieldScore overall,
    Map<String, FieldScore> perField,
    double documentExactMatch,
    Double parseValid,
    Double schemaValid,
    Double reviewShare,
    Double acceptedPrecision,
    Double docsPerMinute,
    Double p95LatencyMs,
    Double cpuSecondsPer1000,
    Double peakRssMb,
    Map<String, Interval> intervals) {

  /** Without intervals (figures computed elsewhere, e.g. tests of the report's layout). */
  public SystemScore(
      String system,
      long documents,
      FieldScore overall,
      Map<String, FieldScore> perField,
      double documentExactMatch,
      Double parseValid,
      Double schemaValid,
      Double reviewShare,
      Double acceptedPrecision,
      Double docsPerMinute,
      Double p95LatencyMs,
      Double cpuSecondsPer1000,
      Double peakRssMb) {
    this(
        system,
        documents,
        overall,
        perField,
        documentExactMatch,
        parseValid,
        schemaValid,
        reviewShare,
        acceptedPrecision,
        docsPerMinute,
        p95LatencyMs,
        cpuSecondsPer1000,
        peakRssMb,
        Map.of());
  }

  /** The figure with its interval, {@code 0.928 [0.901–0.951]}, or alone when there is none. */
  public String withInterval(String key, double point) {
    Interval i = intervals.get(key);
    return i == null ? String.format(java.util.Locale.ROOT, "%.3f", point) : i.format(point);
  }
}
