package io.docextract.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A growth run cut into tenths of its documents: per tenth, docs/min and the CPU seconds the
 * process tree spent per document. On a shared machine docs/min falls whenever another job takes
 * the cores; CPU per document does not, so a fall in docs/min with flat CPU per document is the
 * machine, and a rise in CPU per document is the job getting slower as it grows.
 */
public record ScaleRunTenths(List<double[]> rows) {

  /** Rows of {tenth, docs/min, CPU seconds per document}; none without CPU samples. */
  public static ScaleRunTenths of(
      List<ScaleRunFigures.Progress> progress, List<ScaleRunFigures.Rss> samples) {
    List<double[]> rows = new ArrayList<>();
    if (progress.isEmpty() || samples.stream().allMatch(r -> Double.isNaN(r.cpuSeconds()))) {
      return new ScaleRunTenths(rows);
    }
    long total = progress.get(0).total();
    ScaleRunFigures.Progress from = ScaleRunFigures.start(progress);
    for (int tenth = 1; tenth <= 10; tenth++) {
      long target = (total * tenth + 9) / 10;
      ScaleRunFigures.Progress to = ScaleRunFigures.firstAtLeast(progress, target);
      if (to.done() < target || to.epoch() <= from.epoch()) {
        break;
      }
      long docs = to.done() - from.done();
      double cpuSeconds =
          ScaleRunFigures.nearest(samples, to.epoch()).cpuSeconds()
              - ScaleRunFigures.nearest(samples, from.epoch()).cpuSeconds();
      rows.add(
          new double[] {
            tenth, docs * 60.0 / (to.epoch() - from.epoch()), docs == 0 ? 0 : cpuSeconds / docs
          });
      from = to;
    }
    return new ScaleRunTenths(rows);
  }

  /** A Markdown table: tenth, docs/min, CPU seconds per document. */
  public String table() {
    StringBuilder sb =
        new StringBuilder("| tenth | docs/min | CPU s per document |\n|---|---|---|\n");
    for (double[] r : rows) {
      sb.append(String.format(Locale.ROOT, "| %d | %.1f | %.3f |%n", (int) r[0], r[1], r[2]));
    }
    return sb.toString();
  }
}
