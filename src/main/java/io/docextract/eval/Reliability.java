package io.docextract.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well one confidence score is calibrated on labelled documents: the scores in equal-width
 * bins, each bin's count, mean confidence and share right, and the expected calibration error (ECE:
 * the bins' |share right − mean confidence|, weighted by their share of the documents). A threshold
 * chosen on a well-calibrated score means what it says; a large ECE says the score ranks documents
 * at best, and the chosen threshold holds only for documents like these. How well it ranks is the
 * AUROC: the chance that a right answer scores above a wrong one (ties count half; 0.5 is a coin, 1
 * a score that puts every right answer above every wrong one). A threshold is only as good as the
 * ranking under it, so two confidence formulas are compared on it.
 *
 * @param score "document" (the document's confidence against all its fields right) or a field
 * @param auroc null where every answer was right, or every one wrong
 */
public record Reliability(String score, long n, double ece, Double auroc, List<Bin> bins) {

  public static final int BINS = 10;

  /** Scores in [low, high) (the last bin includes 1.0); means are null for an empty bin. */
  public record Bin(
      double low, double high, long count, Double meanConfidence, Double shareRight) {}

  public static Reliability of(String score, List<Double> confidence, List<Boolean> right) {
    return of(score, confidence, right, BINS);
  }

  public static Reliability of(
      String score, List<Double> confidence, List<Boolean> right, int bins) {
    long[] count = new long[bins];
    double[] sumConfidence = new double[bins];
    long[] rightCount = new long[bins];
    for (int i = 0; i < confidence.size(); i++) {
      double c = Math.max(0, Math.min(1, confidence.get(i)));
      int b = Math.min(bins - 1, (int) Math.floor(c * bins));
      count[b]++;
      sumConfidence[b] += c;
      rightCount[b] += right.get(i) ? 1 : 0;
    }
    long n = confidence.size();
    double ece = 0;
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      Double mean = count[b] == 0 ? null : sumConfidence[b] / count[b];
      Double share = count[b] == 0 ? null : (double) rightCount[b] / count[b];
      if (count[b] > 0) {
        ece += (double) count[b] / n * Math.abs(share - mean);
      }
      out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], mean, share));
    }
    return new Reliability(score, n, ece, auroc(confidence, right), out);
  }

  /** Mann–Whitney: over every (right, wrong) pair, 1 where the right one scores higher, ½ a tie. */
  static Double auroc(List<Double> confidence, List<Boolean> right) {
    List<Double> yes = new ArrayList<>();
    List<Double> no = new ArrayList<>();
    for (int i = 0; i < confidence.size(); i++) {
      (right.get(i) ? yes : no).add(confidence.get(i));
    }
    if (yes.isEmpty() || no.isEmpty()) {
      return null;
    }
    double wins = 0;
    for (double y : yes) {
      for (double w : no) {
        wins += y > w ? 1 : y == w ? 0.5 : 0;
      }
    }
    return wins / ((double) yes.size() * no.size());
  }

  /** The non-empty bins as a table, under a line with the ECE. */
  public String markdown() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n%s: ECE %.3f, AUROC %s over %d documents%n%n"
                    + "| confidence | n | mean confidence | share right |%n|---|---|---|---|%n",
                score,
                ece,
                auroc == null ? "–" : String.format(Locale.ROOT, "%.3f", auroc),
                n));
    for (Bin b : bins) {
      if (b.count() > 0) {
        sb.append(
            String.format(
                Locale.ROOT,
                "| %.1f–%.1f | %d | %.3f | %.3f |%n",
                b.low(),
                b.high(),
                b.count(),
                b.meanConfidence(),
                b.shareRight()));
      }
    }
    return sb.toString();
  }
}
