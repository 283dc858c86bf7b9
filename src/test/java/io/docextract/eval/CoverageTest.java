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

class CoverageTest {

  private static final ObjectMapper M = new ObjectMapper();

  private static EvalItem item(String gold, String predicted, Double confidence, String reason)
      throws Exception {
    JsonNode g = M.readTree("{\"total\": \"" + gold + "\"}");
    JsonNode p = M.readTree("{\"total\": \"" + predicted + "\"}");
    return new EvalItem(
        "d",
        g,
        "",
        Map.of(),
        Map.of("m", new Prediction(p, reason == null, true, true, reason, confidence)));
  }

  @Test
  void choosesTheLowestThresholdThatKeepsPrecisionAtTheTarget() throws Exception {
    List<EvalItem> items = new ArrayList<>();
    // Eight right with high confidence, two wrong with low, one right held back by the threshold.
    for (int i = 0; i < 8; i++) {
      items.add(item("9.00", "9.00", 0.95, null));
    }
    items.add(item("9.00", "1.00", 0.6, null));
    items.add(item("9.00", "2.00", 0.0, null));
    items.add(item("9.00", "9.00", 0.9, "low_confidence"));
    // A schema violation never counts as accepted, whatever its confidence.
    items.add(item("9.00", "3.00", null, "schema_violation"));
    Coverage c = Coverage.of("m", items, Map.of("total", Normaliser.AMOUNT), 0.97);
    // Anything above the wrong 0.6 keeps precision at 1; 0.7 is the lowest threshold tried.
    assertEquals(0.7, c.chosen().threshold(), 1e-9);
    assertEquals(9, c.chosen().accepted());
    assertEquals(1.0, c.chosen().precision(), 1e-9);
    Coverage.Row all = c.rows().get(0);
    assertEquals(0.0, all.threshold());
    assertEquals(11, all.accepted());
    assertEquals(9.0 / 11, all.precision(), 1e-9);
    assertNull(
        Coverage.of(
                "m",
                List.of(item("9.00", "1.00", 1.0, null)),
                Map.of("total", Normaliser.AMOUNT),
                0.97)
            .chosen());
  }
}
