package io.docextract.eval;

import java.util.Map;

/**
 * One system's figures on one gold set: a model, the rules alone, or a model with rules as
 * fallback. Shares are null where they do not apply (rules have no JSON to parse).
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
    Double peakRssMb) {}
