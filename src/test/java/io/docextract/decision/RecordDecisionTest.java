package io.docextract.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.catalog.ModelStore;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.Completion;
import io.docextract.model.StopReason;
import io.docextract.values.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped invoice type deciding on replies as the runtime returns them. */
class RecordDecisionTest {

  private DocumentTypeConfig invoice;
  private String text;

  @BeforeEach
  void load() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("../shared/models")), "needs ../shared/models");
    invoice =
        new PipelineLoader(ModelStore.fromEnvironment())
            .baseModelOnly()
            .load(Path.of("pipelines/invoice.yaml"), null)
            .documentTypes()
            .get(0);
    text = Files.readString(Path.of("sample-docs/invoices/invoice-delta.txt"));
  }

  private RecordDecision.Outcome decide(String reply, StopReason stop, Map<String, Object> lin) {
    return decide(text, reply, stop, lin);
  }

  private RecordDecision.Outcome decide(
      String text, String reply, StopReason stop, Map<String, Object> lin) {
    return new RecordDecision(invoice)
        .decide(
            text, new Completion(reply, stop, 400, 104, 5, 50), 400, LocalDate.of(2024, 6, 1), lin);
  }

  @Test
  void aLoopingReplyGoesToReviewWithItsFinishedPartProposed() {
    String header =
        "{\"issuer\":\"Delta Freight Logistics LLC\",\"invoice_number\":\"DFL-88213\","
            + "\"date\":\"2024-02-07\",\"currency\":\"USD\",\"amount\":1447.5,\"lines\":["
            + "{\"name\":\"Pallet transport Chicago-Denver\",\"price_unit\":\"1250.0\"},"
            + "{\"name\":\"Liftgate service\",\"price_unit\":\"85.0\"},"
            + "{\"name\":\"Fuel surcharge\",\"price_unit\":\"112.5\"},";
    Map<String, Object> lineage = new HashMap<>();
    RecordDecision.Outcome o =
        decide(
            header + "{\"name\":\"------------------------------", StopReason.REPETITION, lineage);
    assertFalse(o.accepted());
    assertEquals(Reason.REPETITION, o.reason());
    assertEquals("Delta Freight Logistics LLC", o.fields().get("issuer").asText());
    assertEquals(1447.5, o.fields().get("amount").asDouble());
    assertEquals(3, o.fields().get("lines").size());
    assertTrue(o.message().contains("complete part is proposed"), o.message());
    assertEquals(true, lineage.get("salvaged"));
    assertTrue(lineage.containsKey("grounding"));
  }

  @Test
  void anEInvoicesOwnDataWinsOverWhatTheModelReadFromThePrint() throws Exception {
    Path pdf = Path.of("datasets/zugferd-corpus/pdf/EN16931_Einfach.pdf");
    String einvoice;
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
      einvoice = parser.parseAll(Files.readAllBytes(pdf), pdf.toString()).get(0).document().text();
    }
    // What the model answers from such a print: the customer, a customer number, a delivery
    // date, a line's amount. Each is printed, so grounding alone would keep it.
    String reply =
        "{\"issuer\":\"Kunden AG Mitte\",\"invoice_number\":\"549910\",\"date\":\"2018-03-05\","
            + "\"currency\":\"EUR\",\"amount\":198.00,\"lines\":[]}";
    Map<String, Object> lineage = new HashMap<>();
    RecordDecision.Outcome o = decide(einvoice, reply, StopReason.COMPLETE_JSON, lineage);
    assertEquals("Lieferant GmbH", o.fields().get("issuer").asText());
    assertEquals("471102", o.fields().get("invoice_number").asText());
    assertEquals(529.87, o.fields().get("amount").asDouble());
    assertEquals(
        Map.of(
            "issuer", "rule:einvoice-seller",
            "invoice_number", "rule:einvoice-number",
            "date", "rule:einvoice-date",
            "currency", "rule:einvoice-currency",
            "amount", "rule:einvoice-total-with-tax"),
        lineage.get("field_sources"));
  }

  @Test
  void anAmountThatIsOnlyAQuantityGivesWayToTheRulesPrintedTotal() {
    // "1" is printed (a quantity), so a literal search would keep it; grounding wants a printed
    // money amount, finds none equal to 1, and the rules' total takes its place.
    Map<String, Object> lineage = new HashMap<>();
    RecordDecision.Outcome o =
        decide(
            "{\"issuer\":\"Delta Freight Logistics LLC\",\"invoice_number\":\"DFL-88213\","
                + "\"date\":\"2024-02-07\",\"currency\":\"USD\",\"amount\":1,\"lines\":[]}",
            StopReason.COMPLETE_JSON,
            lineage);
    assertEquals(1447.5, o.fields().get("amount").asDouble());
    assertTrue(
        String.valueOf(lineage.get("field_sources")).contains("amount=rule:"),
        String.valueOf(lineage.get("field_sources")));
    // What the model said stays in the lineage, so eval can score the other precedences (the
    // invoice rules' date wins too, so the model's date is kept there beside its amount).
    Map<?, ?> modelValues = (Map<?, ?>) lineage.get("model_values");
    assertEquals("1", String.valueOf(modelValues.get("amount")), "the model's own amount");
    assertEquals("DFL-88213", o.fields().get("invoice_number").asText());
    // The rules' total agrees with itself; what speaks for or against it is the model, which
    // said 1, so the total is as doubtful as any value the two disagree on.
    Map<?, ?> confidence = (Map<?, ?>) ((Map<?, ?>) lineage.get("confidence")).get("fields");
    assertTrue((Double) confidence.get("amount") <= 0.6, String.valueOf(confidence));
  }

  @Test
  void aReplyCutBeforeTheSchemaIsMetProposesNothing() {
    RecordDecision.Outcome o =
        decide(
            "{\"issuer\":\"Delta Freight Logistics LLC\",\"invoice_nu",
            StopReason.TOKEN_LIMIT,
            new HashMap<>());
    assertEquals(Reason.TRUNCATED, o.reason());
    assertNull(o.fields());
  }

  @Test
  void anInventedValueIsLeftOutOfTheProposalAndKeptInTheLineage() throws Exception {
    DocumentTypeConfig nda =
        new PipelineLoader(ModelStore.fromEnvironment())
            .baseModelOnly()
            .load(Path.of("pipelines/nda.yaml"), null)
            .documentTypes()
            .get(0);
    // The agreement's date taken out: nothing in the text is a date the model could copy.
    String undated =
        Files.readString(Path.of("sample-docs/nda/nda-northwind-bluefin.txt"))
            .replaceAll("(?s)as of\\s+March 1, 2024 \\(the \"Effective Date\"\\)", "as of signing")
            .replaceAll("\\b(?:19|20)\\d\\d\\b", "");
    String reply =
        "{\"effective_date\":\"2019-07-04\",\"jurisdiction\":\"Delaware\","
            + "\"party\":[\"Northwind Robotics, Inc.\",\"Bluefin Marine Systems LLC\"],"
            + "\"term\":\"2 years\"}";
    Map<String, Object> lineage = new HashMap<>();
    RecordDecision.Outcome o =
        new RecordDecision(nda)
            .decide(
                undated,
                new Completion(reply, StopReason.COMPLETE_JSON, 200, 60, 5, 50),
                200,
                LocalDate.of(2024, 6, 1),
                lineage);
    assertEquals(Reason.UNGROUNDED, o.reason());
    assertTrue(o.message().contains("effective_date"), o.message());
    assertTrue(o.messages().toString().contains("2019-07-04"), o.messages().toString());
    // The reviewer starts from what the document prints: no made-up date, the rest as it was.
    assertTrue(o.fields().get("effective_date").isNull(), o.fields().toString());
    assertEquals("Delaware", o.fields().get("jurisdiction").asText());
    assertEquals(2, o.fields().get("party").size());
    Map<?, ?> modelValues = (Map<?, ?>) lineage.get("model_values");
    assertEquals("\"2019-07-04\"", String.valueOf(modelValues.get("effective_date")));
  }

  private static DocumentTypeConfig receiptType() throws Exception {
    return new PipelineLoader(ModelStore.fromEnvironment())
        .baseModelOnly()
        .load(Path.of("pipelines/receipt.yaml"), null)
        .documentTypes()
        .get(0);
  }

  private RecordDecision.Outcome decideReceipt(String reply, StopReason stop) throws Exception {
    DocumentTypeConfig receipt = receiptType();
    String receiptText = Files.readString(Path.of("sample-docs/receipts/receipt-kedai-maju.txt"));
    return new RecordDecision(receipt)
        .decide(
            receiptText,
            new Completion(reply, stop, 160, 60, 5, 50),
            160,
            LocalDate.of(2024, 6, 1),
            new HashMap<>());
  }

  @Test
  void aReplyThatLoopsInsideAFieldProposesTheRulesValuesForWhatItNeverFinished() throws Exception {
    RecordDecision.Outcome o =
        decideReceipt(
            "{\"company\":\"KEDAI RUNCIT MAJU JAYA SDN BHD\",\"date\":\"14/05/2018\","
                + "\"address\":\"NO 12, JALAN MAWAR 3, TAMAN SRI MUDA, TAMAN SRI MUDA, TAMAN SRI",
            StopReason.REPETITION);
    assertEquals(Reason.REPETITION, o.reason());
    assertEquals("KEDAI RUNCIT MAJU JAYA SDN BHD", o.fields().get("company").asText());
    assertEquals("14/05/2018", o.fields().get("date").asText());
    // The looping address was never finished: the rules' address and total stand in for it.
    assertFalse(o.fields().get("address").asText().contains("SRI MUDA, TAMAN SRI MUDA"));
    assertTrue(o.fields().get("address").asText().startsWith("NO 12, JALAN MAWAR 3"));
    assertEquals("23.90", o.fields().get("total").asText());
  }

  @Test
  void aReplyThatIsNotJsonToTheEndStillProposesWhatItSaidBeforeTheFault() throws Exception {
    RecordDecision.Outcome o =
        decideReceipt(
            "{\"company\":\"KEDAI RUNCIT MAJU JAYA SDN BHD\",\"date\":\"14/05/2018\" \"address",
            StopReason.COMPLETE_JSON);
    assertEquals(Reason.INVALID_JSON, o.reason());
    assertEquals("KEDAI RUNCIT MAJU JAYA SDN BHD", o.fields().get("company").asText());
    assertEquals("23.90", o.fields().get("total").asText());
  }

  @Test
  void aThresholdChosenOnTextDoesNotAcceptTheSameReplyReadFromAPhoto() throws Exception {
    DocumentTypeConfig receipt = receiptType();
    String shop = Files.readString(Path.of("sample-docs/receipts/receipt-kedai-maju.txt"));
    String reply =
        "{\"company\":\"KEDAI RUNCIT MAJU JAYA SDN BHD\",\"date\":\"14/05/2018\","
            + "\"address\":\"NO 12, JALAN MAWAR 3, TAMAN SRI MUDA, 40400 SHAH ALAM, SELANGOR.\","
            + "\"total\":\"23.90\"}";
    Completion c =
        new Completion(
            reply,
            StopReason.COMPLETE_JSON,
            400,
            60,
            5,
            50,
            Map.of("company", 0.95, "date", 0.95, "address", 0.9, "total", 0.9));
    LocalDate day = LocalDate.of(2018, 6, 1);
    RecordDecision.Outcome fromText =
        new RecordDecision(receipt).decide(shop, c, 160, day, new HashMap<>());
    assertTrue(fromText.accepted(), fromText.message());
    RecordDecision.Outcome fromPhoto =
        new RecordDecision(receipt, true).decide(shop, c, 160, day, new HashMap<>());
    assertFalse(fromPhoto.accepted());
    assertEquals(Reason.LOW_CONFIDENCE, fromPhoto.reason());
    assertTrue(fromPhoto.message().contains("minConfidenceOcr"), fromPhoto.message());
    assertEquals("23.90", fromPhoto.fields().get("total").asText());
  }
}
