package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueScaffoldTest {

  private static final String RECEIPT =
      "KEDAI MAJU SDN BHD\nNO 12, JALAN MAWAR 3, 40400 SHAH ALAM\nDATE: 14/05/2018\nTOTAL 23.90";

  @Test
  void receiptKeysAreWrittenInTheCompactFormTheModelWasTunedOn() {
    ValueScaffold s = ValueScaffold.forSchema(Fixtures.schema("receipt").json()).orElseThrow();
    List<String> leads = new ArrayList<>();
    s.slots().forEach(slot -> leads.add(slot.lead()));
    assertEquals(
        List.of("{\"company\":\"", ",\"date\":\"", ",\"address\":\"", ",\"total\":\""), leads);
    for (ValueScaffold.Slot slot : s.slots()) {
      assertTrue(slot.inString(), slot.key());
      // The opening quote is in the prompt; the value's grammar starts inside the string and
      // still bounds it by the schema's maxLength.
      String value =
          slot.grammar()
              .lines()
              .filter(l -> l.startsWith("scaffold-value ::="))
              .findFirst()
              .orElseThrow();
      assertFalse(value.startsWith("scaffold-value ::= \"\\\"\""), value);
      assertTrue(value.contains("\"\\\"\""), "the closing quote stays: " + value);
      assertTrue(slot.grammar().contains("root ::= scaffold-value scaffold-tail"), slot.grammar());
    }
    // The tuned model ends a value with the punctuation after it in one token (`","`, `"}`).
    assertTrue(s.slots().get(0).grammar().contains("scaffold-tail ::= (\",\" \"\\\"\"?)?"));
    assertTrue(s.slots().get(3).grammar().contains("scaffold-tail ::= \"}\"?"));
  }

  @Test
  void aSchemaWithAnOptionalPropertyHasNoScaffold() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
            + "\"b\":{\"type\":\"number\"}},\"required\":[\"a\"]}";
    assertTrue(ValueScaffold.forSchema(schema).isEmpty());
  }

  @Test
  void nonStringValuesKeepTheirWholeGrammar() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"required\":[\"n\",\"tags\"]}";
    ValueScaffold s = ValueScaffold.forSchema(schema).orElseThrow();
    assertEquals("{\"n\":", s.slots().get(0).lead());
    assertEquals(",\"tags\":", s.slots().get(1).lead());
    assertFalse(s.slots().get(0).inString());
    assertFalse(s.slots().get(1).inString());
  }

  /** The token budget covers all values together; a reply cut there is reported as truncated. */
  @Test
  void aTinyBudgetIsReportedAsTruncation() throws Exception {
    ValueScaffold scaffold =
        ValueScaffold.forSchema(Fixtures.schema("receipt").json()).orElseThrow();
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      Completion c = runtime.completeValues("Receipt:", scaffold, 8);
      assertEquals(StopReason.TOKEN_LIMIT, c.stopReason(), c.text());
      assertTrue(c.truncated());
      assertTrue(c.generatedTokens() <= 8, c.generatedTokens() + " tokens");
      assertTrue(c.text().startsWith("{\"company\":\""), c.text());
      assertTrue(c.firstTokenMillis() >= 0 && c.firstTokenMillis() <= c.totalMillis());
    }
  }

  /** The real model writes only values, and the assembled reply is a schema-valid record. */
  @Test
  void theModelWritesOnlyTheValuesOfAValidRecord() throws Exception {
    assumeTrue(Files.isRegularFile(Fixtures.SMOLLM2), "needs ../shared/models");
    ModelSettings settings = Fixtures.smollm2(160);
    String schema = Fixtures.schema("receipt").json();
    ValueScaffold scaffold = ValueScaffold.forSchema(schema).orElseThrow();
    try (ModelRuntime runtime = ModelRuntime.acquire(settings)) {
      String prompt =
          runtime.renderPrompt(
              new ExtractionPrompt("You extract data from shop receipts.", schema, List.of()),
              RECEIPT);
      Completion whole = runtime.complete(prompt, Grammars.forSchema(schema), 160);
      Completion values = runtime.completeValues(prompt, scaffold, 160);
      assertEquals(StopReason.COMPLETE_JSON, values.stopReason(), values.text());
      JsonNode node = new ObjectMapper().readTree(values.text());
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      assertEquals(List.of("company", "date", "address", "total"), keys);
      Verdict v = new RecordValidator(Fixtures.schema("receipt")).validate(values.text());
      assertTrue(v.ok(), v.message());
      assertTrue(
          values.generatedTokens() < whole.generatedTokens(),
          values.generatedTokens()
              + " value tokens against "
              + whole.generatedTokens()
              + " for the whole object "
              + whole.text());
      assertEquals(new java.util.HashSet<>(keys), values.fieldProbabilities().keySet());
    }
  }
}
