package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

  @Test
  void runsStartedWithinOneSecondGetTheirOwnFiles() {
    OutputLayout a =
        OutputLayout.adding("out", "out/review", Instant.parse("2026-11-24T02:40:00.123Z"));
    OutputLayout b =
        OutputLayout.adding("out", "out/review", Instant.parse("2026-11-24T02:40:00.456Z"));
    assertEquals("20261124T024000123Z", a.runId());
    assertNotEquals(a.recordsPrefix(), b.recordsPrefix());
  }
}
