package io.docextract.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  @Test
  void alnumKeepsOnlyLettersAndDigits() {
    assertEquals(
        Normaliser.ALNUM.apply("NO.12,JALAN MAWAR 3"),
        Normaliser.ALNUM.apply("No 12, Jalan Mawar 3."));
    assertEquals("NO12JALANMAWAR3", Normaliser.ALNUM.apply("No 12, Jalan Mawar 3."));
    assertEquals(Normaliser.ALNUM, Normaliser.of("alnum"));
  }

  @Test
  void companyComparesTheNameNotTheLegalForm() {
    String aws = Normaliser.COMPANY.apply("Amazon Web Services");
    assertEquals("AMAZONWEBSERVICES", aws);
    assertEquals(aws, Normaliser.COMPANY.apply("Amazon Web Services, Inc."));
    assertEquals(aws, Normaliser.COMPANY.apply("AMAZON WEB SERVICES INC"));
    assertEquals("AUBONMOULIN", Normaliser.COMPANY.apply("Au bon moulin S.A.R.L."));
    assertEquals("GRUNDBESITZ", Normaliser.COMPANY.apply("Grundbesitz GmbH & Co. KG"));
    assertEquals(
        "MVMMUSTERHAFTERVERSICHERUNGSVEREINMUSTERSTADT",
        Normaliser.COMPANY.apply("MVM Musterhafter Versicherungsverein Musterstadt a.G."));
    // only a closing legal form goes: a word inside the name stays
    assertEquals("COMPANYSHOPSGERMANY", Normaliser.COMPANY.apply("Company Shops Germany AG"));
    assertEquals("BLACK&DECKER", Normaliser.COMPANY.apply("Black & Decker Corp."));
    assertEquals(Normaliser.COMPANY, Normaliser.of("company"));
  }

  @Test
  void monthNamesInGermanFrenchDutchAndSpanishAreRead() {
    assertEquals("2014-01-24", Normaliser.DATE.apply("24. Januar 2014"));
    assertEquals("2014-03-11", Normaliser.DATE.apply("11. März 2014"));
    assertEquals("2017-11-03", Normaliser.DATE.apply("3 novembre 2017"));
    assertEquals("2024-03-01", Normaliser.DATE.apply("1er mars 2024"));
    assertEquals("2024-03-04", Normaliser.DATE.apply("4 de marzo de 2024"));
    assertEquals("2018-10-17", Normaliser.DATE.apply("17 oktober 2018"));
    assertEquals("2019-02-05", Normaliser.DATE.apply("5 février 2019"));
  }

  @Test
  void datesFromPrintedLayoutsBecomeIso() {
    for (String s :
        new String[] {
          "25/12/2018",
          "25-12-2018",
          "25.12.2018",
          "25/12/18",
          "2018-12-25",
          "December 25, 2018",
          "25 December 2018",
          "25th day of December, 2018",
          "Dec 25 2018",
          "25-DEC-18",
          "DATE: 25/12/2018 13:05",
          "DEC 25, 2018 12:16:25",
          "25 Dec 2018 1:05 PM",
          "25Dec2018",
          "25/12/20188:13:39PM",
          "25DEC2018 13:05"
        }) {
      assertEquals("2018-12-25", Normaliser.DATE.apply(s), s);
    }
  }

  @Test
  void monthFirstOnlyWhenDayFirstIsImpossible() {
    assertEquals("2019-12-25", Normaliser.DATE.apply("12/25/2019"));
    assertEquals("2019-02-03", Normaliser.DATE.apply("03/02/2019"));
  }

  @Test
  void unparseableDatesFallBackToFoldedText() {
    assertEquals("SOMETIME SOON", Normaliser.DATE.apply(" sometime   soon "));
  }

  @Test
  void amountsLoseCurrencyAndThousandsSeparators() {
    assertEquals("1447.50", Normaliser.AMOUNT.apply("$1,447.50"));
    assertEquals("9.00", Normaliser.AMOUNT.apply("RM 9"));
    assertEquals("1800.00", Normaliser.AMOUNT.apply("€1.800,00"));
    assertEquals("3308.20", Normaliser.AMOUNT.apply("3308.2"));
  }

  @Test
  void kleisterFormMatchesTheDatasetsAnswers() {
    assertEquals("NIKE_INC.", Normaliser.KLEISTER.apply("Nike, Inc."));
    assertEquals("ERIC_DEAN_SPRUNK", Normaliser.KLEISTER.apply("Eric Dean  Sprunk"));
    assertEquals("2_YEARS", Normaliser.KLEISTER.apply("2 years"));
    assertEquals("NEW_YORK", Normaliser.KLEISTER.apply("New_York"));
  }

  @Test
  void usDatesAreReadMonthFirst() {
    assertEquals("2009-05-12", Normaliser.DATE_MDY.apply("5/12/09"));
    assertEquals("2002-12-09", Normaliser.DATE_MDY.apply("Date 12/9/02"));
    assertEquals("2019-12-25", Normaliser.DATE_MDY.apply("25/12/2019")); // only day first fits
    assertEquals("2001-05-22", Normaliser.DATE_MDY.apply("22nd day of May 2001"));
    assertEquals("2009-12-05", Normaliser.DATE.apply("5/12/09"));
    assertEquals("1999-02-09", Normaliser.DATE_MDY.apply("2/9/99")); // %y: 69-99 are 19xx
    assertEquals("2068-02-09", Normaliser.DATE_MDY.apply("2/9/68"));
  }

  @Test
  void partyNamesTakeKleistersFormForAmpersandsLegalFormsAndTitles() {
    java.util.function.UnaryOperator<String> n =
        v -> Normaliser.KLEISTER.apply(Normaliser.KLEISTER_PARTY.apply(v));
    assertEquals(
        "Heidrick and Struggles, Inc.",
        Normaliser.KLEISTER_PARTY.apply("Heidrick & Struggles, Incorporated"),
        "a record keeps a readable name; the scorer's kleister form comes on top");
    assertEquals("HEIDRICK_AND_STRUGGLES_INC.", n.apply("Heidrick & Struggles, Incorporated"));
    assertEquals("W_AND_L_ENTERPRISES_LTD.", n.apply("W&L Enterprises Limited"));
    assertEquals("LEONARD_GREEN_AND_PARTNERS_LP", n.apply("Leonard Green & Partners, L.P."));
    assertEquals("ACME_LLC", n.apply("Acme, L.L.C."));
    assertEquals("NEOGENOMICS_INC.", n.apply("NeoGenomics, Inc"));
    assertEquals("RMS_TITANIC_INC.", n.apply("RMS TITANIC, INC ."));
    assertEquals("COLT'S_MANUFACTURING_COMPANY_LLC", n.apply("Colt’s Manufacturing Company LLC"));
    assertEquals("MAHER_ALBITAR", n.apply("Maher Albitar, M.D."));
    assertEquals("JANE_ROE", n.apply("Dr. Jane Roe"));
    // Only a closing legal form is abbreviated; Corporation, Company and Co. stay as written.
    assertEquals("LIMITED_BRANDS_CORPORATION", n.apply("Limited Brands Corporation"));
    assertEquals("SEARS_ROEBUCK_AND_CO.", n.apply("Sears, Roebuck and Co."));
    assertEquals("NIKE_INC.", n.apply("NIKE_INC."));
  }

  @Test
  void durationsReadWordsDigitsAndTheDatasetsForm() {
    assertEquals("7_YEARS", Normaliser.DURATION.apply("seven (7) years"));
    assertEquals("7_YEARS", Normaliser.DURATION.apply("7_years"));
    assertEquals("2_YEARS", Normaliser.DURATION.apply("for a period of Two years"));
    assertEquals("18_MONTHS", Normaliser.DURATION.apply("eighteen (18) months"));
    assertEquals("24_MONTHS", Normaliser.DURATION.apply("twenty-four months"));
    assertEquals("30_DAYS", Normaliser.DURATION.apply("thirty (30) calendar days"));
    assertEquals("2_YEARS", Normaliser.DURATION.apply("the second anniversary of the date hereof"));
    assertEquals("2_YEARS", Normaliser.DURATION.apply("second (2nd) anniversary"));
    assertEquals("1_YEAR", Normaliser.DURATION.apply("the first anniversary"));
    assertEquals("3_YEARS", Normaliser.DURATION.apply("3rd anniversary"));
    assertEquals("1_YEAR", Normaliser.DURATION.apply("one year"));
    assertEquals("1_YEAR", Normaliser.DURATION.apply("1_year"));
    assertEquals("16_DAYS", Normaliser.DURATION.apply("16 days"));
    assertEquals("UNTIL_TERMINATED", Normaliser.DURATION.apply("until terminated"));
  }

  @Test
  void aCurrencyIsItsCodeWhetherTheCodeOrAMarkIsPrinted() {
    Normaliser n = Normaliser.of("currency");
    assertEquals("USD", n.apply("$"));
    assertEquals("USD", n.apply("US$"));
    assertEquals("USD", n.apply("usd"));
    assertEquals("CAD", n.apply("CA$"));
    assertEquals("EUR", n.apply("€"));
    assertEquals("INR", n.apply("Rs."));
    assertEquals("CHF", n.apply("Fr."));
    // a mark several currencies print is not guessed
    assertEquals("KR", n.apply("kr"));
    assertEquals("¥", n.apply("¥"));
  }

  @Test
  void printedCurrencyMarksAreWholeMarks() {
    var m = Currencies.PRINTED.matcher("Total CA$ 49.00, or US$36.10 (EUR 33.00) and $2");
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(Currencies.code(m.group()));
    }
    // the "$" of "CA$" is not read apart from it; "Total" is no code
    assertEquals(List.of("CAD", "USD", "EUR", "USD"), found);
  }

  @Test
  void unknownNamesAreRefusedWithTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Normaliser.of("fuzzy"));
    assertEquals(true, e.getMessage().contains("kleister"));
  }
}
