package io.docextract.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The JSON-lines sink's own verification: its files at the end of a run hold as many lines as the
 * job counted going into it. A difference means lines were lost or written twice on the way to the
 * files (a finalize that went wrong), which the counters alone cannot see.
 */
public final class JsonLinesCheck {

  private JsonLinesCheck() {}

  /** Null when the files agree with the summary, else what differs. */
  public static String verify(RunSummary summary) throws IOException {
    long records = lines(summary.recordFiles().toArray(String[]::new));
    long review = lines(summary.reviewFiles().toArray(String[]::new));
    if (records == summary.records() && review == summary.review()) {
      return null;
    }
    return "the files hold "
        + records
        + " records and "
        + review
        + " review items, the job"
        + " counted "
        + summary.records()
        + " and "
        + summary.review();
  }

  private static long lines(String... files) throws IOException {
    long n = 0;
    for (String file : files) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  Channels.newInputStream(
                      FileSystems.open(FileSystems.matchNewResource(file, false))),
                  StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
