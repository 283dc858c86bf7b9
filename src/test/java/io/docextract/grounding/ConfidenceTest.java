package io.docextract.grounding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.values.Normaliser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfidenceTest {

  @Test
  void groundingTimesRuleAgreementAndTheDocumentIsItsWeakestField() throws Exception {
    String text = "KEDAI MAJU SDN BHD\nDATE 01/02/2019\nTOTAL 9.00\nCASH 10.00";
    var record =
        new ObjectMapper()
            .readTree(
                """
        {"company": "KEDAI MAJU SDN BHD", "date": "01/02/2019", "total": "10.00",
         "address": "JALAN SATU"}""");
    Map<String, Normaliser> n = Map.of("date", Normaliser.DATE, "total", Normaliser.AMOUNT);
    RecordGrounding g = RecordGrounding.of(record, text, Grounder.defaults(), n);
    Confidence c =
        Confidence.of(
            record,
            g,
            Map.of("date", List.of("01/02/2019"), "total", List.of("9.00")),
            n,
            Map.of());
    assertEquals(1.0, c.fields().get("date"), "in the text and the rule agrees");
    assertEquals(0.9, c.fields().get("company"), "in the text, no rule for it");
    assertEquals(0.6, c.fields().get("total"), "in the text, but the rule found 9.00");
    assertEquals(0.0, c.fields().get("address"), "not in the text");
    assertEquals(0.0, c.document());
  }

  @Test
  void theModelsOwnProbabilityScalesTheFieldsItWrote() throws Exception {
    String text = "KEDAI MAJU SDN BHD\nDATE 01/02/2019\nTOTAL 9.00";
    var record =
        new ObjectMapper()
            .readTree(
                """
        {"company": "KEDAI MAJU SDN BHD", "date": "01/02/2019", "total": "9.00"}""");
    Map<String, Normaliser> n = Map.of("date", Normaliser.DATE, "total", Normaliser.AMOUNT);
    RecordGrounding g = RecordGrounding.of(record, text, Grounder.defaults(), n);
    Confidence c =
        Confidence.of(
            record,
            g,
            Map.of("date", List.of("01/02/2019"), "total", List.of("9.00")),
            n,
            Map.of("company", 0.5, "date", 0.99));
    assertEquals(0.45, c.fields().get("company"), "found, no rule, the model unsure");
    assertEquals(0.99, c.fields().get("date"), "found, the rule agrees, the model sure");
    assertEquals(1.0, c.fields().get("total"), "no probability: a value the model did not write");
    assertEquals(0.45, c.document());
  }

  @Test
  void aFieldAskedForInAnotherFormIsNotDoubtedForBeingAbsentAsWritten() throws Exception {
    String text = "Acme Widget Supply Co.\nInvoice INV-7\nTotal due $669.60";
    var record =
        new ObjectMapper()
            .readTree(
                """
        {"issuer": "Acme Widget Supply Co.", "currency": "USD", "amount": 669.6}""");
    Map<String, Normaliser> n = Map.of("amount", Normaliser.AMOUNT);
    RecordGrounding g = RecordGrounding.of(record, text, Grounder.defaults(), n);
    Confidence c =
        Confidence.of(
            record, g, Map.of(), n, Map.of("currency", 0.8), java.util.Set.of("issuer", "amount"));
    assertEquals(
        0.72, c.fields().get("currency"), 1e-9, "a code for '$': no rule, the model's 0.8");
    assertEquals(0.9, c.fields().get("amount"), "copied and found");
    assertEquals(0.72, c.document());
    Confidence strict = Confidence.of(record, g, Map.of(), n, Map.of("currency", 0.8));
    assertEquals(0.0, strict.fields().get("currency"), "every field copied: USD is not printed");
  }
}
