package io.docextract.cli;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** The Beam options of a command, from the arguments picocli left unmatched. */
final class BeamOptions {

  private BeamOptions() {}

  /**
   * Parses and validates the options. On the DirectRunner the runner gets one worker thread unless
   * {@code --targetParallelism} is given: the model's own threads already use every core (a batch
   * reaches its slots through ExtractFields' pool, not through runner threads), and while a bundle
   * runs, the DirectRunner's other workers only poll its timers — 12 CPU-seconds per 40 receipts
   * taken from the model's threads (docs/benchmarks.md, Beam's overhead).
   *
   * @throws IllegalArgumentException for an unknown or malformed option
   */
  static PipelineOptions parse(List<String> beamArgs) {
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).withValidation().create();
    boolean parallelismGiven = beamArgs.stream().anyMatch(a -> a.startsWith("--targetParallelism"));
    if (options.getRunner() == DirectRunner.class && !parallelismGiven) {
      options.as(DirectOptions.class).setTargetParallelism(1);
    }
    return options;
  }
}
