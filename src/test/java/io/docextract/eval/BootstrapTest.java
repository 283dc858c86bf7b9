package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static Map<String, FieldScore> doc(boolean right) {
    return Map.of("total", right ? new FieldScore(1, 0, 0, 1, 1) : new FieldScore(0, 1, 1, 0, 1));
  }

  private static List<Map<String, FieldScore>> docs(int right, int wrong) {
    List<Map<String, FieldScore>> out = new ArrayList<>();
    for (int i = 0; i < right + wrong; i++) {
      out.add(doc(i % (right + wrong) < right));
    }
    return out;
  }

  @Test
  void allRightDocumentsGiveOneToOne() {
    Map<String, Interval> i = Bootstrap.scores(docs(20, 0), List.of("total"));
    for (String k :
        List.of("f1", "precision", "recall", "exact", "doc_exact", "total.f1", "total.exact")) {
      assertEquals(1.0, i.get(k).low(), 0, k);
      assertEquals(1.0, i.get(k).high(), 0, k);
    }
  }

  @Test
  void aMixContainsThePointEstimateAndNarrowsWithMoreDocuments() {
    // 80 % right: the share's standard error is sqrt(.8 * .2 / n), 0.089 at n = 20 and 0.028 at
    // n = 200, so the 95 % interval is about ±0.175 and ±0.055.
    Interval small = Bootstrap.scores(docs(16, 4), List.of("total")).get("exact");
    Interval large = Bootstrap.scores(docs(160, 40), List.of("total")).get("exact");
    assertTrue(small.low() < 0.8 && 0.8 < small.high(), small.toString());
    assertTrue(large.low() < 0.8 && 0.8 < large.high(), large.toString());
    assertTrue(large.high() - large.low() < small.high() - small.low(), small + " " + large);
    assertEquals(0.35, small.high() - small.low(), 0.08);
    assertEquals(0.11, large.high() - large.low(), 0.03);
  }

  @Test
  void isReproducibleAndInterpolatesLikeNumpy() {
    assertEquals(
        Bootstrap.scores(docs(7, 3), List.of("total")),
        Bootstrap.scores(docs(7, 3), List.of("total")));
    // numpy.percentile([0, 1, 2, 3, 4], 2.5) == 0.1
    assertEquals(0.1, Bootstrap.at(new double[] {0, 1, 2, 3, 4}, 0.025), 1e-12);
    assertEquals(3.9, Bootstrap.at(new double[] {0, 1, 2, 3, 4}, 0.975), 1e-12);
  }

  @Test
  void aPairedDifferenceCancelsWhatBothSystemsShare() {
    // Both wrong on the same 5 documents of 20; a also right on one that b gets wrong.
    List<Map<String, FieldScore>> a = docs(16, 4);
    List<Map<String, FieldScore>> b = new ArrayList<>(a);
    b.set(0, doc(false));
    Map<String, Interval> same = Bootstrap.differences(a, a);
    assertEquals(0.0, same.get("exact").low(), 0);
    assertEquals(0.0, same.get("exact").high(), 0);
    Interval d = Bootstrap.differences(a, b).get("exact");
    // The point difference is 1/20; no resample can make a worse than b.
    assertTrue(d.low() >= 0 && d.low() <= 0.05 && d.high() >= 0.05, d.toString());
    Interval separateA = Bootstrap.scores(a, List.of("total")).get("exact");
    assertTrue(d.high() - d.low() < separateA.high() - separateA.low(), d + " " + separateA);
  }
}
