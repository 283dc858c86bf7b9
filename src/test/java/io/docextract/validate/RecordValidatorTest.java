package io.docextract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.values.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Model replies checked against the real schemas in schemas/ (surefire runs in the root). */
class RecordValidatorTest {

  private static RecordValidator receipt;
  private static RecordValidator invoice;
  private static RecordValidator nda;

  // The expected values of sample-docs/README.md, written as a model should answer.
  private static final String RECEIPT =
      "{\"company\":\"KEDAI RUNCIT MAJU JAYA SDN BHD\",\"date\":\"14/05/2018\","
          + "\"address\":\"NO 12, JALAN MAWAR 3, TAMAN SRI MUDA, 40400 SHAH ALAM, SELANGOR.\","
          + "\"total\":\"23.90\"}";
  private static final String INVOICE =
      "{\"issuer\":\"Delta Freight Logistics LLC\",\"invoice_number\":\"DFL-88213\","
          + "\"date\":\"2024-02-07\",\"currency\":\"USD\",\"amount\":1447.50,\"lines\":["
          + "{\"name\":\"Liftgate service\",\"price_unit\":\"85.00\"}]}";
  private static final String NDA =
      "{\"effective_date\":\"2024-03-01\",\"jurisdiction\":null,"
          + "\"party\":[\"Northwind Robotics, Inc.\",\"Bluefin Marine Systems LLC\"],"
          + "\"term\":\"2 years\"}";

  @BeforeAll
  static void loadSchemas() throws InvalidSchemaException {
    receipt = new RecordValidator(DocumentSchema.load(Path.of("schemas/receipt.schema.json")));
    invoice = new RecordValidator(DocumentSchema.load(Path.of("schemas/invoice.schema.json")));
    nda = new RecordValidator(DocumentSchema.load(Path.of("schemas/nda.schema.json")));
  }

  @Test
  void validRepliesPassWithTheirFields() {
    Verdict r = receipt.validate(RECEIPT);
    assertTrue(r.ok(), () -> r.message());
    assertNull(r.failure());
    assertEquals("23.90", r.fields().get("total").asText());

    Verdict i = invoice.validate(INVOICE);
    assertTrue(i.ok(), () -> i.message());
    assertEquals(1447.50, i.fields().get("amount").asDouble());
    assertEquals("85.00", i.fields().get("lines").get(0).get("price_unit").asText());

    // nda allows null for a value the text does not give.
    Verdict n = nda.validate(NDA);
    assertTrue(n.ok(), () -> n.message());
    assertTrue(n.fields().get("jurisdiction").isNull());
    assertEquals(2, n.fields().get("party").size());
  }

  @Test
  void surroundingWhitespaceIsAccepted() {
    assertTrue(receipt.validate("\n  " + RECEIPT + "\n").ok());
  }

  @Test
  void notJsonIsInvalidJson() {
    Verdict v = receipt.validate("not json");

    assertEquals(Reason.INVALID_JSON, v.failure());
    assertNull(v.fields());
    assertTrue(v.message().startsWith("reply is not valid JSON"), v.message());
  }

  @ParameterizedTest
  @ValueSource(strings = {" trailing words", " {}", "}", ","})
  void textAfterTheObjectIsInvalidJson(String tail) {
    // A reply that runs on after the object must not be trusted even if the object is valid.
    Verdict v = receipt.validate(RECEIPT + tail);

    assertEquals(Reason.INVALID_JSON, v.failure(), () -> "tail '" + tail + "': " + v.message());
  }

  @Test
  void truncatedObjectIsInvalidJson() {
    Verdict v = receipt.validate(RECEIPT.substring(0, RECEIPT.length() - 10));

    assertEquals(Reason.INVALID_JSON, v.failure());
  }

  @Test
  void missingRequiredKeyIsAViolationNamingIt() {
    Verdict v = receipt.validate(RECEIPT.replace(",\"total\":\"23.90\"", ""));

    assertEquals(Reason.SCHEMA_VIOLATION, v.failure());
    assertEquals(1, v.messages().size(), v.messages()::toString);
    assertTrue(v.messages().get(0).contains("'total'"), v.messages()::toString);
    assertTrue(v.message().startsWith("1 schema violation(s): "), v.message());
  }

  @Test
  void wrongTypeIsAViolationNamingTheField() {
    // The receipt keeps the total as printed, so a number instead of a string is refused.
    Verdict v = receipt.validate(RECEIPT.replace("\"23.90\"", "23.90"));

    assertEquals(Reason.SCHEMA_VIOLATION, v.failure());
    assertTrue(v.messages().get(0).contains("$.total"), v.messages()::toString);
  }

  @Test
  void extraKeyIsAViolationNamingIt() {
    Verdict v = receipt.validate(RECEIPT.replace("{", "{\"tax\":\"1.35\","));

    assertEquals(Reason.SCHEMA_VIOLATION, v.failure());
    assertTrue(v.messages().get(0).contains("'tax'"), v.messages()::toString);
  }

  @Test
  void nestedViolationsAreAllListedAndSorted() {
    // Two problems inside a line item: an extra key and a missing price_unit.
    String bad = INVOICE.replace("\"price_unit\":\"85.00\"", "\"qty\":1");
    Verdict v = invoice.validate(bad);

    assertEquals(Reason.SCHEMA_VIOLATION, v.failure());
    assertEquals(2, v.messages().size(), v.messages()::toString);
    assertTrue(
        v.messages().stream().allMatch(m -> m.startsWith("$.lines[0]")), v.messages()::toString);
    assertEquals(v.messages().stream().sorted().toList(), v.messages());
    assertTrue(v.message().startsWith("2 schema violation(s): "), v.message());
  }

  @Test
  void jsonThatIsNotAnObjectIsAViolation() {
    assertEquals(Reason.SCHEMA_VIOLATION, receipt.validate("null").failure());
    assertEquals(Reason.SCHEMA_VIOLATION, receipt.validate("[]").failure());
  }

  @Test
  void blankOrNullIsEmptyOutput() {
    for (String reply : new String[] {null, "", "   \n\t"}) {
      Verdict v = receipt.validate(reply);
      assertEquals(Reason.EMPTY_OUTPUT, v.failure());
      assertFalse(v.ok());
      assertTrue(v.messages().isEmpty());
    }
  }
}
