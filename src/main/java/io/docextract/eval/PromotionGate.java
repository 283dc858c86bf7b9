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
 *
 * <p>With {@link Metric#F1} a document's field scores its F1 instead of 0/1, so a list field (an
 * NDA's parties) earns credit for each value it gets right, as the Kleister metric does; on a
 * single-valued field the two agree. The per-field test is then the exact sign test on the
 * documents where one system scores higher, which for 0/1 scores is McNemar's.
 */
public final class PromotionGate {

  /** How one document's field is scored. */
  public enum Metric {
    /** 1 when the predicted values equal the gold's, else 0. */
    EXACT("field exact", "exact"),
    /** The F1 of the predicted values against the gold's (1 when both are empty). */
    F1("field F1", "f1");

    private final String label;
    private final String statistic;

    Metric(String label, String statistic) {
      this.label = label;
      this.statistic = statistic;
    }

    public String label() {
      return label;
    }

    /** The JSON key of the overall figure: field_exact or field_f1. */
    public String key() {
      return label.replace(' ', '_').toLowerCase(java.util.Locale.ROOT);
    }

    /** The name of the overall figure among {@link Bootstrap#scores}: exact or f1. */
    public String statistic() {
      return statistic;
    }

    /**
     * The score of a field's counts: the share of documents exactly right, or the F1 of the values;
     * for one document's counts, its 0/1 or F1 score.
     */
    public double score(FieldScore s) {
      if (s == null || s.documents() == 0) {
        return 0;
      }
      return this == EXACT ? s.accuracy() : s.f1();
    }
  }

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
      long seed,
      Metric metric) {}

  private PromotionGate() {}

  public static Decision decide(
      List<Map<String, FieldScore>> champion,
      List<Map<String, FieldScore>> challenger,
      List<String> fields,
      double alpha) {
    return decide(champion, challenger, fields, alpha, Metric.EXACT);
  }

  public static Decision decide(
      List<Map<String, FieldScore>> champion,
      List<Map<String, FieldScore>> challenger,
      List<String> fields,
      double alpha,
      Metric metric) {
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
        d ->
            mean(
                d,
                i ->
                    share(challenger.get(i), fields, metric)
                        - share(champion.get(i), fields, metric)));
    for (String f : fields) {
      stats.put(
          f,
          d ->
              mean(
                  d,
                  i ->
                      metric.score(challenger.get(i).get(f))
                          - metric.score(champion.get(i).get(f))));
    }
    Map<String, Interval> intervals =
        Bootstrap.intervals(docs, stats, Bootstrap.RESAMPLES, Bootstrap.SEED);

    List<FieldComparison> perField = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (String f : fields) {
      long b = 0;
      long c = 0;
      double champRight = 0;
      double challRight = 0;
      for (int i = 0; i < n; i++) {
        double a = metric.score(champion.get(i).get(f));
        double z = metric.score(challenger.get(i).get(f));
        champRight += a;
        challRight += z;
        b += a > z ? 1 : 0;
        c += z > a ? 1 : 0;
      }
      double pWorse = upperTail(b, b + c);
      double pBetter = upperTail(c, b + c);
      boolean worse = pWorse < alpha;
      perField.add(
          new FieldComparison(
              f,
              n,
              n == 0 ? 0 : champRight / n,
              n == 0 ? 0 : challRight / n,
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
                "%s is worse: better for the champion on %d documents, for the challenger"
                    + " on %d (exact one-sided sign test, McNemar's for 0/1 scores: p = %.4f <"
                    + " %.2f)",
                f,
                b,
                c,
                pWorse,
                alpha));
      }
    }
    double champ = overall(champion, fields, metric);
    double chall = overall(challenger, fields, metric);
    Interval diff = intervals.get("exact");
    boolean better = n > 0 && diff.low() > 0;
    if (!better) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "not better beyond noise: %s %.3f against %.3f, difference %s includes"
                  + " or is below 0 (%d documents)",
              metric.label(),
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
              "better: %s %.3f against %.3f, difference %s above 0, and worse on no field",
              metric.label(),
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
        Bootstrap.SEED,
        metric);
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

  private static double share(Map<String, FieldScore> doc, List<String> fields, Metric metric) {
    if (fields.isEmpty()) {
      return 0;
    }
    double r = 0;
    for (String f : fields) {
      r += metric.score(doc.get(f));
    }
    return r / fields.size();
  }

  private static double overall(
      List<Map<String, FieldScore>> docs, List<String> fields, Metric metric) {
    return docs.isEmpty()
        ? 0
        : docs.stream().mapToDouble(d -> share(d, fields, metric)).average().orElse(0);
  }

  private static double mean(List<Integer> docs, java.util.function.IntToDoubleFunction f) {
    return docs.isEmpty() ? 0 : docs.stream().mapToDouble(f::applyAsDouble).average().orElse(0);
  }
}
