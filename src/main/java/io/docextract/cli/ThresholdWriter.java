package io.docextract.cli;

import io.docextract.eval.Coverage;
import io.docextract.eval.PipelineThreshold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes a copy of a pipeline file with a type's accept threshold set to the one a coverage table
 * chose, and a comment saying where it came from; shared by {@code eval} and {@code calibrate}.
 */
final class ThresholdWriter {

  private ThresholdWriter() {}

  /**
   * @param measuredOn what the threshold was measured on (a gold file, or pooled evals)
   * @param slice which part of it, e.g. "[split splits/x.json:tune]"
   * @return the exit code: OK when written, FAILED when no threshold reaches the target
   */
  static int write(
      Coverage c,
      Path pipeline,
      String type,
      String measuredOn,
      String slice,
      Path out,
      PrintWriter stdout,
      PrintWriter err)
      throws IOException {
    if (c.chosen() == null) {
      err.printf(
          Locale.ROOT,
          "docextract: no threshold reaches precision %.2f on these documents: %s not written%n",
          c.target(),
          out);
      err.flush();
      return ExitCodes.FAILED;
    }
    String comment =
        PipelineThreshold.comment(
            measuredOn,
            slice,
            LocalDate.now(ZoneOffset.UTC).toString(),
            c.chosen().precision(),
            c.chosen().share(),
            c.target());
    String text =
        PipelineThreshold.apply(Files.readString(pipeline), type, c.chosen().threshold(), comment);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    Files.writeString(out, text);
    stdout.printf(
        Locale.ROOT,
        "written: %s (review.minConfidence %.3f for %s)%n",
        out,
        c.chosen().threshold(),
        type);
    stdout.flush();
    return ExitCodes.OK;
  }
}
