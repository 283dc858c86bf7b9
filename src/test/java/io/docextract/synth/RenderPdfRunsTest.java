package io.docextract.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;

/**
 * PDFs drawn run by run read back through Tika as real invoices do: single spaces for column gaps,
 * a side-by-side address block's right column after the left one, totals kept on their row.
 */
class RenderPdfRunsTest {

  private static final List<String> PAGE =
      List.of(
          "Invoice",
          "Invoice no.           087BF10E-0012",
          "",
          "StackTelecom LLC                        Bill to",
          "110 King Road                           Lumen Engineering Inc.",
          "London EC1A 1BB                         Leeds LS1 3AD",
          "",
          "                                      Subtotal                             US$343.00",
          "                                      Amount due                           US$371.30");

  @Test
  void columnsAreReadOneAfterTheOtherAndTotalsStayOnTheirRow() throws Exception {
    String text = new Tika().parseToString(new ByteArrayInputStream(RenderPdfRuns.pdf(PAGE)));
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertEquals(
        List.of(
            "Invoice",
            "Invoice no. 087BF10E-0012",
            "StackTelecom LLC",
            "110 King Road",
            "London EC1A 1BB",
            "Subtotal US$343.00",
            "Amount due US$371.30",
            "Bill to",
            "Lumen Engineering Inc.",
            "Leeds LS1 3AD"),
        lines,
        text);
  }

  @Test
  void halfTheInvoicePdfsOfACorpusAreDrawnInRuns() {
    int runs = 0;
    int pdfs = 0;
    for (int i = 0; i < 200; i++) {
      SynthDocument.Format f = SynthCorpus.document(3, i, List.of("invoice")).format();
      runs += f == SynthDocument.Format.PDF_RUNS ? 1 : 0;
      pdfs += f == SynthDocument.Format.PDF || f == SynthDocument.Format.PDF_RUNS ? 1 : 0;
    }
    assertTrue(runs > pdfs / 3 && runs < 2 * pdfs / 3, runs + " of " + pdfs + " PDFs in runs");
  }
}
