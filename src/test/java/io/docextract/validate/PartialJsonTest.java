package io.docextract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartialJsonTest {

  private static String salvaged(String reply) {
    return PartialJson.salvage(reply).map(Object::toString).orElse("(none)");
  }

  @Test
  void aCutLineListKeepsTheHeaderAndTheFinishedLines() {
    String reply =
        "{\"issuer\":\"Delta Freight Logistics LLC\",\"amount\":1447.5,\"lines\":["
            + "{\"name\":\"Liftgate service\",\"price_unit\":\"85.0\"},"
            + "{\"name\":\"Fuel surcharge\",\"price_unit\":\"112.5\"},"
            + "{\"name\":\"-------------------------";
    assertEquals(
        "{\"issuer\":\"Delta Freight Logistics LLC\",\"amount\":1447.5,\"lines\":["
            + "{\"name\":\"Liftgate service\",\"price_unit\":\"85.0\"},"
            + "{\"name\":\"Fuel surcharge\",\"price_unit\":\"112.5\"}]}",
        salvaged(reply));
  }

  @Test
  void aLoopKeepsEachDistinctItemOnce() {
    String item = "{\"name\":\"Subtotal\",\"price_unit\":\"10.00\"}";
    String reply =
        "{\"lines\":[{\"name\":\"Pen\",\"price_unit\":\"2.00\"}," + item + "," + item + "," + item;
    assertEquals(
        "{\"lines\":[{\"name\":\"Pen\",\"price_unit\":\"2.00\"}," + item + "]}", salvaged(reply));
  }

  @Test
  void aValueBeingWrittenIsDropped() {
    assertEquals("{\"date\":\"01/02/2019\"}", salvaged("{\"date\":\"01/02/2019\",\"total\":\"9."));
    // The digits of a number at the very end may have been cut: 14 could be 1447.50.
    assertEquals("{\"date\":\"01/02/2019\"}", salvaged("{\"date\":\"01/02/2019\",\"amount\":14"));
    assertEquals("{\"a\":1}", salvaged("{\"a\":1,\"b\""));
  }

  @Test
  void aCutNumberThatRepeatsAnEarlierItemTakesNothingElseWithIt() {
    assertEquals("{\"n\":[1,2]}", salvaged("{\"n\":[1,2,1"));
    assertEquals("{\"n\":[1,2],\"m\":1.5}", salvaged("{\"n\":[1,2],\"m\":1.5}"));
  }

  @Test
  void nothingFinishedIsNothingToPropose() {
    assertEquals("(none)", salvaged("{\"company\":\"SHOP"));
    assertEquals("(none)", salvaged("[{\"a\":1}"));
    assertEquals("(none)", salvaged("not json at all"));
    assertEquals("(none)", salvaged(""));
    assertEquals(Optional.empty(), PartialJson.salvage(null));
  }

  @Test
  void aCompleteReplyIsItself() {
    String reply = "{\"company\":\"SHOP\",\"lines\":[{\"x\":true,\"y\":null}],\"n\":2}";
    assertEquals(reply, salvaged(reply));
    assertTrue(PartialJson.salvage(reply + " trailing").isPresent());
  }
}
