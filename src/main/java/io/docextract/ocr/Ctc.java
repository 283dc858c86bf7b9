package io.docextract.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Reading a CTC recogniser's per-step class probabilities: greedy decoding, and the forward
 * algorithm (Graves et al., 2006), the probability that a recogniser's per-step distributions spell
 * a given label sequence, summed over every alignment (blanks between and around the labels,
 * repeats collapsed). Class 0 is the blank. Each step is rescaled and its scale summed as a
 * logarithm, so long spans do not underflow.
 */
final class Ctc {

  private Ctc() {}

  /**
   * One character of a greedy reading: its class, the first and last step of its run, and its
   * probability at the first step.
   */
  record Emitted(int cls, int firstStep, int lastStep, float probability) {}

  /**
   * Greedy decoding: the best class at each step, a run of one class emitted once, blanks dropped,
   * and classes {@code known} rejects skipped.
   */
  static List<Emitted> greedy(
      float[] probs, int offset, int steps, int classes, IntPredicate known) {
    List<Emitted> out = new ArrayList<>();
    int previous = -1;
    for (int t = 0; t < steps; t++) {
      int best = 0;
      float bestP = -1;
      int base = offset + t * classes;
      for (int c = 0; c < classes; c++) {
        if (probs[base + c] > bestP) {
          bestP = probs[base + c];
          best = c;
        }
      }
      if (best != 0 && best != previous && known.test(best)) {
        out.add(new Emitted(best, t, t, bestP));
      } else if (best != 0 && best == previous && !out.isEmpty()) {
        Emitted last = out.get(out.size() - 1);
        if (last.cls() == best) {
          out.set(out.size() - 1, new Emitted(best, last.firstStep(), t, last.probability()));
        }
      }
      previous = best;
    }
    return out;
  }

  /**
   * log P(labels | steps t0..t1), {@code probs[offset + t * classes + c]} the probability of class
   * c at step t; negative infinity when the span is too short to hold the labels (one or more).
   */
  static double logProbability(
      int[] labels, float[] probs, int offset, int t0, int t1, int classes) {
    int n = labels.length;
    int steps = t1 - t0 + 1;
    if (n == 0) {
      throw new IllegalArgumentException("no labels to score");
    }
    if (steps < n) {
      return Double.NEGATIVE_INFINITY;
    }
    int states = 2 * n + 1;
    int[] ext = new int[states];
    for (int s = 0; s < n; s++) {
      ext[2 * s + 1] = labels[s];
    }
    double[] alpha = new double[states];
    double[] next = new double[states];
    alpha[0] = p(probs, offset, t0, 0, classes);
    alpha[1] = p(probs, offset, t0, ext[1], classes);
    double log = rescale(alpha);
    for (int t = t0 + 1; t <= t1 && log > Double.NEGATIVE_INFINITY; t++) {
      for (int s = 0; s < states; s++) {
        double a = alpha[s];
        if (s >= 1) {
          a += alpha[s - 1];
        }
        if (s >= 2 && ext[s] != 0 && ext[s] != ext[s - 2]) {
          a += alpha[s - 2];
        }
        next[s] = a * p(probs, offset, t, ext[s], classes);
      }
      double[] swap = alpha;
      alpha = next;
      next = swap;
      log += rescale(alpha);
    }
    double end = alpha[states - 1] + alpha[states - 2];
    return end > 0 && log > Double.NEGATIVE_INFINITY
        ? log + Math.log(end)
        : Double.NEGATIVE_INFINITY;
  }

  private static double p(float[] probs, int offset, int t, int cls, int classes) {
    return probs[offset + t * classes + cls];
  }

  /** Divides the step's values by their sum and returns the sum's logarithm. */
  private static double rescale(double[] alpha) {
    double sum = 0;
    for (double a : alpha) {
      sum += a;
    }
    if (sum <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    for (int s = 0; s < alpha.length; s++) {
      alpha[s] /= sum;
    }
    return Math.log(sum);
  }
}
