package io.docextract.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over documents: resample the evaluated documents with replacement, recompute
 * each figure, and keep the 2.5th and 97.5th percentiles. Documents (not fields) are the unit
 * because a document's fields fail together (one bad OCR ruins several), so resampling fields would
 * give intervals that are too narrow. Seeded, so a report reproduces exactly.
 */
public final class Bootstrap {

  public static final int RESAMPLES = 1000;
  public static final long SEED = 20261205L;

  private Bootstrap() {}

  /** Every statistic's interval, all computed on the same resamples. */
  public static <T> Map<String, Interval> intervals(
      List<T> docs, Map<String, ToDoubleFunction<List<T>>> statistics, int resamples, long seed) {
    Map<String, double[]> values = new LinkedHashMap<>();
    statistics.keySet().forEach(k -> values.put(k, new double[resamples]));
    Random random = new Random(seed);
    int n = docs.size();
    for (int r = 0; r < resamples; r++) {
      List<T> sample = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sample.add(docs.get(random.nextInt(n)));
      }
      for (Map.Entry<String, ToDoubleFunction<List<T>>> s : statistics.entrySet()) {
        values.get(s.getKey())[r] = s.getValue().applyAsDouble(sample);
      }
    }
    Map<String, Interval> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, n == 0 ? new Interval(0, 0) : percentiles(v)));
    return out;
  }

  /** The 95 % interval of one statistic. */
  public static <T> Interval interval(List<T> docs, ToDoubleFunction<List<T>> statistic) {
    return intervals(docs, Map.of("x", statistic), RESAMPLES, SEED).get("x");
  }

  private static Interval percentiles(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return new Interval(at(s, 0.025), at(s, 0.975));
  }

  /** Linear interpolation between order statistics (numpy's default), so small samples agree. */
  static double at(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * The intervals eval reports for one system, from each document's per-field scores: per field
   * "FIELD.f1" and "FIELD.exact", and overall "f1", "precision", "recall", "exact" (field exact
   * match) and "doc_exact".
   */
  public static Map<String, Interval> scores(
      List<Map<String, FieldScore>> perDocument, Iterable<String> fields) {
    Map<String, ToDoubleFunction<List<Map<String, FieldScore>>>> stats = new LinkedHashMap<>();
    stats.put("f1", d -> overall(d).f1());
    stats.put("precision", d -> overall(d).precision());
    stats.put("recall", d -> overall(d).recall());
    stats.put("exact", d -> overall(d).accuracy());
    stats.put(
        "doc_exact",
        d -> d.stream().filter(Bootstrap::allExact).count() / (double) Math.max(1, d.size()));
    for (String f : fields) {
      stats.put(f + ".f1", d -> field(d, f).f1());
      stats.put(f + ".exact", d -> field(d, f).accuracy());
    }
    return intervals(perDocument, stats, RESAMPLES, SEED);
  }

  /**
   * Intervals of system a's figure minus system b's ("f1", "exact"), both scored on the same
   * documents in the same order: each resample draws documents, not systems, so what the two
   * systems share (hard documents) cancels out. Tighter than comparing two separate intervals.
   */
  public static Map<String, Interval> differences(
      List<Map<String, FieldScore>> a, List<Map<String, FieldScore>> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("paired systems need the same documents");
    }
    List<Integer> docs = java.util.stream.IntStream.range(0, a.size()).boxed().toList();
    Map<String, ToDoubleFunction<List<Integer>>> stats = new LinkedHashMap<>();
    stats.put("f1", d -> overall(pick(a, d)).f1() - overall(pick(b, d)).f1());
    stats.put("exact", d -> overall(pick(a, d)).accuracy() - overall(pick(b, d)).accuracy());
    return intervals(docs, stats, RESAMPLES, SEED);
  }

  private static <T> List<T> pick(List<T> all, List<Integer> at) {
    List<T> out = new ArrayList<>(at.size());
    at.forEach(i -> out.add(all.get(i)));
    return out;
  }

  private static FieldScore overall(List<Map<String, FieldScore>> docs) {
    FieldScore sum = FieldScore.ZERO;
    for (Map<String, FieldScore> d : docs) {
      for (FieldScore s : d.values()) {
        sum = sum.plus(s);
      }
    }
    return sum;
  }

  private static FieldScore field(List<Map<String, FieldScore>> docs, String f) {
    FieldScore sum = FieldScore.ZERO;
    for (Map<String, FieldScore> d : docs) {
      sum = sum.plus(d.getOrDefault(f, FieldScore.ZERO));
    }
    return sum;
  }

  private static boolean allExact(Map<String, FieldScore> doc) {
    return doc.values().stream().allMatch(s -> s.exact() == s.documents());
  }
}
