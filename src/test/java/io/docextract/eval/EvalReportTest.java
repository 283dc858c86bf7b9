package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.rules.Rule;
import io.docextract.rules.RuleSet;
import io.docextract.testing.Fixtures;
import io.docextract.values.Normaliser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {

  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void eachDocumentShowsEverySystemsValuesAndItsOwnScorePerField() throws Exception {
    RuleSet rules =
        new RuleSet(
            "receipt",
            List.of(
                new Rule(
                    "total",
                    "after-total",
                    "(?i)total[^0-9]*([0-9]+\\.[0-9]{2})",
                    1,
                    Normaliser.NONE,
                    false)));
    String text = "KEDAI MAJU SDN BHD\nTOTAL 23.90\n";
    JsonNode gold = M.readTree("{\"company\":\"KEDAI MAJU SDN BHD\",\"total\":\"23.90\"}");
    // The model invents the total; the rules' value replaces it in the model+rules system.
    JsonNode model = M.readTree("{\"company\":\"KEDAI MAJU SDN BHD\",\"total\":\"99.99\"}");
    EvalItem item =
        new EvalItem(
            "r1.txt",
            gold,
            text,
            rules.apply(text),
            Map.of("m", new Prediction(model, false, true, true, "ungrounded", 0.4)));
    EvalReport report =
        new EvalReport(
            "t",
            Map.of("company", Normaliser.TEXT, "total", Normaliser.AMOUNT),
            rules,
            Fixtures.schema("receipt").tree());

    List<ObjectNode> docs = report.documents(List.of(item), List.of("m"));

    assertEquals(1, docs.size());
    JsonNode d = docs.get(0);
    assertEquals("r1.txt", d.get("doc").asText());
    JsonNode m = d.at("/systems/m");
    assertEquals("99.99", m.at("/fields/total").asText());
    assertEquals(1, m.at("/score/total/fp").asLong());
    assertEquals(1, m.at("/score/total/fn").asLong());
    assertEquals(1, m.at("/score/company/tp").asLong());
    assertFalse(m.get("accepted").asBoolean());
    assertEquals("ungrounded", m.get("reason").asText());
    JsonNode fused = d.at("/systems/m+rules");
    assertEquals("23.90", fused.at("/fields/total").asText());
    assertEquals(1, fused.at("/score/total/tp").asLong());
    assertEquals(
        0, d.at("/systems/rules/score/company/tp").asLong(), "the rules here know only the total");
    assertEquals(1, d.at("/systems/rules/score/total/tp").asLong());
  }
}
