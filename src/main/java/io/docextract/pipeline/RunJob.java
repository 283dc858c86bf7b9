package io.docextract.pipeline;

import io.docextract.config.JobConfig;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

/**
 * Runs one extraction job to its end and counts what it wrote, reporting progress from the job's
 * metrics while it runs. Runners that return only when the job is over (embedded Flink) give no
 * progress lines; the DirectRunner is asked not to block so that it does.
 */
public final class RunJob {

  /** How the job ended, what it wrote, and its counters. */
  public record Outcome(
      PipelineResult.State state, RunSummary summary, RunCounters counters, double seconds) {
    public boolean done() {
      return state == PipelineResult.State.DONE;
    }
  }

  private RunJob() {}

  /**
   * Builds the job and submits it without waiting (a Flex Template launch must return once the job
   * is submitted). Returns the runner's description of the job, e.g. the Dataflow job id.
   */
  public static String submit(JobConfig config, PipelineOptions options, OutputLayout layout) {
    Pipeline p = Pipeline.create(options);
    ExtractionPipeline.build(p, config, layout);
    PipelineResult result = p.run();
    return result.toString() + " (" + result.getState() + ")";
  }

  /**
   * Builds and runs the job, printing a progress line every {@code progressSeconds} (0: none).
   * Failures of the job itself surface as the runner's RuntimeException.
   */
  public static Outcome run(
      JobConfig config,
      PipelineOptions options,
      OutputLayout layout,
      long inputs,
      int progressSeconds,
      Consumer<String> progress)
      throws IOException {
    if (options.getRunner() == DirectRunner.class) {
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    Pipeline p = Pipeline.create(options);
    ExtractionPipeline.build(p, config, layout);
    long start = System.nanoTime();
    PipelineResult result = p.run();
    PipelineResult.State state;
    if (progressSeconds <= 0) {
      state = result.waitUntilFinish();
    } else {
      state = result.waitUntilFinish(Duration.standardSeconds(progressSeconds));
      while (state == null || !state.isTerminal()) {
        progress.accept(
            ProgressLine.of(
                RunCounters.of(result.metrics()), inputs, (System.nanoTime() - start) / 1e9));
        state = result.waitUntilFinish(Duration.standardSeconds(progressSeconds));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RunCounters counters = RunCounters.committed(result.metrics());
    if (state != PipelineResult.State.DONE) {
      return new Outcome(state, null, counters, seconds);
    }
    RunSummary summary =
        RunSummary.collect(
            config.name(),
            options.getRunner().getSimpleName(),
            inputs,
            counters.skipped(),
            layout,
            seconds,
            result.metrics());
    return new Outcome(state, summary, counters, seconds);
  }
}
