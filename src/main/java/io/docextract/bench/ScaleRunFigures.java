package io.docextract.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a growth run (bench/scale-run.sh) from its two sample files: docs/min over the
 * first and the last tenth of the documents, and the resident memory of the process tree at the
 * start, middle and end of the processing and at its peak. Whether a job stays flat as it grows is
 * read from these, so they are computed one way for every run, not by hand.
 */
public record ScaleRunFigures(
    long documents,
    double processingSeconds,
    double firstTenthPerMin,
    double lastTenthPerMin,
    double rssStartMb,
    double rssMiddleMb,
    double rssEndMb,
    double rssPeakMb) {

  /** One progress line: when, and how many documents were done of how many. */
  public record Progress(long epoch, long done, long total) {}

  /**
   * One memory sample: when, the docextract JVM, its children (the parser JVM), the sum, the load
   * average, and the CPU seconds the process tree has used so far (NaN in samples from before the
   * sampler recorded it).
   */
  public record Rss(
      long epoch,
      double mainMb,
      double childrenMb,
      double totalMb,
      double load1,
      double cpuSeconds) {

    public Rss(long epoch, double mainMb, double childrenMb, double totalMb, double load1) {
      this(epoch, mainMb, childrenMb, totalMb, load1, Double.NaN);
    }
  }

  public static List<Progress> progress(Path csv) throws IOException {
    List<Progress> rows = new ArrayList<>();
    for (String[] f : rows(csv)) {
      rows.add(new Progress(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
    }
    return rows;
  }

  public static List<Rss> rss(Path csv) throws IOException {
    List<Rss> rows = new ArrayList<>();
    for (String[] f : rows(csv)) {
      rows.add(
          new Rss(
              Long.parseLong(f[0]),
              Double.parseDouble(f[1]),
              Double.parseDouble(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              f.length > 5 ? Double.parseDouble(f[5]) : Double.NaN));
    }
    return rows;
  }

  private static List<String[]> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split(","))
        .toList();
  }

  /**
   * Processing starts at the last progress line with nothing done (before it: JVM start, model
   * check, parser start) and ends at the first line with every document done. A tenth's rate is
   * measured between the progress lines that bracket it, so it is never flattered by a partial
   * interval.
   */
  public static ScaleRunFigures of(List<Progress> progress, List<Rss> rss) {
    if (progress.isEmpty() || rss.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long total = progress.get(0).total();
    Progress start = start(progress);
    Progress end =
        progress.stream()
            .filter(p -> p.done() >= total)
            .findFirst()
            .orElse(progress.get(progress.size() - 1));
    Progress tenth = firstAtLeast(progress, (total + 9) / 10);
    Progress nineTenths = start;
    for (Progress p : progress) {
      if (p.done() <= total * 9 / 10) {
        nineTenths = p;
      }
    }
    Progress half = firstAtLeast(progress, total / 2);
    return new ScaleRunFigures(
        end.done(),
        end.epoch() - start.epoch(),
        rate(start, tenth),
        rate(nineTenths, end),
        nearest(rss, start.epoch()).totalMb(),
        nearest(rss, half.epoch()).totalMb(),
        nearest(rss, end.epoch()).totalMb(),
        rss.stream().mapToDouble(Rss::totalMb).max().orElse(0));
  }

  /** Where processing starts: the last progress line with nothing done yet. */
  static Progress start(List<Progress> progress) {
    Progress start = progress.get(0);
    for (Progress p : progress) {
      if (p.done() == 0) {
        start = p;
      }
    }
    return start;
  }

  static Progress firstAtLeast(List<Progress> progress, long n) {
    return progress.stream()
        .filter(p -> p.done() >= n)
        .findFirst()
        .orElse(progress.get(progress.size() - 1));
  }

  private static double rate(Progress from, Progress to) {
    long seconds = to.epoch() - from.epoch();
    return seconds <= 0 ? 0 : (to.done() - from.done()) * 60.0 / seconds;
  }

  static Rss nearest(List<Rss> rss, long epoch) {
    Rss best = rss.get(0);
    for (Rss r : rss) {
      if (Math.abs(r.epoch() - epoch) < Math.abs(best.epoch() - epoch)) {
        best = r;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return String.format(
        "%d documents in %.0f s of processing; docs/min first tenth %.1f, last"
            + " tenth %.1f; RSS (process tree) start %.0f MB, middle %.0f MB, end %.0f MB, peak %.0f MB",
        documents,
        processingSeconds,
        firstTenthPerMin,
        lastTenthPerMin,
        rssStartMb,
        rssMiddleMb,
        rssEndMb,
        rssPeakMb);
  }
}
