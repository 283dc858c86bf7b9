package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.values.Normaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

  @Test
  void eceWeighsEachBinsGapByItsShareOfDocuments() {
    // Bin 0.9-1.0: four at 0.95, three right (0.75): gap 0.2. Bin 0.5-0.6: two at 0.5, both
    // right: gap 0.5. Bin 0.0-0.1: four at 0.0, none right: gap 0. ECE = (4*.2 + 2*.5 + 0) / 10.
    List<Double> c = List.of(0.95, 0.95, 0.95, 0.95, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0);
    List<Boolean> r = List.of(true, true, true, false, true, true, false, false, false, false);
    Reliability rel = Reliability.of("total", c, r);
    assertEquals(0.18, rel.ece(), 1e-12);
    assertEquals(10, rel.n());
    assertEquals(10, rel.bins().size());
    Reliability.Bin top = rel.bins().get(9);
    assertEquals(4, top.count());
    assertEquals(0.95, top.meanConfidence(), 1e-12);
    assertEquals(0.75, top.shareRight(), 1e-12);
    assertEquals(2, rel.bins().get(5).count(), "0.5 opens the bin 0.5-0.6");
    assertNull(rel.bins().get(3).meanConfidence(), "an empty bin has no mean");
  }

  @Test
  void aurocIsTheChanceARightAnswerScoresAboveAWrongOne() {
    // Right: 0.9, 0.8, 0.5; wrong: 0.6, 0.5. Pairs: 0.9 beats both, 0.8 beats both, 0.5 loses to
    // 0.6 and ties 0.5: (2 + 2 + 0.5) / 6.
    List<Double> c = List.of(0.9, 0.8, 0.5, 0.6, 0.5);
    List<Boolean> r = List.of(true, true, true, false, false);
    assertEquals(4.5 / 6, Reliability.of("company", c, r).auroc(), 1e-12);
    assertEquals(1.0, Reliability.of("d", List.of(0.9, 0.1), List.of(true, false)).auroc(), 1e-12);
    assertNull(
        Reliability.of("d", List.of(0.9, 0.1), List.of(true, true)).auroc(),
        "nothing wrong: nothing to rank against");
  }

  @Test
  void perfectCalibrationAndOneGoIntoTheLastBin() {
    Reliability rel = Reliability.of("d", List.of(1.0, 1.0, 0.0), List.of(true, true, false));
    assertEquals(0.0, rel.ece(), 1e-12);
    assertEquals(2, rel.bins().get(9).count());
    assertEquals(0.0, Reliability.of("d", List.of(), List.of()).ece());
  }

  @Test
  void coverageCarriesTheDocumentAndFieldTables() throws Exception {
    ObjectMapper m = new ObjectMapper();
    List<EvalItem> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      boolean right = i < 3;
      JsonNode gold = m.readTree("{\"total\": \"9.00\", \"date\": \"2019-01-01\"}");
      JsonNode p =
          m.readTree(
              "{\"total\": \"" + (right ? "9.00" : "1.00") + "\", \"date\": \"2019-01-01\"}");
      items.add(
          new EvalItem(
              "d" + i,
              gold,
              "",
              Map.of(),
              Map.of(
                  "m",
                  new Prediction(p, true, true, true, null, 0.9)
                      .withFieldConfidence(Map.of("total", 0.9, "date", 1.0)))));
    }
    Coverage c =
        Coverage.of("m", items, Map.of("total", Normaliser.AMOUNT, "date", Normaliser.DATE), 0.97);
    assertEquals("document", c.reliability().get(0).score());
    assertEquals(0.15, c.reliability().get(0).ece(), 1e-12, "0.9 said, 0.75 right");
    Reliability date =
        c.reliability().stream().filter(r -> r.score().equals("date")).findFirst().orElseThrow();
    assertEquals(0.0, date.ece(), 1e-12);
    assertEquals(4, date.n());
  }
}
