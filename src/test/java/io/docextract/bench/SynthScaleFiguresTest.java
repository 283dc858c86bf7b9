package io.docextract.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The growth run's figures from hand-made samples whose answers are known. */
class SynthScaleFiguresTest {

  @Test
  void tenthsAreMeasuredBetweenTheProgressLinesThatBracketThem() {
    // Startup until t=20 (nothing done), then 100 documents at 60/min for 50 s, then 40/min.
    List<ScaleRunFigures.Progress> progress =
        List.of(
            new ScaleRunFigures.Progress(0, 0, 100), new ScaleRunFigures.Progress(20, 0, 100),
            new ScaleRunFigures.Progress(30, 10, 100), new ScaleRunFigures.Progress(70, 50, 100),
            new ScaleRunFigures.Progress(130, 90, 100),
                new ScaleRunFigures.Progress(145, 100, 100));
    List<ScaleRunFigures.Rss> rss =
        List.of(
            new ScaleRunFigures.Rss(0, 100, 0, 100, 1),
            new ScaleRunFigures.Rss(20, 500, 200, 700, 1),
            new ScaleRunFigures.Rss(70, 520, 210, 730, 1),
            new ScaleRunFigures.Rss(100, 900, 0, 900, 1),
            new ScaleRunFigures.Rss(146, 530, 200, 730, 1));
    ScaleRunFigures f = ScaleRunFigures.of(progress, rss);
    assertEquals(100, f.documents());
    assertEquals(125, f.processingSeconds(), 1e-9);
    assertEquals(60, f.firstTenthPerMin(), 1e-9);
    assertEquals(40, f.lastTenthPerMin(), 1e-9);
    assertEquals(700, f.rssStartMb(), 1e-9);
    assertEquals(730, f.rssMiddleMb(), 1e-9);
    assertEquals(730, f.rssEndMb(), 1e-9);
    assertEquals(900, f.rssPeakMb(), 1e-9);
  }
}
