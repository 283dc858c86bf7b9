package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepetitionDetectorTest {

  private static boolean feed(String reply, int pieceLength) {
    RepetitionDetector d = new RepetitionDetector();
    for (int i = 0; i < reply.length(); i += pieceLength) {
      if (d.accept(reply.substring(i, Math.min(reply.length(), i + pieceLength)))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aStutteringValueIsCaught() {
    assertTrue(feed("{\"company\": \"MALA" + "NA".repeat(40), 3));
  }

  @Test
  void aRepeatedArrayItemIsCaught() {
    assertTrue(feed("{\"party\": [" + "\"Acme Corporation Ltd\", ".repeat(8), 4));
  }

  @Test
  void ordinaryRepliesAreNotStopped() {
    assertFalse(
        feed(
            "{\"company\":\"SYARIKAT PERNIAGAAN GIN KEE\",\"date\":\"02/12/2017\","
                + "\"address\":\"NO 290, JALAN AIR PANAS. SETAPAK, 53200, KUALA LUMPUR.\","
                + "\"total\":\"29.68\"}",
            2));
    assertFalse(
        feed(
            "{\"items\": [{\"description\": \"Widget\", \"amount\": 10.00}, "
                + "{\"description\": \"Widget\", \"amount\": 12.00}], \"note\": \"-------------------\"}",
            5));
  }
}
