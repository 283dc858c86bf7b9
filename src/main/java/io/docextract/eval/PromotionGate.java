package io.docextract.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Decides whether a challenger model replaces the champion, from both systems' per-document field
 * scores on the same held-apart documents in the same order. The challenger is promoted only when
 * it is better beyond noise and worse beyond noise on no field:
 *
 * <ul>
 *   <li>better: the 95 % paired bootstrap interval over documents of the difference in field exact
 *       match (challenger − champion) lies above 0. Documents are resampled, not fields, because a
 *       document's fields fail together; pairing cancels what both systems find hard.
 *   <li>not worse on a field: an exact one-sided McNemar test on that field's discordant documents
 *       (right for the champion only, b; right for the challenger only, c) does not show the
 *       challenger worse at level {@code alpha}. A field's documents are independent, so the
 *       binomial test is exact however few they are; an overall gain may not buy one field's loss.
 * </ul>
 *
 * A tie, too few documents or a gain inside the noise keeps the champion: promotion needs evidence,
 * refusal does not.
 */
public final class PromotionGate {

  /** The one-sided level of the per-field McNemar test. */
  public static final double DEFAULT_ALPHA = 0.05;

  /**
   * One field compared on the same documents.
   *
   * @param championOnly documents the champion gets right and the challenger wrong (McNemar's b)
   * @param challengerOnly documents the challenger gets right and the champion wrong (c)
   * @param pWorse one-sided exact McNemar p-value that the challenger is worse
   * @param pBetter one-sided exact McNemar p-value that the challenger is better
   * @param difference bootstrap interval of the challenger's exact match minus the champion's
   */
  public record FieldComparison(
      String field,
      long documents,
      double champion,
      double challenger,
      long championOnly,
      long challengerOnly,
      double pWorse,
      double pBetter,
      Interval difference,
      boolean worse) {}

  /**
   * The decision with its figures.
   *
   * @param champion field exact match of the champion over all fields and documents
   * @param difference bootstrap interval of the per-document field-exact difference
   */
  public record Decision(
      boolean promote,
      List<String> reasons,
      long documents,
      double champion,
      double challenger,
      Interval difference,
      List<FieldComparison> fields,
      double alpha,
      int resamples,
      long seed) {}

  private PromotionGate() {}

  public static Decision decide(
      List<Map<String, FieldScore>> champion,
      List<Map<String, FieldScore>> challenger,
      List<String> fields,
      double alpha) {
    if (champion.size() != challenger.size()) {
      throw new IllegalArgumentException(
          "champion and challenger must be scored on the same documents: "
              + champion.size()
              + " against "
              + challenger.size());
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    int n = champion.size();
    List<Integer> docs = IntStream.range(0, n).boxed().toList();
    Map<String, ToDoubleFunction<List<Integer>>> stats = new LinkedHashMap<>();
    stats.put(
        "exact",
        d -> mean(d, i -> share(challenger.get(i), fields) - share(champion.get(i), fields)));
    for (String f : fields) {
      stats.put(f, d -> mean(d, i -> right(challenger.get(i), f) - right(champion.get(i), f)));
    }
    Map<String, Interval> intervals =
        Bootstrap.intervals(docs, stats, Bootstrap.RESAMPLES, Bootstrap.SEED);

    List<FieldComparison> perField = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (String f : fields) {
      long b = 0;
      long c = 0;
      long champRight = 0;
      long challRight = 0;
      for (int i = 0; i < n; i++) {
        int a = right(champion.get(i), f);
        int z = right(challenger.get(i), f);
        champRight += a;
        challRight += z;
        b += a == 1 && z == 0 ? 1 : 0;
        c += a == 0 && z == 1 ? 1 : 0;
      }
      double pWorse = upperTail(b, b + c);
      double pBetter = upperTail(c, b + c);
      boolean worse = pWorse < alpha;
      perField.add(
          new FieldComparison(
              f,
              n,
              n == 0 ? 0 : champRight / (double) n,
              n == 0 ? 0 : challRight / (double) n,
              b,
              c,
              pWorse,
              pBetter,
              intervals.get(f),
              worse));
      if (worse) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s is worse: right for the champion only on %d documents, for the challenger"
                    + " only on %d (McNemar one-sided p = %.4f < %.2f)",
                f,
                b,
                c,
                pWorse,
                alpha));
      }
    }
    double champ = overall(champion, fields);
    double chall = overall(challenger, fields);
    Interval diff = intervals.get("exact");
    boolean better = n > 0 && diff.low() > 0;
    if (!better) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "not better beyond noise: field exact %.3f against %.3f, difference %s includes"
                  + " or is below 0 (%d documents)",
              chall,
              champ,
              diff.format(chall - champ),
              n));
    }
    boolean promote = better && perField.stream().noneMatch(FieldComparison::worse);
    if (promote) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "better: field exact %.3f against %.3f, difference %s above 0, and worse on no"
                  + " field",
              chall,
              champ,
              diff.format(chall - champ)));
    }
    return new Decision(
        promote,
        List.copyOf(reasons),
        n,
        champ,
        chall,
        diff,
        List.copyOf(perField),
        alpha,
        Bootstrap.RESAMPLES,
        Bootstrap.SEED);
  }

  /**
   * P(X ≥ k) for X ~ Binomial(n, 1/2): the exact McNemar tail. Summed in log space so that a few
   * thousand discordant documents do not underflow; 1 when there are none (no evidence).
   */
  static double upperTail(long k, long n) {
    if (n == 0 || k <= 0) {
      return 1;
    }
    double[] logs = new double[(int) (n - k + 1)];
    double max = Double.NEGATIVE_INFINITY;
    for (long x = k; x <= n; x++) {
      double l = logChoose(n, x) - n * Math.log(2);
      logs[(int) (x - k)] = l;
      max = Math.max(max, l);
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return Math.min(1, Math.exp(max + Math.log(sum)));
  }

  private static double logChoose(long n, long k) {
    double s = 0;
    for (long i = 1; i <= k; i++) {
      s += Math.log(n - k + i) - Math.log(i);
    }
    return s;
  }

  private static int right(Map<String, FieldScore> doc, String field) {
    FieldScore s = doc.get(field);
    return s != null && s.documents() > 0 && s.exact() == s.documents() ? 1 : 0;
  }

  private static double share(Map<String, FieldScore> doc, List<String> fields) {
    if (fields.isEmpty()) {
      return 0;
    }
    int r = 0;
    for (String f : fields) {
      r += right(doc, f);
    }
    return r / (double) fields.size();
  }

  private static double overall(List<Map<String, FieldScore>> docs, List<String> fields) {
    return docs.isEmpty()
        ? 0
        : docs.stream().mapToDouble(d -> share(d, fields)).average().orElse(0);
  }

  private static double mean(List<Integer> docs, java.util.function.IntToDoubleFunction f) {
    return docs.isEmpty() ? 0 : docs.stream().mapToDouble(f::applyAsDouble).average().orElse(0);
  }
}
