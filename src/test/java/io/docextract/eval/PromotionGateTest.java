package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

  private static final List<String> FIELDS = List.of("company", "total");

  private static FieldScore score(boolean right) {
    return right ? new FieldScore(1, 0, 0, 1, 1) : new FieldScore(0, 1, 1, 0, 1);
  }

  /** Documents whose company and total are right where the strings say '1'. */
  private static List<Map<String, FieldScore>> docs(String company, String total) {
    List<Map<String, FieldScore>> out = new ArrayList<>();
    for (int i = 0; i < company.length(); i++) {
      Map<String, FieldScore> d = new LinkedHashMap<>();
      d.put("company", score(company.charAt(i) == '1'));
      d.put("total", score(total.charAt(i) == '1'));
      out.add(d);
    }
    return out;
  }

  @Test
  void aClearlyBetterChallengerIsPromoted() {
    // Champion right on 5 of 20 companies and totals; challenger on 18 and 19.
    var champion = docs("11111000000000000000", "11111000000000000000");
    var challenger = docs("11111111111111111100", "11111111111111111110");
    PromotionGate.Decision d = PromotionGate.decide(champion, challenger, FIELDS, 0.05);
    assertTrue(d.promote(), d.reasons().toString());
    assertEquals(0.25, d.champion(), 1e-9);
    assertEquals(0.925, d.challenger(), 1e-9);
    assertTrue(d.difference().low() > 0, d.difference().toString());
    PromotionGate.FieldComparison company = d.fields().get(0);
    assertEquals(0, company.championOnly());
    assertEquals(13, company.challengerOnly());
    // 13 discordant documents all for the challenger: p = 0.5^13.
    assertEquals(Math.pow(0.5, 13), company.pBetter(), 1e-12);
    assertEquals(1.0, company.pWorse(), 1e-12);
    assertFalse(company.worse());
  }

  @Test
  void aWorseChallengerIsRefused() {
    var champion = docs("11111111111111111100", "11111111111111111110");
    var challenger = docs("11111000000000000000", "11111000000000000000");
    PromotionGate.Decision d = PromotionGate.decide(champion, challenger, FIELDS, 0.05);
    assertFalse(d.promote());
    assertTrue(d.fields().stream().allMatch(PromotionGate.FieldComparison::worse));
    assertTrue(d.difference().high() < 0, d.difference().toString());
  }

  @Test
  void betterOverallButWorseOnOneFieldIsRefused() {
    // Company: the challenger fixes 20 documents; total: it breaks 6 the champion had right.
    String champCompany = "0".repeat(20) + "1".repeat(10);
    String challCompany = "1".repeat(30);
    String champTotal = "1".repeat(30);
    String challTotal = "0".repeat(6) + "1".repeat(24);
    PromotionGate.Decision d =
        PromotionGate.decide(
            docs(champCompany, champTotal), docs(challCompany, challTotal), FIELDS, 0.05);
    assertTrue(d.difference().low() > 0, "better overall: " + d.difference());
    assertFalse(d.promote());
    PromotionGate.FieldComparison total = d.fields().get(1);
    assertTrue(total.worse());
    assertEquals(6, total.championOnly());
    assertEquals(Math.pow(0.5, 6), total.pWorse(), 1e-12);
    assertTrue(d.reasons().get(0).startsWith("total is worse"), d.reasons().toString());
  }

  @Test
  void aGainInsideTheNoiseKeepsTheChampion() {
    // One more document right out of 10: not evidence.
    var champion = docs("1111100000", "1111111111");
    var challenger = docs("1111110000", "1111111111");
    PromotionGate.Decision d = PromotionGate.decide(champion, challenger, FIELDS, 0.05);
    assertFalse(d.promote());
    assertTrue(d.difference().low() <= 0, d.difference().toString());
    assertTrue(d.reasons().get(0).startsWith("not better beyond noise"), d.reasons().toString());
  }

  @Test
  void identicalSystemsAndNoDocumentsAreRefused() {
    var same = docs("1101", "0111");
    assertFalse(PromotionGate.decide(same, same, FIELDS, 0.05).promote());
    assertFalse(PromotionGate.decide(List.of(), List.of(), FIELDS, 0.05).promote());
  }

  @Test
  void rejectsUnpairedScoresAndABadLevel() {
    var a = docs("11", "11");
    var b = docs("1", "1");
    assertThrows(IllegalArgumentException.class, () -> PromotionGate.decide(a, b, FIELDS, 0.05));
    assertThrows(IllegalArgumentException.class, () -> PromotionGate.decide(a, a, FIELDS, 0));
  }

  @Test
  void theMcNemarTailIsTheBinomialTail() {
    // P(X >= 8 | n = 10, 1/2) = (45 + 10 + 1) / 1024.
    assertEquals(56 / 1024.0, PromotionGate.upperTail(8, 10), 1e-12);
    assertEquals(1.0, PromotionGate.upperTail(0, 10), 0);
    assertEquals(1.0, PromotionGate.upperTail(0, 0), 0);
    // Large n stays finite: P(X >= 1500 | 2000) is tiny but not NaN.
    double p = PromotionGate.upperTail(1500, 2000);
    assertTrue(p > 0 && p < 1e-100, String.valueOf(p));
  }

  /** One document's party list: {@code found} of the gold's two parties, and one wrong value. */
  private static Map<String, FieldScore> parties(int found, boolean wrongExtra) {
    long fp = wrongExtra ? 1 : 0;
    long fn = 2 - found;
    return Map.of("party", new FieldScore(found, fp, fn, found == 2 && fp == 0 ? 1 : 0, 1));
  }

  @Test
  void f1CreditsAListFieldForEachValueExactMatchDoesNot() {
    // Every document: the champion finds one of two parties plus a wrong one; the challenger
    // finds both plus a wrong one. Neither is ever exact, so exact match sees no difference.
    List<Map<String, FieldScore>> champion = new ArrayList<>();
    List<Map<String, FieldScore>> challenger = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      champion.add(parties(1, true));
      challenger.add(parties(2, true));
    }
    List<String> party = List.of("party");
    PromotionGate.Decision exact =
        PromotionGate.decide(champion, challenger, party, 0.05, PromotionGate.Metric.EXACT);
    assertFalse(exact.promote(), exact.reasons().toString());
    assertEquals(0.0, exact.challenger(), 1e-12);

    PromotionGate.Decision f1 =
        PromotionGate.decide(champion, challenger, party, 0.05, PromotionGate.Metric.F1);
    assertTrue(f1.promote(), f1.reasons().toString());
    assertEquals(0.5, f1.champion(), 1e-12); // P 1/2, R 1/2
    assertEquals(0.8, f1.challenger(), 1e-12); // P 2/3, R 1
    assertEquals(12, f1.fields().get(0).challengerOnly());
    assertEquals(Math.pow(0.5, 12), f1.fields().get(0).pBetter(), 1e-12);
    assertTrue(f1.reasons().get(0).startsWith("better: field F1"), f1.reasons().toString());
  }

  @Test
  void onSingleValuedFieldsF1DecidesAsExactMatch() {
    var champion = docs("11111000000000000000", "11111000000000000000");
    var challenger = docs("11111111111111111100", "11111111111111111110");
    PromotionGate.Decision exact =
        PromotionGate.decide(champion, challenger, FIELDS, 0.05, PromotionGate.Metric.EXACT);
    PromotionGate.Decision f1 =
        PromotionGate.decide(champion, challenger, FIELDS, 0.05, PromotionGate.Metric.F1);
    assertEquals(exact.promote(), f1.promote());
    assertEquals(exact.challenger(), f1.challenger(), 1e-12);
    assertEquals(exact.fields().get(0).pBetter(), f1.fields().get(0).pBetter(), 1e-12);
  }
}
