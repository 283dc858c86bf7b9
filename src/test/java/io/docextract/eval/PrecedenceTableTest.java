package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.rules.Rule;
import io.docextract.rules.RuleSet;
import io.docextract.rules.RuleSet.Precedence;
import io.docextract.testing.Fixtures;
import io.docextract.values.Normaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecedenceTableTest {

  private static final ObjectMapper M = new ObjectMapper();

  private static final RuleSet RULES =
      new RuleSet(
          "receipt",
          List.of(new Rule("company", "first-line", "\\A([^\\n]+)", 1, Normaliser.NONE, false)));

  /**
   * The model's own company is a shorter span of the first line on three receipts, so keeping the
   * rules' value is right three more times; the table scores each precedence on the model's own
   * values, which a record's fields (the rules' already put in) no longer show.
   */
  @Test
  void scoresEachPrecedenceOnTheModelsOwnValuesAndSuggestsOnlyBeyondTheMargin() throws Exception {
    List<EvalItem> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String company = "KEDAI MAJU " + i + " SDN BHD";
      String text = company + "\nTOTAL 23.90\n";
      JsonNode gold = M.readTree("{\"company\":\"" + company + "\",\"total\":\"23.90\"}");
      String own = i < 3 ? "KEDAI MAJU " + i : company;
      // As the pipeline wrote it: the model's grounded value kept (grounded-model)...
      JsonNode record = M.readTree("{\"company\":\"" + own + "\",\"total\":\"23.90\"}");
      items.add(
          new EvalItem(
              "r" + i, gold, text, RULES.apply(text), Map.of("m", accepted(record, null))));
    }
    // ...and one whose company the rules replaced: the table must score the model's own there.
    String text = "TOKO BARU\nTOTAL 5.00\n";
    JsonNode gold = M.readTree("{\"company\":\"TOKO BARU\",\"total\":\"5.00\"}");
    JsonNode record = M.readTree("{\"company\":\"TOKO BARU\",\"total\":\"5.00\"}");
    items.add(
        new EvalItem(
            "r4",
            gold,
            text,
            RULES.apply(text),
            Map.of("m", accepted(record, M.readTree("{\"company\":\"TOKO LAMA\"}")))));
    EvalReport report =
        new EvalReport(
            "t",
            Map.of("company", Normaliser.TEXT, "total", Normaliser.AMOUNT),
            RULES,
            Fixtures.schema("receipt").tree());

    PrecedenceTable t = report.addPrecedence("m", items).orElseThrow();

    assertEquals(1, t.rows().size(), "only the fields the rules speak for");
    PrecedenceTable.Row company = t.rows().get(0);
    assertEquals(1, company.exact().get(Precedence.MODEL), "TOKO LAMA is not the gold");
    assertEquals(2, company.exact().get(Precedence.GROUNDED_MODEL), "TOKO LAMA is not printed");
    assertEquals(5, company.exact().get(Precedence.RULES));
    assertEquals(Precedence.GROUNDED_MODEL, company.current());
    assertEquals(Precedence.RULES, company.suggested());
    assertEquals(List.of(company), t.changes());
    assertTrue(
        report
            .markdown()
            .contains("| company | 0.200 | 0.400 | 1.000 | grounded-model | **rules** |"));
  }

  @Test
  void oneDocumentBetterIsNotEnoughToSuggestAChange() {
    PrecedenceTable.Row row =
        new PrecedenceTable.Row(
            "company",
            Map.of(Precedence.MODEL, 27, Precedence.GROUNDED_MODEL, 27, Precedence.RULES, 28),
            Precedence.GROUNDED_MODEL);
    assertEquals(Precedence.GROUNDED_MODEL, row.suggested());
  }

  private static Prediction accepted(JsonNode fields, JsonNode modelValues) {
    return new Prediction(fields, true, true, true, null, 0.9).withModelValues(modelValues);
  }
}
