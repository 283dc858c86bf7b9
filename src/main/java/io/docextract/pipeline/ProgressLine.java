package io.docextract.pipeline;

/**
 * One progress line from a running job's counters: documents finished of the total, the rate of the
 * documents actually processed (skipped ones cost nothing), and the time left at that rate. The
 * total is the files read plus the documents their containers have added so far (an e-mail's
 * attachments, a PDF's embedded files): each of those ends as a record or a review item too.
 */
public final class ProgressLine {

  private ProgressLine() {}

  public static String of(RunCounters counters, long inputs, double elapsedSeconds) {
    long skipped = counters.skipped();
    long processed = counters.done();
    long finished = processed + skipped;
    double perMin = elapsedSeconds > 0 ? processed * 60.0 / elapsedSeconds : 0;
    long documents = inputs + counters.get(ParseDocuments.STAGE, ParseDocuments.EXTRA_DOCUMENTS);
    long left = Math.max(0, documents - finished);
    String eta =
        processed == 0 ? "ETA unknown" : "ETA " + duration(left * 60.0 / Math.max(perMin, 1e-9));
    return String.format(
        "progress: %d/%d documents%s, %.1f docs/min, %s (%s elapsed)",
        finished,
        documents,
        skipped > 0 ? " (" + skipped + " skipped as done before)" : "",
        perMin,
        eta,
        duration(elapsedSeconds));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format("%d min %02d s", s / 60, s % 60);
    }
    return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
