package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatedElementsTest {

  /** Feeds the reply in pieces as a model would; the kept text plus its closing, or null. */
  private static String feed(RepeatedElements guard, String reply, int pieceLength) {
    StringBuilder fed = new StringBuilder();
    for (int i = 0; i < reply.length(); i += pieceLength) {
      String piece = reply.substring(i, Math.min(reply.length(), i + pieceLength));
      fed.append(piece);
      if (guard.accept(piece)) {
        return fed.substring(0, guard.cut()) + guard.closing();
      }
    }
    return null;
  }

  private static final String LINE = "{\"name\":\"Versandkosten\",\"price_unit\":\"115.3\"}";

  @Test
  void anInvoiceWhoseLastLineRepeatsIsCutAfterTheLastDistinctLineAndClosed() throws Exception {
    String reply =
        "{\"issuer\":\"Lieferant GmbH\",\"amount\":197.65,\"lines\":[{\"name\":\"Kabel\","
            + "\"price_unit\":\"3.2\"},"
            + (LINE + ",").repeat(9)
            + LINE
            + "]}";
    String kept = feed(RepeatedElements.json(), reply, 3);
    assertEquals(
        "{\"issuer\":\"Lieferant GmbH\",\"amount\":197.65,\"lines\":[{\"name\":\"Kabel\","
            + "\"price_unit\":\"3.2\"},"
            + LINE
            + "]}",
        kept);
    // What is kept parses: the record keeps its header values and the distinct lines.
    assertEquals(2, new ObjectMapper().readTree(kept).get("lines").size());
  }

  @Test
  void aLoopOfTwoAlternatingElementsStopsAtTheFirstRepeat() {
    String reply = "[{\"a\":1}, {\"b\":2}, {\"a\":1}, {\"b\":2}, {\"a\":1}]";
    assertEquals("[{\"a\":1}, {\"b\":2}]", feed(RepeatedElements.json(), reply, 2));
  }

  @Test
  void namesNumbersAndFlagsPrintedTwiceAreKept() {
    // a short looping value is RepetitionDetector's; a party or an amount may repeat honestly
    assertEquals(
        null, feed(RepeatedElements.json(), "{\"party\":[\"Acme\",\"Acme\",\"Beta\"]}", 3));
    assertEquals(null, feed(RepeatedElements.json(), "{\"q\":[1, 1, 2],\"f\":[true,true]}", 3));
  }

  @Test
  void aMemberValueArrayIsClosedWithItsOwnBracketOnly() {
    assertEquals(
        "[" + LINE + "]", feed(RepeatedElements.json(), "[" + LINE + "," + LINE + "," + LINE, 5));
  }

  @Test
  void nestedArraysAreComparedWithinTheirOwnArray() {
    // The same inner element in two outer elements is no repeat; the outer array then repeats.
    String reply = "{\"a\":[[[1],[2]],[[2],[2]],[[1],[2]],[3]]}";
    assertEquals("{\"a\":[[[1],[2]],[[2],[2]]]}", feed(RepeatedElements.json(), reply, 1));
  }

  @Test
  void distinctElementsAndARepeatTheArrayClosesOnAreKept() {
    RepeatedElements guard = RepeatedElements.json();
    String reply =
        "{\"party\":[\"Acme, Inc.\",\"Beta LLC\",\"Acme, Inc.\"],\"lines\":[" + LINE + "]}";
    assertEquals(null, feed(guard, reply, 4));
    assertEquals(-1, guard.cut());
  }

  @Test
  void bracketsAndCommasInsideStringsAreText() {
    assertFalse(
        RepeatedElements.json().accept("{\"name\":\"[{}, {}, {}]\",\"n\":\"[[1], [1], [1]]\"}"));
    // A string value whose opening quote the scaffold wrote: its brackets are text as well.
    assertFalse(RepeatedElements.insideString().accept("total [{}, {}, {}]\","));
  }

  @Test
  void aWholeReplyFromAnotherServerIsCutTheSameWay() {
    String reply = "{\"amount\":1.0,\"lines\":[" + (LINE + ",").repeat(9) + LINE + "]}";
    assertEquals(
        Optional.of("{\"amount\":1.0,\"lines\":[" + LINE + "]}"), RepeatedElements.cut(reply));
    assertEquals(Optional.empty(), RepeatedElements.cut("{\"lines\":[" + LINE + "]}"));
  }

  @Test
  void escapedQuotesDoNotEndAString() {
    // read wrongly, the quoted {} would be elements, and the second a repeat
    assertFalse(RepeatedElements.json().accept("[\"say \\\", {}, {}, {}\", {\"b\":1}, {\"c\":2}]"));
  }
}
