package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.testing.Fixtures;
import io.docextract.values.Normaliser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFallbackTest {

  private static final RuleSet RULES =
      new RuleSet(
          "receipt",
          List.of(
              new Rule(
                  "total",
                  "after-total",
                  "(?i)total[^0-9]*([0-9]+\\.[0-9]{2})",
                  1,
                  Normaliser.NONE,
                  false),
              new Rule("company", "first-line", "^(.+)", 1, Normaliser.NONE, false)));
  private static final RuleSet AMOUNT_DUE =
      new RuleSet(
          "invoice",
          List.of(
              new Rule(
                  "amount",
                  "due",
                  "(?i)due:? \\$?([0-9,]+\\.[0-9]{2})",
                  1,
                  Normaliser.NONE,
                  false)));
  private static final String TEXT = "KEDAI MAJU SDN BHD\nTOTAL 23.90\n";

  @Test
  void anInventedValueIsReplacedAndAGroundedOneKept() throws Exception {
    ObjectNode fields =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"company\":\"kedai  maju sdn bhd\",\"date\":\"x\",\"address\":\"y\",\"total\":\"1234567890\"}");
    Map<String, String> sources =
        RuleFallback.apply(fields, RULES, TEXT, Fixtures.schema("receipt").tree());
    assertEquals(Map.of("total", "rule:after-total"), sources);
    assertEquals("23.90", fields.get("total").asText());
    assertEquals(
        "kedai  maju sdn bhd",
        fields.get("company").asText(),
        "case and spacing differences still count as found in the text");
  }

  @Test
  void anEmptyValueIsFilledAndNumbersStayNumbers() throws Exception {
    ObjectNode fields = (ObjectNode) new ObjectMapper().readTree("{\"amount\":null}");
    RuleFallback.apply(
        fields, AMOUNT_DUE, "Amount due: $1,447.50", Fixtures.schema("invoice").tree());
    assertTrue(fields.get("amount").isNumber());
    assertEquals("1447.50", fields.get("amount").decimalValue().toPlainString());
  }

  @Test
  void precedenceDecidesWhoseValueAFieldKeeps() throws Exception {
    ObjectNode fields =
        (ObjectNode)
            new ObjectMapper().readTree("{\"company\":\"KEDAI MAJU\",\"total\":\"23.00\"}");
    RuleSet rulesFirst =
        new RuleSet(
            "receipt",
            RULES.rules(),
            Map.of("company", RuleSet.Precedence.RULES, "total", RuleSet.Precedence.MODEL));
    Map<String, String> sources =
        RuleFallback.apply(fields, rulesFirst, TEXT, Fixtures.schema("receipt").tree());
    // The company's grounded value gives way to the rule's; the total, not in the text, stays.
    assertEquals(Map.of("company", "rule:first-line"), sources);
    assertEquals("KEDAI MAJU SDN BHD", fields.get("company").asText());
    assertEquals("23.00", fields.get("total").asText());
  }

  @Test
  void aNumberCountsAsFoundOnlyWhereTheCallersGroundingFindsIt() throws Exception {
    String text = "Liftgate service  Qty 1\nAmount due: $1,447.50";
    ObjectNode kept = (ObjectNode) new ObjectMapper().readTree("{\"amount\":1}");
    RuleFallback.apply(
        kept,
        AMOUNT_DUE,
        AMOUNT_DUE.matches(text),
        text,
        Fixtures.schema("invoice").tree(),
        Map.of("amount", true));
    assertEquals(1, kept.get("amount").intValue());
    // The decision's grounding finds no printed amount of 1 (only a quantity): the rule's total.
    ObjectNode replaced = (ObjectNode) new ObjectMapper().readTree("{\"amount\":1}");
    Map<String, String> sources =
        RuleFallback.apply(
            replaced,
            AMOUNT_DUE,
            AMOUNT_DUE.matches(text),
            text,
            Fixtures.schema("invoice").tree(),
            Map.of("amount", false));
    assertEquals(Map.of("amount", "rule:due"), sources);
    assertEquals("1447.50", replaced.get("amount").decimalValue().toPlainString());
  }
}
