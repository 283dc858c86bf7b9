package io.docextract.values;

import java.util.List;

/** Nearest-rank percentiles of a sample. */
public final class Percentiles {

  private Percentiles() {}

  /** The p-th percentile (0 < p ≤ 100) by nearest rank; NaN for an empty sample. */
  public static double of(List<? extends Number> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("p must be in (0, 100], got " + p);
    }
    List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(1, rank) - 1);
  }
}
