package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LookAlikesTest {

  @Test
  void aOneInsideAWordIsTheLetterL() {
    assertEquals("10325 Hammocks Blvd", LookAlikes.fix("10325 Hammocks B1vd"));
    assertEquals("15700 Bellflower Blvd", LookAlikes.fix("15700 Be11flower Blvd"));
    assertEquals("7285 Roswell Road", LookAlikes.fix("7285 Roswe11 Road"));
    assertEquals("22 Haverhill Rd", LookAlikes.fix("22 Haverhi11 Rd"));
  }

  @Test
  void numbersOrdinalsUnitsAndCodesStayAsRead() {
    for (String kept :
        new String[] {
          "1st Ave",
          "21st",
          "10am",
          "1kg",
          "Apt1",
          "Tax1:",
          "SW1A 1AA",
          "A1 STORE",
          "TABLE 101",
          "1 Coffee 3.00",
          "NO.11, JALAN 1/2",
          "ROUTE 11"
        }) {
      assertEquals(kept, LookAlikes.fix(kept));
    }
  }

  @Test
  void anOAmongDigitsIsAZero() {
    assertEquals("45600 BATANG BERJUNTAI", LookAlikes.fix("4560O BATANG BERJUNTAI"));
    assertEquals("TOTAL 1000.00", LookAlikes.fix("TOTAL 100O.00"));
    assertEquals("2018", LookAlikes.fix("2O18"));
  }

  @Test
  void wordsCodesAndShortNumbersWithAnOStayAsRead() {
    for (String kept :
        new String[] {"NO 290", "NO.53", "P0S01", "10OZ", "S19537-X", "1O", "COO1"}) {
      assertEquals(kept, LookAlikes.fix(kept));
    }
  }
}
