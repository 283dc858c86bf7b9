package io.docextract.grounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.values.Normaliser;
import io.docextract.values.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrounderTest {

  private static final String RECEIPT =
      """
      SYARIKAT PERNIAGAAN GIN KEE
      (81109-A)
      NO 290, JALAN AIR PANAS.
      SETAPAK,
      53200, KUALA LUMPUR,
      DATE: 02/12/2017
      TOTAL SALES(INCLUSIVE OF GST) :   29.68
      """;

  private final Grounder grounder = Grounder.defaults();

  @Test
  void exactMatchGivesTheOffsets() {
    Span s = grounder.locate(RECEIPT, "02/12/2017").orElseThrow();
    assertEquals("exact", s.method());
    assertEquals("02/12/2017", RECEIPT.substring(s.start(), s.end()));
  }

  @Test
  void caseAndLineBreaksAreFoldedAndTheSpanCoversTheOriginalText() {
    Span s =
        grounder
            .locate(RECEIPT, "No 290, Jalan Air Panas. Setapak, 53200, Kuala Lumpur,")
            .orElseThrow();
    assertEquals("folded", s.method());
    assertEquals(
        "NO 290, JALAN AIR PANAS.\nSETAPAK,\n53200, KUALA LUMPUR,",
        RECEIPT.substring(s.start(), s.end()));
    assertEquals(s.matched(), RECEIPT.substring(s.start(), s.end()));
  }

  @Test
  void aNearCopyIsFoundWithItsSimilarityAndAnInventedValueIsNot() {
    Span s = grounder.locate(RECEIPT, "SYARIKAT PERNIAGAN GIN KEE").orElseThrow();
    assertEquals("fuzzy", s.method());
    assertEquals("SYARIKAT PERNIAGAAN GIN KEE", s.matched());
    assertTrue(s.score() >= 0.95 && s.score() < 1, "score " + s.score());
    assertTrue(grounder.locate(RECEIPT, "1234567890 MAIN STREET").isEmpty());
    assertTrue(grounder.locate(RECEIPT, "10000000000").isEmpty());
    assertTrue(grounder.locate(RECEIPT, "").isEmpty());
  }

  @Test
  void offsetsCountUtf16UnitsAcrossEmojiAndCjk() {
    String text = "🧾 收据 Café Ünïcode 😀 TOTAL 12.50";
    Span s = grounder.locate(text, "café ünïcode").orElseThrow();
    assertEquals("Café Ünïcode", text.substring(s.start(), s.end()));
    Span t = grounder.locate(text, "12.50").orElseThrow();
    assertEquals(text.indexOf("12.50"), t.start());
  }

  @Test
  void recordGroundingReportsEachFieldAndEachArrayItem() throws Exception {
    String text =
        "This Agreement is made on April 29, 2005 between Acme Corp. and Beta LLC,"
            + " governed by the laws of Delaware. Total fee: $1,200.00";
    var fields =
        new ObjectMapper()
            .readTree(
                """
        {"effective_date": "2005-04-29", "jurisdiction": "Delaware",
         "party": ["Acme Corp.", "Gamma Inc"], "fee": "1200", "term": null}""");
    RecordGrounding g =
        RecordGrounding.of(
            fields,
            text,
            grounder,
            Map.of("effective_date", Normaliser.DATE, "fee", Normaliser.AMOUNT));
    Span date = (Span) g.spans().get("effective_date");
    assertEquals("normalised", date.method());
    assertEquals("April 29, 2005", date.matched());
    // The number itself: the "$" beside it is what makes it money.
    assertEquals("1,200.00", ((Span) g.spans().get("fee")).matched());
    assertEquals("normalised", ((Span) g.spans().get("fee")).method());
    List<?> parties = (List<?>) g.spans().get("party");
    assertEquals("Acme Corp.", ((Span) parties.get(0)).matched());
    assertEquals(null, parties.get(1));
    assertEquals(List.of("party"), g.ungrounded());
    assertTrue(!g.spans().containsKey("term"), "a null value has nothing to ground");
  }

  @Test
  void anAmountIsGroundedOnlyByAPrintedMoneyAmountThatEqualsIt() {
    Map<String, Normaliser> amount = Map.of("amount", Normaliser.AMOUNT);
    String invoice =
        "Invoice INV-2024-0173 dated 14/03/2024\n"
            + "1  Industrial Widget   10   45.00   450.00\n"
            + "2  Bracket Set          4   12.50    50.00\n"
            + "Total due: USD 669.60";
    for (String invented : List.of("1", "10", "4", "2024", "173", "3", "14")) {
      var g = RecordGrounding.of(json("{\"amount\": " + invented + "}"), invoice, grounder, amount);
      assertEquals(
          List.of("amount"),
          g.ungrounded(),
          invented
              + " is a quantity, a line number"
              + " or part of an identifier or a date, not a money amount");
    }
    var total = RecordGrounding.of(json("{\"amount\": 669.6}"), invoice, grounder, amount);
    assertEquals(List.of(), total.ungrounded());
    var line = RecordGrounding.of(json("{\"amount\": 450}"), invoice, grounder, amount);
    assertEquals(List.of(), line.ungrounded(), "450.00 is printed as money (with cents)");
    // Read the printed way: European separators, a bare integer beside its currency or label.
    String euro = "Rechnung\nGesamtbetrag: 1.234,56 EUR\nPos. 3";
    assertEquals(
        List.of(),
        RecordGrounding.of(json("{\"amount\": 1234.56}"), euro, grounder, amount).ungrounded());
    assertEquals(
        List.of("amount"),
        RecordGrounding.of(json("{\"amount\": 3}"), euro, grounder, amount).ungrounded());
    assertEquals(
        List.of(),
        RecordGrounding.of(json("{\"amount\": 1234.56}"), "Total CHF 1'234.56", grounder, amount)
            .ungrounded(),
        "Swiss thousands");
    assertEquals(
        List.of(),
        RecordGrounding.of(json("{\"amount\": 120}"), "Total: 120", grounder, amount).ungrounded());
    // Receipts print the currency glued to the amount, or the label glued to it.
    for (String printed :
        List.of("TOTAL RM51.30", "TOTAL:51.30", "Total (RM): 51.30", "TOTAL USD 51.30")) {
      assertEquals(
          List.of(),
          RecordGrounding.of(json("{\"amount\": \"51.30\"}"), printed, grounder, amount)
              .ungrounded(),
          printed);
    }
    assertEquals(
        List.of("amount"),
        RecordGrounding.of(json("{\"amount\": 30}"), "Time 12:30 Table 4", grounder, amount)
            .ungrounded(),
        "the minutes of a time");
  }

  @Test
  void identifiersAndShortValuesMatchWholeTokensOnly() {
    String text = "Invoice INV-2024-0174, order 77812, ref AB";
    assertTrue(grounder.locate(text, "INV-2024-0173").isEmpty(), "one digit off is another id");
    assertTrue(grounder.locate(text, "INV-2024").isEmpty(), "part of a longer identifier");
    assertTrue(grounder.locate(text, "7781").isEmpty(), "part of a longer number");
    assertTrue(grounder.locate(text, "A").isEmpty(), "a short value inside a word");
    assertEquals("INV-2024-0174", grounder.locate(text, "inv-2024-0174").orElseThrow().matched());
    assertEquals("AB", grounder.locate(text, "AB").orElseThrow().matched());
  }

  @Test
  void aNormalisedDurationIsGroundedByAPrintedDurationThatMeansTheSame() {
    Map<String, Normaliser> term = Map.of("term", Normaliser.DURATION);
    String text =
        "This Agreement shall remain in effect for a period of two (2) years from the date"
            + " hereof; obligations survive until the third anniversary of termination.";
    for (String found : List.of("2 years", "2_years", "3 years")) {
      assertEquals(
          List.of(),
          RecordGrounding.of(json("{\"term\": \"" + found + "\"}"), text, grounder, term)
              .ungrounded(),
          found);
    }
    for (String made : List.of("1 year", "24 months", "2 days")) {
      assertEquals(
          List.of("term"),
          RecordGrounding.of(json("{\"term\": \"" + made + "\"}"), text, grounder, term)
              .ungrounded(),
          made);
    }
  }

  @Test
  void aDateIsGroundedByAPrintedDateNeverApproximately() {
    Map<String, Normaliser> date = Map.of("date", Normaliser.DATE);
    String text = "Date: 14/05/2018 12:01  Tel 2019-5555";
    assertEquals(
        List.of("date"),
        RecordGrounding.of(json("{\"date\": \"14/05/2019\"}"), text, grounder, date).ungrounded());
    assertEquals(
        List.of(),
        RecordGrounding.of(json("{\"date\": \"14/05/2018\"}"), text, grounder, date).ungrounded());
    assertEquals(
        List.of(),
        RecordGrounding.of(json("{\"date\": \"2018-05-14\"}"), text, grounder, date).ungrounded());
    assertEquals(
        List.of(),
        RecordGrounding.of(
                json("{\"date\": \"21/05/2018\"}"), "21/05/2018TIME: 10:02", grounder, date)
            .ungrounded(),
        "glued to a word by OCR");
    // month names as German, French and Spanish invoices print them, day-month-year hyphenated,
    // and contracts' forms
    for (String printed :
        List.of(
            "Rechnungsdatum        4. September 2025",
            "Date                  4 septembre 2025",
            "Fecha: 4 de septiembre de 2025",
            "Invoice date          04-Sep-2025",
            // as contracts print them: capitals, a comma without its space or after a line break
            "made as of the 4TH DAY OF SEPTEMBER 2025 by and between",
            "Dated: September 4,2025",
            "signed on September 4th\n, 2025, in consideration")) {
      assertEquals(
          List.of(),
          RecordGrounding.of(json("{\"date\": \"2025-09-04\"}"), printed, grounder, date)
              .ungrounded(),
          printed);
      assertEquals(
          List.of("date"),
          RecordGrounding.of(json("{\"date\": \"2025-09-14\"}"), printed, grounder, date)
              .ungrounded(),
          printed);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}
