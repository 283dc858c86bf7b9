package io.docextract.cli;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.ComparisonReport;
import io.docextract.eval.EvalItem;
import io.docextract.eval.EvalReport;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.PrecedenceTable;
import io.docextract.eval.Prediction;
import io.docextract.ingest.DocumentTexts;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.ModelRuntime;
import io.docextract.pipeline.EvaluationJob;
import io.docextract.pipeline.ProcessStats;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract eval}: score a pipeline, its rules and models against a gold file. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline on labelled documents and score it field by field against the gold,"
          + " beside the rules alone and the model with the rules as fallback.",
      "",
      "Example: docextract eval --pipeline pipelines/receipt.yaml"
          + " --gold ../shared/data/sroie-train-text/gold.jsonl --text"
          + " --split splits/sroie-train-text.json:test"
    })
public final class EvalCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "gold JSON lines: {\"doc\": FILE, \"fields\": {...}}")
  Path gold;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "MODEL",
      description = "catalogue names or GGUF paths to compare (default: the pipeline's model)")
  List<String> models = new ArrayList<>();

  @Option(names = "--rules-only", description = "score the rules alone; run no model")
  boolean rulesOnly;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/eval")
  Path out;

  @CommandLine.Mixin ThresholdOptions threshold = new ThresholdOptions();

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (threshold.writePipeline != null && (rulesOnly || !models.isEmpty())) {
      // The threshold belongs to the model the copied file names; rules have no confidence.
      err.println(
          "docextract: --write-pipeline measures the pipeline's own model: drop "
              + (rulesOnly ? "--rules-only" : "--models"));
      return ExitCodes.BAD_CONFIG;
    }
    List<String> labels = models.isEmpty() ? java.util.Collections.singletonList(null) : models;
    Map<String, JobConfig> configs = new LinkedHashMap<>();
    for (String m : labels) {
      JobConfig c = Pipelines.load(pipeline, m);
      configs.put(m != null ? m : label(c), c);
      if (rulesOnly) {
        break;
      }
    }
    DocumentTypeConfig docType =
        Pipelines.type(configs.values().iterator().next(), goldOptions.type);
    String select = goldOptions.describe();
    boolean text = goldOptions.text;
    List<GoldDocument> goldDocs;
    try {
      goldDocs = goldOptions.load(gold);
    } catch (IOException | IllegalArgumentException e) {
      // A split naming ids the gold file lacks is a wrong pairing of files, not a crash.
      err.println("docextract: " + e.getMessage());
      return ExitCodes.BAD_CONFIG;
    }
    if (goldDocs.isEmpty()) {
      err.println("docextract: no gold documents selected from " + gold + " with " + select);
      return ExitCodes.NO_INPUT;
    }
    Path inputs = out.resolve("inputs");
    Map<String, GoldDocument> byFile = goldOptions.materialise(goldDocs, inputs);
    // Parsed as the pipeline parses them: its limits, not the defaults.
    Map<String, String> texts =
        texts(byFile, inputs, configs.values().iterator().next().parseLimits());

    Map<String, Map<String, Prediction>> predictions = new LinkedHashMap<>();
    Map<String, EvalReport.Speed> speed = new LinkedHashMap<>();
    if (!rulesOnly) {
      for (Map.Entry<String, JobConfig> e : configs.entrySet()) {
        String label = e.getKey();
        PipelineOptions options = BeamOptions.parse(beamArgs);
        // Each model's peak memory on its own: the previous model is closed and the peak reset
        // before this one is loaded (by the preflight, then shared with the run).
        ModelRuntime.shutdownIdle();
        System.gc();
        boolean isolated = ProcessStats.resetPeakRss();
        GoldRuns.Run run =
            GoldRuns.run(
                e.getValue(),
                docType,
                inputs,
                out.resolve("runs").resolve(GoldRuns.folder(label)),
                options);
        EvaluationJob.Result r = run.result();
        if (!isolated && configs.size() > 1) {
          err.println("eval: peak RSS is the process's so far (cannot reset it here)");
        }
        predictions.put(label, run.byFile());
        speed.put(
            label,
            new EvalReport.Speed(
                r.summary().docsPerMinute(),
                r.p95LatencyMs(),
                r.cpuSeconds() * 1000 / Math.max(1, run.inputs()),
                r.peakRssMb()));
        err.printf(
            "eval: %s done in %.1f s (%.1f docs/min)%n",
            label, r.summary().wallSeconds(), r.summary().docsPerMinute());
      }
    }
    List<EvalItem> items = new ArrayList<>();
    for (Map.Entry<String, GoldDocument> e : byFile.entrySet()) {
      String t = texts.getOrDefault(e.getKey(), "");
      Map<String, Prediction> byModel = new HashMap<>();
      predictions.forEach(
          (m, p) -> byModel.put(m, p.getOrDefault(e.getKey(), Prediction.missing())));
      items.add(
          new EvalItem(
              e.getValue().doc(), e.getValue().fields(), t, docType.rules().apply(t), byModel));
    }
    EvalReport report =
        new EvalReport(
            docType.name()
                + " — "
                + items.size()
                + " documents of "
                + gold
                + " ["
                + select
                + "]"
                + (text ? ", given text" : ", parsed documents"),
            docType.fieldNormalisers(),
            docType.rules(),
            docType.schema().tree());
    if (!docType.rules().isEmpty()) {
      report.addRules(items);
    }
    for (String label : predictions.keySet()) {
      report.addCoverage(label, items, threshold.targetPrecision);
    }
    for (String label : predictions.keySet()) {
      report.addModel(label, items, speed.get(label), false);
      if (!docType.rules().isEmpty()) {
        report.addModel(label, items, speed.get(label), true);
      }
    }
    // The pipeline's own model (the first): whose value each field should keep beside the rules.
    Optional<PrecedenceTable> precedence =
        docType.rules().isEmpty()
            ? Optional.empty()
            : predictions.keySet().stream()
                .findFirst()
                .flatMap(m -> report.addPrecedence(m, items));
    String md = report.markdown();
    Files.createDirectories(out);
    Files.writeString(out.resolve("eval.md"), md);
    Files.writeString(
        out.resolve("eval.json"),
        JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.systems()));
    String written = out.resolve("eval.md") + ", " + out.resolve("eval.json");
    try (var w = Files.newBufferedWriter(out.resolve("documents.jsonl"))) {
      for (var d : report.documents(items, List.copyOf(predictions.keySet()))) {
        w.write(JsonLines.mapper().writeValueAsString(d));
        w.newLine();
      }
    }
    written += ", " + out.resolve("documents.jsonl");
    if (!report.coverage().isEmpty()) {
      Files.writeString(
          out.resolve("coverage.json"),
          JsonLines.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(report.coverage()));
      written += ", " + out.resolve("coverage.json");
    }
    if (precedence.isPresent()) {
      Files.writeString(
          out.resolve("precedence.json"),
          JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(precedence.get()));
      written += ", " + out.resolve("precedence.json");
    }
    if (!predictions.isEmpty()) {
      Files.writeString(
          out.resolve("report.html"),
          ComparisonReport.html(
              "docextract eval: " + docType.name(), md, report.systems(), report.coverage()));
      written += ", " + out.resolve("report.html");
    }
    spec.commandLine().getOut().println(md);
    spec.commandLine().getOut().println("written: " + written);
    spec.commandLine().getOut().flush();
    if (threshold.writePipeline != null) {
      return threshold.write(
          report.coverage().get(0),
          pipeline,
          docType.name(),
          gold.toString(),
          "[" + select + "]",
          spec.commandLine().getOut(),
          err);
    }
    return ExitCodes.OK;
  }

  /**
   * The pipeline's own model: its file name, and the adapter's folder when there is one; or the
   * endpoint's model name where an endpoint answers the first tier.
   */
  private static String label(JobConfig c) {
    if (c.endpoint() != null) {
      return c.endpoint().model() + "@endpoint";
    }
    String base = Path.of(c.model().modelPath()).getFileName().toString();
    return c.model().adapterPath() == null
        ? base
        : base + "+" + Path.of(c.model().adapterPath()).getParent().getFileName();
  }

  /**
   * The text the rules read: the given text, or the file parsed as the pipeline parses it (its
   * limits and OCR engine, so rules and model read the same text).
   */
  private Map<String, String> texts(Map<String, GoldDocument> byFile, Path dir, ParseLimits limits)
      throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DocumentTexts parsed = new DocumentTexts(limits)) {
      for (String name : byFile.keySet()) {
        out.put(name, parsed.text(dir.resolve(name)).orElse(""));
      }
    }
    return out;
  }
}
