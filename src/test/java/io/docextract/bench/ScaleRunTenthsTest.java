package io.docextract.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleRunTenthsTest {

  /** A run slowed by a neighbour halves its docs/min but not its CPU per document. */
  @Test
  void aSlowerTenthWithTheSameCpuPerDocumentIsTheMachine() {
    List<ScaleRunFigures.Progress> progress = new ArrayList<>();
    List<ScaleRunFigures.Rss> cpu = new ArrayList<>();
    progress.add(new ScaleRunFigures.Progress(0, 0, 100));
    cpu.add(new ScaleRunFigures.Rss(0, 100, 0, 100, 1, 5));
    long t = 0;
    for (int tenth = 1; tenth <= 10; tenth++) {
      t += tenth <= 5 ? 60 : 120; // 10 documents a minute, then 5
      progress.add(new ScaleRunFigures.Progress(t, tenth * 10L, 100));
      // 0.5 CPU seconds a document throughout
      cpu.add(new ScaleRunFigures.Rss(t, 100, 0, 100, 1, 5 + tenth * 10 * 0.5));
    }
    ScaleRunTenths tenths = ScaleRunTenths.of(progress, cpu);
    assertEquals(10, tenths.rows().size());
    assertArrayEquals(new double[] {1, 10.0, 0.5}, tenths.rows().get(0), 1e-9);
    assertArrayEquals(new double[] {10, 5.0, 0.5}, tenths.rows().get(9), 1e-9);
  }

  @Test
  void noCpuColumnGivesNoRows() {
    assertEquals(
        0,
        ScaleRunTenths.of(
                List.of(new ScaleRunFigures.Progress(0, 0, 10)),
                List.of(new ScaleRunFigures.Rss(0, 100, 0, 100, 1)))
            .rows()
            .size());
  }
}
