package io.docextract.cli;

import io.docextract.catalog.ModelStore;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.InvalidPipelineException;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.decision.RecordDecision;
import io.docextract.model.ModelRuntime;
import io.docextract.pipeline.JobPreflight;
import io.docextract.pipeline.JsonLinesCheck;
import io.docextract.pipeline.OutputLayout;
import io.docextract.pipeline.RunJob;
import io.docextract.pipeline.RunManifest;
import io.docextract.pipeline.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract run}: one batch job, files to records and a review queue. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a pipeline: parse the input files, extract fields with the model, validate them, and"
          + " write records*.jsonl, review*.jsonl, summary.json and, last, manifest.json.",
      "Options not listed here go to Beam, e.g. --runner=FlinkRunner.",
      "A scheduled run over a growing folder: add --incremental (docs/scheduling.md).",
      "",
      "Example: docextract run --pipeline pipelines/sample-docs.yaml --output out/sample"
    })
public final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--pipeline",
      required = true,
      paramLabel = "FILE",
      description = "pipeline definition (YAML), e.g. pipelines/sample-docs.yaml")
  Path pipeline;

  @Option(
      names = "--input",
      paramLabel = "GLOB",
      description = "files to read; overrides the pipeline's input")
  String input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "where records, review and summary go; overrides the pipeline's output")
  String output;

  @Option(
      names = "--model",
      paramLabel = "PATH",
      description = "a GGUF file to use instead of the pipeline's model")
  String model;

  @Option(
      names = "--incremental",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "skip documents already in records or review files at the output location"
              + " (earlier runs); this run adds its own files beside them instead of replacing them")
  boolean incremental;

  @Option(
      names = "--progress-every",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "print a progress line this often while the job runs (0: never; default 30)")
  int progressEvery;

  @Option(
      names = "--detach",
      description =
          "submit the job and return without waiting (Dataflow, Flink cluster); no"
              + " summary or manifest is written then")
  boolean detach;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Instant started = Instant.now();
    if (progressEvery < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--progress-every must be 0 or more seconds, got " + progressEvery);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JobConfig config;
    try {
      config = new PipelineLoader(ModelStore.fromEnvironment()).load(pipeline, model);
    } catch (InvalidPipelineException e) {
      err.println("docextract: " + e.getMessage());
      return e.modelProblem() ? ExitCodes.MODEL_UNAVAILABLE : ExitCodes.BAD_CONFIG;
    }
    if (input != null) {
      config = config.withInput(input);
    }
    if (output != null) {
      config = config.withOutput(output);
    }
    PipelineOptions options;
    try {
      options = BeamOptions.parse(beamArgs);
    } catch (IllegalArgumentException e) {
      err.println("docextract: bad Beam option: " + e.getMessage());
      return ExitCodes.BAD_CONFIG;
    }
    if (detach && options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class) {
      err.println(
          "docextract: --detach needs a runner that outlives this process"
              + " (e.g. --runner=DataflowRunner), not the DirectRunner");
      return ExitCodes.BAD_CONFIG;
    }
    JobPreflight.Result pre = JobPreflight.check(config, options);
    if (!pre.ok()) {
      err.println("docextract: " + pre.message());
      return switch (pre.problem()) {
        case NO_INPUT -> ExitCodes.NO_INPUT;
        case MODEL -> ExitCodes.MODEL_UNAVAILABLE;
        case CONFIG -> ExitCodes.BAD_CONFIG;
        default -> ExitCodes.FAILED;
      };
    }
    if (!workersInThisProcess(options)) {
      // The pre-flight loaded the models here; the workers are other JVMs. Kept, an idle copy's
      // OpenMP threads would spin against the TaskManager's on the same cores (docs/flink.md).
      ModelRuntime.shutdownIdle();
    }
    OutputLayout layout =
        incremental
            ? OutputLayout.adding(config.output(), config.review(), started)
            : OutputLayout.replacing(config.output(), config.review());
    if (!incremental) {
      RunSummary.clearPrevious(config.output(), config.review());
    }
    double preflightSeconds = (System.nanoTime() - t0) / 1e9;
    uncalibratedNotice(config, err);
    if (detach) {
      out.printf("submitted: %s%n", RunJob.submit(config, options, layout));
      out.flush();
      return ExitCodes.OK;
    }
    RunJob.Outcome outcome;
    try {
      outcome =
          RunJob.run(
              config,
              options,
              layout,
              pre.inputs(),
              progressEvery,
              line -> {
                out.println(line);
                out.flush();
              });
    } catch (RuntimeException e) {
      err.println("docextract: the job failed: " + e.getMessage());
      return ExitCodes.JOB_FAILED;
    }
    if (!outcome.done()) {
      err.println("docextract: the job ended in state " + outcome.state());
      return ExitCodes.JOB_FAILED;
    }
    RunSummary summary = outcome.summary();
    summary.writeTo(config.output());
    out.printf(
        "%s: %d inputs -> %s%d records, %d review %s in %.1f s (%.1f docs/min, peak RSS %s MB)%n",
        config.name(),
        summary.inputs(),
        layout.incremental() ? summary.skipped() + " skipped as done before, " : "",
        summary.records(),
        summary.review(),
        summary.reviewByReason(),
        summary.wallSeconds(),
        summary.docsPerMinute(),
        summary.peakRssMb());
    if (summary.tiers().size() > 1) {
      summary
          .tiers()
          .forEach(
              (tier, stats) ->
                  out.printf(
                      "%s: %s requests -> %s records, %s s model, %s prompt / %s generated tokens%n",
                      tier,
                      stats.getOrDefault("requests", 0),
                      stats.get("records"),
                      stats.getOrDefault("model_seconds", 0),
                      stats.getOrDefault("prompt_tokens", 0),
                      stats.getOrDefault("generated_tokens", 0)));
    }
    if (!summary.model().isEmpty()) {
      out.printf("model: %s%n", summary.model());
    }
    out.printf("output: %s%n", config.output());
    writeReport(config, summary, out);
    out.flush();
    if (!summary.balanced()) {
      err.println(
          "docextract: counts do not add up: "
              + summary.inputs()
              + " inputs, "
              + summary.skipped()
              + " skipped, "
              + summary.records()
              + " records, "
              + summary.review()
              + " review");
      return ExitCodes.JOB_FAILED;
    }
    String files = JsonLinesCheck.verify(summary);
    if (files != null) {
      err.println("docextract: " + files);
      return ExitCodes.JOB_FAILED;
    }
    // Last, so a manifest exists only for a run that completed and balanced.
    RunManifest manifest =
        Manifests.of(
            runId(started, layout),
            pipeline,
            config,
            layout,
            summary,
            outcome.counters(),
            started,
            preflightSeconds,
            outcome.seconds(),
            (System.nanoTime() - t0) / 1e9,
            options,
            manifestOptions());
    out.printf("manifest: %s%n", manifest.writeTo(config.output()));
    out.flush();
    return ExitCodes.OK;
  }

  /** The run's id: an incremental run's file tag, or the start time for a full run. */
  private static String runId(Instant started, OutputLayout layout) {
    return layout.incremental() ? layout.runId() : OutputLayout.runIdAt(started);
  }

  /** The docextract options this run was given, for the manifest (Beam's come separately). */
  private Map<String, Object> manifestOptions() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("pipeline", pipeline.toString());
    o.put("input", input);
    o.put("output", output);
    o.put("model", model);
    o.put("incremental", incremental);
    o.put("beam_args", List.copyOf(beamArgs));
    return o;
  }

  /** report.html beside the records: where documents went, and each review item with evidence. */
  private static void writeReport(JobConfig config, RunSummary summary, PrintWriter out) {
    Path dir = Path.of(config.review().replaceFirst("^file:", ""));
    try {
      List<io.docextract.review.QueuedItem> items =
          summary.review() == 0 ? List.of() : io.docextract.review.ReviewQueue.read(dir, config);
      String html =
          io.docextract.report.RunReport.html(
              new io.docextract.report.RunReport.Run(
                  config.name(),
                  summary.runner(),
                  summary.inputs(),
                  summary.records(),
                  io.docextract.report.RunReport.sorted(summary.reviewByReason()),
                  summary.wallSeconds(),
                  summary.tiers()),
              items);
      Path file = Path.of(config.output().replaceFirst("^file:", "")).resolve("report.html");
      java.nio.file.Files.writeString(file, html);
      out.printf("report: %s%n", file);
    } catch (java.io.IOException | RuntimeException e) {
      // The records and review queue are written; a report that cannot be made is not a failure.
      out.printf("report: not written (%s)%n", e.getMessage());
    }
  }

  /** Says once per run which types decide without a threshold measured by eval. */
  private void uncalibratedNotice(JobConfig config, PrintWriter err) {
    List<String> open =
        config.documentTypes().stream()
            .filter(t -> !RecordDecision.calibrated(t))
            .map(DocumentTypeConfig::name)
            .toList();
    if (!open.isEmpty()) {
      err.printf(
          "docextract: %s: no calibrated accept threshold for %s; records need every"
              + " required field's confidence >= %s, the rest go to review. Calibrate on"
              + " labelled documents: ./docextract eval --pipeline %s --gold GOLD.jsonl"
              + " --write-pipeline %s%n",
          config.name(),
          String.join(", ", open),
          RecordDecision.UNCALIBRATED_FLOOR,
          pipeline,
          pipeline);
      err.flush();
    }
  }

  /** The Direct runner and an embedded Flink cluster run the job inside this JVM. */
  private boolean workersInThisProcess(PipelineOptions options) {
    String runner = options.getRunner().getSimpleName();
    if (runner.equals("DirectRunner")) {
      return true;
    }
    if (!runner.equals("FlinkRunner")) {
      return false;
    }
    String master =
        beamArgs.stream()
            .filter(a -> a.startsWith("--flinkMaster="))
            .map(a -> a.substring("--flinkMaster=".length()))
            .findFirst()
            .orElse("[auto]");
    return master.equals("[local]") || master.equals("[auto]");
  }
}
