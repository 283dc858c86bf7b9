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
import picocli.CommandLine.Option;

/**
 * The accept-threshold options of {@code eval} and {@code calibrate}: the precision the threshold
 * must keep, and a copy of the pipeline file written with the chosen threshold and a comment saying
 * where it came from.
 */
final class ThresholdOptions {

  @Option(
      names = "--target-precision",
      defaultValue = "0.97",
      paramLabel = "P",
      description = "precision the suggested accept threshold must keep (default 0.97)")
  double targetPrecision;

  @Option(
      names = "--write-pipeline",
      paramLabel = "OUT.yaml",
      description =
          "write a copy of the pipeline file with the type's review.minConfidence set to the"
              + " suggested threshold (the pipeline's own model; nothing written when no threshold"
              + " reaches the target)")
  Path writePipeline;

  /**
   * @param measuredOn what the threshold was measured on (a gold file, or pooled evals)
   * @param slice which part of it, e.g. "[split splits/x.json:tune]"
   * @return the exit code: OK when written, FAILED when no threshold reaches the target
   */
  int write(
      Coverage c,
      Path pipeline,
      String type,
      String measuredOn,
      String slice,
      PrintWriter stdout,
      PrintWriter err)
      throws IOException {
    if (c.chosen() == null) {
      err.printf(
          Locale.ROOT,
          "docextract: no threshold reaches precision %.2f on these documents: %s not written%n",
          c.target(),
          writePipeline);
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
    if (writePipeline.toAbsolutePath().getParent() != null) {
      Files.createDirectories(writePipeline.toAbsolutePath().getParent());
    }
    Files.writeString(writePipeline, text);
    stdout.printf(
        Locale.ROOT,
        "written: %s (review.minConfidence %.3f for %s)%n",
        writePipeline,
        c.chosen().threshold(),
        type);
    stdout.flush();
    return ExitCodes.OK;
  }
}
