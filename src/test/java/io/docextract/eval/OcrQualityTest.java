package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcrQualityTest {

  @Test
  void aValueIsFoundAsPrintedOrOnlyOnLettersAndDigits() {
    Map<String, String> gold = new LinkedHashMap<>();
    gold.put("company", "MR D.I.Y. (JOHOR) SDN BHD");
    gold.put("date", "12-01-19");
    gold.put("total", "33.90");
    OcrQuality q = new OcrQuality();

    OcrQuality.Page p =
        q.add("002.jpg", gold, "MRD.I.Y.(JOHOR)SDN BHD\n12-01-19 21:13\nTOTAL RM33,90", null, 2000);

    assertEquals(Map.of("company", false, "date", true, "total", false), p.printed());
    // On letters and digits "33,90" is 3390, as is "33.90": the comma is an OCR slip.
    assertEquals(Map.of("company", true, "date", true, "total", true), p.alnum());
    assertEquals(1.0, q.found("date", false), 1e-9);
    assertEquals(0.0, q.found("company", false), 1e-9);
    assertEquals(1 / 3.0, q.foundAll(false), 1e-9);
    assertEquals(1.0, q.foundAll(true), 1e-9);
    assertEquals(-1, q.meanCer());
    assertEquals(2.0, q.secondsPerPage(), 1e-9);
  }

  @Test
  void cerCountsEditsOverTheReferenceIgnoringLineBreaksSpacingAndCase() {
    assertEquals(0, OcrQuality.cer("Total:\n9.00", "TOTAL: 9.00"), 1e-9);
    assertEquals(1 / 11.0, OcrQuality.cer("TOTAL: 9,00", "TOTAL: 9.00"), 1e-9);
    assertEquals(1, OcrQuality.cer("", "ABC"), 1e-9);
  }
}
