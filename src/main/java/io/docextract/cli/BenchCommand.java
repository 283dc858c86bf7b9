package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.bench.BenchPrompt;
import io.docextract.bench.CostPlot;
import io.docextract.bench.LimitFigures;
import io.docextract.bench.LimitRun;
import io.docextract.bench.LlamaBench;
import io.docextract.bench.PromptSet;
import io.docextract.config.JobConfig;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.model.PromptLookup;
import io.docextract.pipeline.EvaluationJob;
import io.docextract.pipeline.JobPreflight;
import io.docextract.pipeline.ProcessStats;
import io.docextract.values.JsonLines;
import io.docextract.values.Percentiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract bench}: how close the pipeline comes to the model runtime alone on the same
 * documents and prompts, in one process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure throughput: first the model runtime alone on the prompts the pipeline would send"
          + " (the limit), then the full Beam pipeline on the same files; prints docs/min, tokens/s,"
          + " latency percentiles, peak RSS and pipeline/limit, and writes them as JSON.",
      "",
      "Example: docextract bench --pipeline pipelines/sample-docs.yaml",
      "         docextract bench --pipeline pipelines/receipt.yaml"
          + " --gold ../shared/data/sroie-train-text/gold.jsonl --text --select 300:340 --sweep"
    })
public final class BenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(
      names = "--input",
      paramLabel = "GLOB",
      description = "files to measure on (default: the pipeline's input)")
  String input;

  @Option(
      names = "--gold",
      paramLabel = "GOLD",
      description = "measure on the documents of a gold file instead (with --text, --select)")
  Path gold;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(names = "--model", paramLabel = "NAME|PATH")
  String model;

  @Option(
      names = "--sweep",
      description =
          "also measure the runtime with 1, 2 and 4 slots,"
              + " without the prompt cache and without the grammar")
  boolean sweep;

  @Option(
      names = "--no-llama-bench",
      description =
          "skip llama.cpp's llama-bench, which otherwise runs after the limit on the same GGUF,"
              + " threads and native build when bench/llama-bench.sh has built it, for the"
              + " runtime/llama.cpp ratios of prompt and answer")
  boolean noLlamaBench;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench")
  Path out;

  @Option(names = "--json", paramLabel = "FILE", description = "default: <out>/bench.json")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "BENCH_JSON",
      split = ",",
      description =
          "measure nothing: plot latency against prompt tokens from earlier bench JSON"
              + " files into <out>/cost.html, one series each")
  List<Path> plot = new ArrayList<>();

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!plot.isEmpty()) {
      return plotOnly(o);
    }
    JobConfig config = Pipelines.load(pipeline, model);
    if (gold != null) {
      Path dir = out.resolve("inputs");
      goldOptions.materialise(goldOptions.load(gold), dir);
      config =
          config
              .withInput(dir.toAbsolutePath() + "/*")
              .withDocumentTypes(
                  List.of(Pipelines.type(config, goldOptions.type).withMatch(List.of())));
    } else if (input != null) {
      config = config.withInput(input);
    }
    config = config.withOutput(out.resolve("pipeline").toString());
    PipelineOptions options = BeamOptions.parse(beamArgs);
    JobPreflight.Result pre = JobPreflight.check(config, options);
    if (!pre.ok()) {
      err.println("docextract: " + pre.message());
      return pre.problem() == JobPreflight.Problem.NO_INPUT
          ? ExitCodes.NO_INPUT
          : ExitCodes.BAD_CONFIG;
    }
    List<Path> files = localFiles(config.input());
    ModelSettings settings = config.model();
    ObjectNode report = JsonLines.mapper().createObjectNode();
    report.put("pipeline", pipeline.toString());
    report.put("input", config.input());
    report.put("model", settings.modelPath());
    report.put("adapter", settings.adapterPath());
    report.putPOJO("settings", settings);

    ObjectNode limit;
    PromptSet prompts;
    LimitRun.Result limitRun;
    try (ModelRuntime runtime = ModelRuntime.acquire(settings)) {
      report.put("model_load_ms", runtime.loadMillis());
      prompts = PromptSet.build(config, runtime, files);
      err.printf(
          "bench: limit — %d prompts on the runtime alone (%d slots x %d copies of the model)%n",
          prompts.prompts().size(), settings.parallel(), settings.replicas());
      limitRun = LimitRun.run(runtime, prompts.prompts(), settings.maxTokens());
      limit = LimitFigures.of(limitRun, settings.cachePrompt(), settings.concurrency());
    }
    ArrayNode perDoc = limit.putArray("per_document");
    limitRun
        .completions()
        .forEach(
            c ->
                perDoc
                    .addObject()
                    .put("prompt_tokens", c.promptTokens())
                    .put("generated_tokens", c.generatedTokens())
                    .put("latency_ms", c.totalMillis())
                    .put("first_token_ms", c.firstTokenMillis()));
    limit.putPOJO("not_sent", prompts.skipped());
    report.set("limit", limit);
    if (!noLlamaBench) {
      LlamaBench.beside(settings, limit, err).ifPresent(lb -> report.set("llama_bench", lb));
    }

    err.println("bench: pipeline — the full Beam job on the same files");
    EvaluationJob.Result run = EvaluationJob.run(config, options, pre.inputs());
    ObjectNode pipe = report.putObject("pipeline_run");
    long requests = ((Number) run.summary().model().getOrDefault("requests", 0L)).longValue();
    double wall = run.summary().wallSeconds();
    pipe.put("inputs", run.summary().inputs());
    pipe.put("model_requests", requests);
    pipe.put("wall_s", LimitFigures.round(wall, 2));
    pipe.put("docs_per_min", LimitFigures.round(run.summary().docsPerMinute(), 1));
    pipe.put("model_docs_per_min", LimitFigures.round(requests * 60.0 / wall, 1));
    pipe.put("latency_ms_p50", Percentiles.of(run.latenciesMs(), 50));
    pipe.put("latency_ms_p95", Percentiles.of(run.latenciesMs(), 95));
    pipe.put("records", run.summary().records());
    pipe.put("review", run.summary().review());
    pipe.putPOJO("review_by_reason", run.summary().reviewByReason());

    double limitPerDoc =
        limit.get("wall_s").asDouble() / Math.max(1, limit.get("documents").asInt());
    double pipePerDoc = wall / Math.max(1, requests);
    report.put("limit_docs_per_min", limit.get("docs_per_min").asDouble());
    report.put("pipeline_docs_per_min", pipe.get("model_docs_per_min").asDouble());
    report.put("limit_over_pipeline", LimitFigures.round(limitPerDoc / pipePerDoc, 3));
    report.put("prompt_tokens_per_doc", limit.get("prompt_tokens_per_doc").asDouble());
    report.put("cached_tokens_per_doc", limit.get("cached_tokens_per_doc").asDouble());
    report.put("gen_tokens_per_doc", limit.get("gen_tokens_per_doc").asDouble());
    report.put("parse_s", LimitFigures.round(prompts.parseSeconds(), 2));
    ObjectNode split = report.putObject("time_per_doc_ms");
    split.put("prompt", limit.get("prompt_ms_per_doc").asDouble());
    split.put("answer", limit.get("answer_ms_per_doc").asDouble());
    split.put("beam_and_tika", LimitFigures.round((pipePerDoc - limitPerDoc) * 1000, 0));

    // Before the sweep, which loads a model copy per variant.
    Double rss = ProcessStats.peakRssMb();
    report.put("peak_rss_mb", rss == null ? null : LimitFigures.round(rss, 1));
    if (sweep) {
      ArrayNode rows = sweep(settings, prompts, err);
      report.set("sweep", rows);
      split.put("grammar_share", grammarShare(rows));
    }
    Path jsonFile = json != null ? json : out.resolve("bench.json");
    Files.createDirectories(jsonFile.toAbsolutePath().getParent());
    Files.writeString(
        jsonFile, JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    print(o, report);
    Path page = out.resolve("cost.html");
    Files.writeString(
        page,
        CostPlot.html(
            "docextract bench: " + pipeline.getFileName(),
            List.of(
                new CostPlot.Series(pipeline.getFileName().toString(), limitRun.completions()))));
    o.println("written: " + jsonFile + ", " + page);
    o.flush();
    return ExitCodes.OK;
  }

  private int plotOnly(PrintWriter o) throws java.io.IOException {
    List<CostPlot.Series> series = new ArrayList<>();
    for (Path f : plot) {
      JsonNode r = JsonLines.mapper().readTree(f.toFile());
      List<io.docextract.model.Completion> points = new ArrayList<>();
      for (JsonNode d : r.path("limit").path("per_document")) {
        points.add(
            new io.docextract.model.Completion(
                "",
                io.docextract.model.StopReason.COMPLETE_JSON,
                d.path("prompt_tokens").asInt(),
                d.path("generated_tokens").asInt(),
                d.path("first_token_ms").asLong(),
                d.path("latency_ms").asLong()));
      }
      if (points.isEmpty()) {
        throw new CommandFailure(ExitCodes.BAD_CONFIG, f + " has no limit.per_document figures");
      }
      series.add(
          new CostPlot.Series(f.getFileName().toString().replaceFirst("\\.json$", ""), points));
    }
    Files.createDirectories(out);
    Path page = out.resolve("cost.html");
    Files.writeString(page, CostPlot.html("docextract: latency against document length", series));
    o.println("written: " + page);
    o.flush();
    return ExitCodes.OK;
  }

  /** One pass of the sweep: its name, the model settings and the requests it sends. */
  private record Variant(String name, ModelSettings settings, List<BenchPrompt> requests) {}

  private static ArrayNode sweep(ModelSettings base, PromptSet prompts, PrintWriter err)
      throws InterruptedException {
    ArrayNode rows = JsonLines.mapper().createArrayNode();
    List<Variant> variants =
        new ArrayList<>(
            List.of(
                new Variant(ONE_SLOT, base.withParallel(1), prompts.prompts()),
                new Variant("slots=2", base.withParallel(2), prompts.prompts()),
                new Variant("slots=4", base.withParallel(4), prompts.prompts()),
                new Variant("no prompt cache", base.withCachePrompt(false), prompts.prompts()),
                new Variant(NO_GRAMMAR, base, prompts.withoutGrammar())));
    // The same cores as one model with all the threads, or as one-thread copies side by side.
    int cores = base.threads() * base.replicas();
    if (cores > 1) {
      variants.add(
          new Variant(
              "1 copy x " + cores + " threads",
              base.withReplicas(1).withThreads(cores),
              prompts.prompts()));
      variants.add(
          new Variant(
              cores + " copies x 1 thread",
              base.withReplicas(cores).withThreads(1),
              prompts.prompts()));
    }
    if (prompts.decodesValues()) {
      variants.add(new Variant("whole object (decode: json)", base, prompts.wholeObject()));
    }
    if (base.lookup().on()) {
      variants.add(
          new Variant("no prompt lookup", base.withLookup(PromptLookup.OFF), prompts.prompts()));
      // Plain decoding, one token a pass, nothing constraining it: what llama-bench's tg times.
      variants.add(
          new Variant(
              "no grammar, no prompt lookup",
              base.withLookup(PromptLookup.OFF),
              prompts.withoutGrammar()));
    }
    for (Variant v : variants) {
      ModelSettings s = v.settings();
      err.printf("bench: sweep — %s%n", v.name());
      try (ModelRuntime runtime = ModelRuntime.acquire(s)) {
        LimitRun.Result r = LimitRun.run(runtime, v.requests(), s.maxTokens());
        ObjectNode row = LimitFigures.of(r, s.cachePrompt(), s.concurrency());
        row.put("variant", v.name());
        rows.add(row);
      }
      ModelRuntime.shutdownIdle();
    }
    return rows;
  }

  private static List<Path> localFiles(String glob) throws java.io.IOException {
    List<Path> files = new ArrayList<>();
    for (MatchResult.Metadata m : FileSystems.match(glob).metadata()) {
      files.add(Path.of(m.resourceId().toString().replaceFirst("^file:", "")));
    }
    files.sort(null);
    return files;
  }

  private static void print(PrintWriter o, ObjectNode r) {
    JsonNode l = r.get("limit");
    JsonNode p = r.get("pipeline_run");
    o.printf(
        "model %s%s, load %d ms%n",
        Path.of(r.get("model").asText()).getFileName(),
        r.get("adapter").isNull() ? "" : " + " + r.get("adapter").asText(),
        r.get("model_load_ms").asLong());
    o.printf(
        "tokens per document: prompt %.0f (shared prefix cached %.0f), generated %.1f%n",
        r.get("prompt_tokens_per_doc").asDouble(),
        r.get("cached_tokens_per_doc").asDouble(),
        r.get("gen_tokens_per_doc").asDouble());
    if (l.has("lookup_drafted_per_doc")) {
      o.printf(
          "prompt lookup per document: %.1f tokens drafted, %.1f accepted%n",
          l.get("lookup_drafted_per_doc").asDouble(), l.get("lookup_accepted_per_doc").asDouble());
    }
    o.println(
        "| run | docs | docs/min | prompt tok/wall-s | gen tok/wall-s | prompt eval tok/s"
            + " | answer tok/s | p50 ms | p95 ms | first token p50 ms |");
    o.println("|---|---|---|---|---|---|---|---|---|---|");
    row(o, "limit (runtime alone)", l);
    o.printf(
        "| pipeline (Beam, Tika) | %d | %.1f | | | | | %.0f | %.0f | |%n",
        p.get("model_requests").asLong(),
        p.get("model_docs_per_min").asDouble(),
        p.get("latency_ms_p50").asDouble(),
        p.get("latency_ms_p95").asDouble());
    if (r.has("sweep")) {
      for (JsonNode s : r.get("sweep")) {
        row(o, "limit, " + s.get("variant").asText(), s);
      }
    }
    if (r.has("llama_bench")) {
      o.println(LlamaBench.describe(r.get("llama_bench"), l));
    }
    JsonNode t = r.get("time_per_doc_ms");
    o.printf(
        "time per document: prompt %.0f ms, answer %.0f ms (runtime alone, per request);"
            + " Beam and Tika %+.0f ms (pipeline − limit)%s%n",
        t.get("prompt").asDouble(),
        t.get("answer").asDouble(),
        t.get("beam_and_tika").asDouble(),
        t.has("grammar_share")
            ? String.format(
                "; grammar %.0f %% of the runtime's time (sweep)",
                100 * t.get("grammar_share").asDouble())
            : "");
    o.printf(
        "pipeline/limit: %.3f (limit time ÷ pipeline time per document); pipeline %s;"
            + " peak RSS %s MB (limit and pipeline runs)%n",
        r.get("limit_over_pipeline").asDouble(),
        "records "
            + p.get("records")
            + ", review "
            + p.get("review")
            + " "
            + p.get("review_by_reason"),
        r.get("peak_rss_mb"));
  }

  // Sweep variants grammarShare compares.
  private static final String ONE_SLOT = "slots=1";
  private static final String NO_GRAMMAR = "no grammar";

  /** The share of the runtime's time the grammar costs: 1 − (docs/min with ÷ without it). */
  private static double grammarShare(ArrayNode sweep) {
    double with = 0;
    double without = 0;
    for (JsonNode row : sweep) {
      switch (row.get("variant").asText()) {
        case ONE_SLOT -> with = row.get("docs_per_min").asDouble();
        case NO_GRAMMAR -> without = row.get("docs_per_min").asDouble();
        default -> {}
      }
    }
    return without > 0 ? LimitFigures.round(1 - with / without, 3) : 0;
  }

  private static void row(PrintWriter o, String label, JsonNode f) {
    o.printf(
        "| %s | %d | %.1f | %.0f | %.1f | %.0f | %.1f | %.0f | %.0f | %.0f |%n",
        label,
        f.get("documents").asInt(),
        f.get("docs_per_min").asDouble(),
        f.get("prompt_tokens_per_s").asDouble(),
        f.get("gen_tokens_per_s").asDouble(),
        f.path("prompt_eval_tokens_per_s").asDouble(),
        f.path("answer_tokens_per_s").asDouble(),
        f.get("latency_ms_p50").asDouble(),
        f.get("latency_ms_p95").asDouble(),
        f.get("first_token_ms_p50").asDouble());
  }
}
