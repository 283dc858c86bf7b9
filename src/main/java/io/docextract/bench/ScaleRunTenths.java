package io.docextract.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** CPU seconds used so far by the process tree, sampled beside its memory (column 6). */
  public record Cpu(long epoch, double seconds) {}

  public static List<Cpu> cpu(Path rssCsv) throws IOException {
    List<Cpu> out = new ArrayList<>();
    for (String line : Files.readAllLines(rssCsv).stream().skip(1).toList()) {
      String[] f = line.split(",");
      if (f.length >= 6) {
        out.add(new Cpu(Long.parseLong(f[0]), Double.parseDouble(f[5])));
      }
    }
    return out;
  }

  /** Rows of {tenth, docs/min, CPU seconds per document}; none without CPU samples. */
  public static ScaleRunTenths of(List<ScaleRunFigures.Progress> progress, List<Cpu> cpu) {
    List<double[]> rows = new ArrayList<>();
    if (progress.isEmpty() || cpu.isEmpty()) {
      return new ScaleRunTenths(rows);
    }
    long total = progress.get(0).total();
    ScaleRunFigures.Progress from = null;
    for (ScaleRunFigures.Progress p : progress) {
      if (p.done() == 0) {
        from = p;
      }
    }
    if (from == null) {
      from = progress.get(0);
    }
    for (int tenth = 1; tenth <= 10; tenth++) {
      long target = (total * tenth + 9) / 10;
      ScaleRunFigures.Progress to = null;
      for (ScaleRunFigures.Progress p : progress) {
        if (p.done() >= target) {
          to = p;
          break;
        }
      }
      if (to == null || to.epoch() <= from.epoch()) {
        break;
      }
      long docs = to.done() - from.done();
      double cpuSeconds = at(cpu, to.epoch()) - at(cpu, from.epoch());
      rows.add(new double[] {tenth, docs * 60.0 / (to.epoch() - from.epoch()),
          docs == 0 ? 0 : cpuSeconds / docs});
      from = to;
    }
    return new ScaleRunTenths(rows);
  }

  private static double at(List<Cpu> cpu, long epoch) {
    Cpu best = cpu.get(0);
    for (Cpu c : cpu) {
      if (Math.abs(c.epoch() - epoch) < Math.abs(best.epoch() - epoch)) {
        best = c;
      }
    }
    return best.seconds();
  }

  /** A Markdown table: tenth, docs/min, CPU seconds per document. */
  public String table() {
    StringBuilder sb = new StringBuilder("| tenth | docs/min | CPU s per document |\n|---|---|---|\n");
    for (double[] r : rows) {
      sb.append(String.format(Locale.ROOT, "| %d | %.1f | %.3f |%n", (int) r[0], r[1], r[2]));
    }
    return sb.toString();
  }
}
