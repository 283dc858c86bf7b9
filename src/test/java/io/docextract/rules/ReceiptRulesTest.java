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
  void aOneWordNameOverALineOfWordsIsOneName() {
    // A large name read as two lines: a single word, then words without digits.
    assertEquals(
        "PRIMO FAMILY RESTAURANT",
        oneLine(rules.apply("Primo\nFamily Restaurant\n5/3/19 8:14 PM\n").get("company").get(0)));
    assertEquals(
        "RISTORANTE BELLAGIO (CO)",
        oneLine(
            rules.apply("RISTORANTE\nBELLAGIO (CO)\nTELEFONO 031/951888\n").get("company").get(0)));
    // A first line of two words, or a second line with digits, is not such a name.
    assertEquals(
        List.of("THREE STOOGES"),
        rules.apply("THREE STOOGES\nBISTRO & CAFE\n109, SS21/1A,\n").get("company"));
    assertEquals(List.of("PRIMO"), rules.apply("PRIMO\nTABLE 10\n").get("company"));
  }

  @Test
  void aGreetingOrAQueueNumberAboveTheShopIsNotItsName() {
    assertEquals(
        List.of("IN-N-OUT BURGER SANTA CLARA"),
        rules
            .apply(
                "12:49 PM\nL1 T1\n2012-04-27\nYOUR GUEST NUMBER IS\n12\n"
                    + "IN-N-OUT BURGER SANTA CLARA\n12:48 PM\n")
            .get("company"));
  }

  @Test
  void theAmountUnderARoundingAdjustmentIsTheTotal() {
    String bottom =
        "TOTAL AMT.\nRM\n60.31\nROUNDING ADJ.........\n-0.01\nRM\n60.30\nCASH\n100.00\n";
    assertEquals(List.of("60.30"), rules.apply(bottom).get("total"));
    assertEquals("total-under-rounding-adjustment", rules.explain(bottom).get("total"));
    // No amount right under the adjustment: the total printed after it, as before.
    assertEquals(
        List.of("112.46"),
        rules.apply("Rounding (RM) :\n-0.02\nTotal (RM) :\n112.46\nCASH :\n112.45\n").get("total"));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ");
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

  @Test
  void anAmericanDateIsReadMonthFirstAsPrinted() {
    assertEquals(List.of("2016-05-26"), rules.apply("DINER\n5/26/2016 12:53:10 PM\n").get("date"));
    assertEquals(List.of("2019-05-18"), rules.apply("Order 12\n05-18-2019 7:02PM\n").get("date"));
    assertEquals(List.of("2015-06-26"), rules.apply("MARKET\nJun 26, 15 04:55 PM\n").get("date"));
    assertEquals(List.of("2019-04-01"), rules.apply("Date: Apr 01, 2019\n").get("date"));
    assertEquals(List.of("2019-03-04"), rules.apply("0168 20:14 #04 MAR.19 17\n").get("date"));
    assertEquals(List.of("2018-11-18"), rules.apply("Akira\n2018-11-1818.58:34\n").get("date"));
  }

  @Test
  void theTotalPaidIsTheOneAfterTheServiceChargeOrLabelledDue() {
    String charged =
        "Subtotal\n22.25\nTAX\n2.11\nTotal\n24.36\nService Charge 18%\n4.01\nTotal\n$28.37\n";
    assertEquals(List.of("28.37"), rules.apply(charged).get("total"));
    assertEquals(
        List.of("48.53"),
        rules.apply("SUBTOTAL\n44.32\nTAX\n4.21\n10:51AM TOTAL DUE\n48.53\n").get("total"));
    assertEquals(
        List.of("69.25"),
        rules.apply("Sub Total:\n63.75\nTax:\n5.50\n04/25 17:42 TOTAL:\n69.25\n").get("total"));
    assertEquals(
        List.of("7.27"),
        rules.apply("Subtotal\n6.64\nTax\n0.63\nTake-Out Total\n7.27\n").get("total"));
    assertEquals(List.of("9.50"), rules.apply("TXTL\n.75\nTOTL\n9.50\nCASH\n9.50\n").get("total"));
  }

  @Test
  void anAmericanShopIsTheLineAboveItsStreetAndItsAddressEndsAtTheZipCode() {
    String top =
        "BELLA\nPASTA\nCasa Bella Pasta\n223 Newport Ave\nPawtucket, RI 02861\n(401) 555-0197\nServer: Ann\n";
    assertEquals(List.of("CASA BELLA PASTA"), rules.apply(top).get("company"));
    assertEquals("223 NEWPORT AVE PAWTUCKET, RI 02861", address(top));
    String twoLines =
        "Harbor Grill\n4327 N. Expressway 77/83\n956-555-0142\nBrownsville, TX 78521\nTable 4\n";
    assertEquals(List.of("HARBOR GRILL"), rules.apply(twoLines).get("company"));
  }

  @Test
  void aNameReadAsTwoLinesAboveTheStreetIsOneName() {
    String top = "MARIO'S\nTRATTORIA\n7701 ATLANTIC AVE.\nCUDAHY CA. 90201\nPh(323)555-0125\n";
    assertEquals(List.of("MARIO'S TRATTORIA"), rules.apply(top).get("company"));
    assertEquals(
        "company-above-us-address",
        rules
            .explain("Quick 73\nSmoke House\n5242 Van Nuys BLVD\nSherman Oaks, CA 91401\n")
            .get("company"));
  }
}
