package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped receipt rules on what OCR makes of a scan's top lines. */
class ReceiptRulesTest {

  private static RuleSet rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RuleSet.load(Path.of("pipelines/rules/receipt.yaml"));
  }

  @Test
  void aHandwrittenNoteAboveTheShopIsNotItsName() {
    // PaddleOCR reads a collector's handwritten name in lower case, a pencilled code as one token.
    assertEquals(
        List.of("INDAH GIFT & HOME DECO"),
        rules.apply("tan woon yann\nINDAH GIFT & HOME DECO\n27,JALAN DEDAP 13,\n").get("company"));
    assertEquals(
        List.of("YONG TAT HARDWARE TRADING"),
        rules.apply("A03078\nYONG TAT HARDWARE TRADING\n(JM0292487-D)\n").get("company"));
    assertEquals(
        "company-first-line", rules.explain("PA\nIT\nSPEED MART\nLOT 2811\n").get("company"));
    assertEquals(
        List.of("SPEED MART"), rules.apply("PA\nIT\nSPEED MART\nLOT 2811\n").get("company"));
  }

  @Test
  void aNameBrokenAfterAnAmpersandGoesOnToTheNextLine() {
    List<String> company =
        rules.apply("HOME MASTER HARDWARE &\nELECTRICAL\nNO.113G, JALAN SETIA\n").get("company");
    assertEquals(1, company.size());
    assertEquals("HOME MASTER HARDWARE & ELECTRICAL", company.get(0).replaceAll("\\s+", " "));
  }

  @Test
  void theAddressStartsAfterTheCodesAndTheDateAboveIt() {
    String top =
        "UNIHAKKA INTERNATIONAL SDN BHD\n05 Mar 2018 18:24\n(867388-U)\n"
            + "12, JALAN TAMPOI 7/4,KAWASAN PERINDUSTRIAN\nTAMPOI,81200 JOHOR BAHRU,JOHOR\nTAX INVOICE\n";
    assertEquals(
        "12, JALAN TAMPOI 7/4,KAWASAN PERINDUSTRIAN TAMPOI,81200 JOHOR BAHRU,JOHOR", address(top));
    String coded =
        "A03155\nPASAR MINI JIN SENG\n379, JALAN PERMAS SATU,\n"
            + "BANDAR BARU PERMAS JAYA\n81750 PLENTONG, JOHOR.\nTEL :07-3874904\n";
    assertEquals(
        "379, JALAN PERMAS SATU, BANDAR BARU PERMAS JAYA 81750 PLENTONG, JOHOR.", address(coded));
  }

  /** The rules' address, its lines joined by a space. */
  private static String address(String text) {
    return rules.apply(text).get("address").get(0).replaceAll("\\s*\n\\s*", " ");
  }

  @Test
  void aPrintedFirstLineIsStillTheName() {
    assertEquals(
        List.of("SANYU STATIONERY SHOP"),
        rules.apply("SANYU STATIONERY SHOP\nNO. 31G&33G, JALAN SETIA INDAH\n").get("company"));
  }
}
