package io.docextract.grounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.eval.Normaliser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrounderTest {

  private static final String RECEIPT = """
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
    Span s = grounder.locate(RECEIPT, "No 290, Jalan Air Panas. Setapak, 53200, Kuala Lumpur,")
        .orElseThrow();
    assertEquals("folded", s.method());
    assertEquals("NO 290, JALAN AIR PANAS.\nSETAPAK,\n53200, KUALA LUMPUR,",
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
    String text = "This Agreement is made on April 29, 2005 between Acme Corp. and Beta LLC,"
        + " governed by the laws of Delaware. Total fee: $1,200.00";
    var fields = new ObjectMapper().readTree("""
        {"effective_date": "2005-04-29", "jurisdiction": "Delaware",
         "party": ["Acme Corp.", "Gamma Inc"], "fee": "1200", "term": null}""");
    RecordGrounding g = RecordGrounding.of(fields, text, grounder,
        Map.of("effective_date", Normaliser.DATE, "fee", Normaliser.AMOUNT));
    Span date = (Span) g.spans().get("effective_date");
    assertEquals("normalised", date.method());
    assertEquals("April 29, 2005", date.matched());
    assertEquals("$1,200.00", ((Span) g.spans().get("fee")).matched().strip());
    List<?> parties = (List<?>) g.spans().get("party");
    assertEquals("Acme Corp.", ((Span) parties.get(0)).matched());
    assertEquals(null, parties.get(1));
    assertEquals(List.of("party"), g.ungrounded());
    assertTrue(!g.spans().containsKey("term"), "a null value has nothing to ground");
  }
}
