package io.docextract.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeClassifierTest {

  private static final List<TypeProfile> PROFILES =
      List.of(
          new TypeProfile("receipt", null, List.of("cashier", "total", "thank you")),
          new TypeProfile("invoice", null, List.of("invoice", "total", "due date", "bill to")));

  @Test
  void signalsAreWholeWordsOrPhrasesInAnyCaseAndSpacing() {
    SignalScorer s = new SignalScorer(PROFILES);
    assertEquals(
        Map.of("receipt", 3, "invoice", 1),
        s.scores("CASHIER 2\nSubtotal 4.00\nTOTAL 4.00\nTHANK\n  YOU", null));
    assertEquals(Map.of("invoice", 0), s.scores("invoices totalled", List.of("invoice")));
  }

  @Test
  void theLeaderNeedsEnoughSignalsAndMustLeadAlone() throws Exception {
    TypeClassifier c = new TypeClassifier(new Classification(PROFILES, false, 2, 200), null);
    List<String> both = List.of("receipt", "invoice");
    Decision invoice = c.classify("INVOICE 12\nBill to: ACME\nDue date 1 May\nTotal 4.00", both);
    assertEquals("invoice", invoice.type());
    assertEquals("signals", invoice.method());
    assertNull(
        c.classify("Total 4.00 thank you", List.of("invoice")).type(), "one signal is not enough");
    Decision tie = c.classify("cashier invoice total due date thank you", both);
    assertNull(tie.type(), "a tie does not decide: " + tie.scores());
    assertEquals("none", tie.method());
  }

  @Test
  void aTextLongerThanATypesMaxCharsIsNotOfThatType() throws Exception {
    List<TypeProfile> profiles =
        List.of(
            new TypeProfile("receipt", null, List.of("cash", "change", "thank you"), 200),
            new TypeProfile("nda", null, List.of("confidential information", "agreement")));
    TypeClassifier c = new TypeClassifier(new Classification(profiles, false, 2, 200), null);
    String contract =
        "This agreement covers confidential information. ".repeat(3)
            + "Cash, change and thank you notes are out of scope. ".repeat(3);
    Decision d = c.classify(contract, List.of("receipt", "nda"));
    assertEquals("nda", d.type());
    assertEquals(Map.of("nda", 2), d.scores(), "the receipt is not even scored");
    assertEquals("length", c.classify("x".repeat(300), List.of("receipt")).method());
  }
}
