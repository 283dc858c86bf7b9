package io.docextract.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOnAnUnsortedSample() {
    List<Integer> ms = List.of(50, 10, 40, 20, 30, 100, 90, 80, 70, 60);
    assertEquals(50, Percentiles.of(ms, 50));
    assertEquals(100, Percentiles.of(ms, 95));
    assertEquals(10, Percentiles.of(ms, 1));
    assertEquals(100, Percentiles.of(ms, 100));
  }

  @Test
  void emptySampleIsNaNAndBadRankIsRefused() {
    assertTrue(Double.isNaN(Percentiles.of(List.of(), 50)));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(List.of(1), 0));
  }
}
