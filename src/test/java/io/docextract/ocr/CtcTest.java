package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcTest {

  /**
   * The forward algorithm against the definition: the sum, over every path of classes whose
   * collapse (repeats merged, then blanks dropped) is the labels, of the product of its steps'
   * probabilities; random distributions over a blank and two letters, every path of 5 steps.
   */
  @Test
  void theForwardSumIsTheSumOverEveryAlignment() {
    Random r = new Random(7);
    int steps = 5;
    int classes = 3;
    for (int trial = 0; trial < 20; trial++) {
      float[] probs = new float[2 + steps * classes]; // an offset of 2, as in a batch
      for (int t = 0; t < steps; t++) {
        double[] raw = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
        double sum = raw[0] + raw[1] + raw[2];
        for (int c = 0; c < classes; c++) {
          probs[2 + t * classes + c] = (float) (raw[c] / sum);
        }
      }
      for (int[] labels : new int[][] {{1}, {1, 2}, {1, 1}, {2, 1, 2}, {1, 1, 1}}) {
        double brute = bruteForce(labels, probs, 2, steps, classes);
        double forward = Math.exp(Ctc.logProbability(labels, probs, 2, 0, steps - 1, classes));
        assertEquals(brute, forward, 1e-6 * Math.max(1, brute), () -> List.of(labels).toString());
      }
    }
  }

  @Test
  void aSpanShorterThanTheLabelsCannotHoldThem() {
    float[] probs = {0.5f, 0.5f, 0.5f, 0.5f};
    assertEquals(
        Double.NEGATIVE_INFINITY, Ctc.logProbability(new int[] {1, 1, 1}, probs, 0, 0, 1, 2));
  }

  @Test
  void aSubSpanIsScoredAlone() {
    // Steps 1..2 of 4 (a blank and "a" each likely); the steps outside the span do not count.
    float[] probs = {0, 1, 0.9f, 0.1f, 0.2f, 0.8f, 0, 1};
    double p = Math.exp(Ctc.logProbability(new int[] {1}, probs, 0, 1, 2, 2));
    // paths a-a, a-blank, blank-a: .1*.8 + .1*.2 + .9*.8
    assertEquals(0.08 + 0.02 + 0.72, p, 1e-6);
  }

  private static double bruteForce(
      int[] labels, float[] probs, int offset, int steps, int classes) {
    double total = 0;
    int paths = (int) Math.pow(classes, steps);
    for (int code = 0; code < paths; code++) {
      int[] path = new int[steps];
      int c = code;
      double p = 1;
      for (int t = 0; t < steps; t++) {
        path[t] = c % classes;
        c /= classes;
        p *= probs[offset + t * classes + path[t]];
      }
      if (collapse(path).equals(asList(labels))) {
        total += p;
      }
    }
    return total;
  }

  private static List<Integer> collapse(int[] path) {
    List<Integer> out = new ArrayList<>();
    int previous = -1;
    for (int k : path) {
      if (k != 0 && k != previous) {
        out.add(k);
      }
      previous = k;
    }
    return out;
  }

  private static List<Integer> asList(int[] labels) {
    List<Integer> out = new ArrayList<>();
    for (int l : labels) {
      out.add(l);
    }
    return out;
  }
}
