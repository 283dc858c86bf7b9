package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.catalog.Checksums;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.GoldTexts;
import io.docextract.eval.PromotionGate;
import io.docextract.finetune.NestedSample;
import io.docextract.finetune.PythonTrainer;
import io.docextract.finetune.TrainingSplit;
import io.docextract.ingest.DocumentParser;
import io.docextract.model.ModelRuntime;
import io.docextract.review.FinetuneExport;
import io.docextract.values.JsonLines;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract finetune}: a LoRA adapter for a pipeline's model, from labelled documents. */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = {
      "Train a LoRA adapter on labelled documents, with exactly the prompts the pipeline sends.",
      "Holds a seeded share apart for evaluation and never trains on documents of --exclude.",
      "The training itself runs in a Python venv set up on first use (finetune/requirements.txt).",
      "",
      "Example: docextract finetune --pipeline pipelines/receipt.yaml"
          + " --train ../shared/data/sroie-train-text/gold.jsonl --text --select :300"
          + " --out models/adapters/receipt-gemma3",
      "         docextract finetune --pipeline pipelines/receipt.yaml --from"
          + " models/adapters/receipt-gemma3 --train corrections.jsonl --text"
          + " --out models/adapters/receipt-gemma3-v2"
    })
public final class FinetuneCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(names = "--train", required = true, paramLabel = "GOLD")
  Path train;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(
      names = "--exclude",
      paramLabel = "GOLD",
      description = "gold files never to train on" + " (matched by document id and by text hash)")
  List<Path> exclude = new ArrayList<>();

  @Option(names = "--eval-split", defaultValue = "0.1")
  double evalSplit;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--epochs", defaultValue = "1")
  double epochs;

  @Option(names = "--max-steps", defaultValue = "0")
  int maxSteps;

  @Option(names = "--max-examples", defaultValue = "0")
  int maxExamples;

  @Option(names = "--lr", defaultValue = "1e-3")
  double lr;

  @Option(names = "--rank", defaultValue = "16")
  int rank;

  @Option(
      names = "--candidate-dropout",
      defaultValue = "0",
      paramLabel = "P",
      description =
          "leave a field's rule candidates out of a training prompt with probability P (per"
              + " document and field, seeded), so the adapter learns to read values the rules"
              + " miss; the eval examples keep every candidate")
  double candidateDropout;

  @Option(names = "--merge", paramLabel = "q8_0|f16", description = "also write a merged GGUF")
  String merge;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "ADAPTER",
      description =
          "continue training this adapter (its folder or adapter.gguf, with its training.json) on"
              + " the --train documents, replaying a seeded sample of what it was trained on")
  Path from;

  @Option(
      names = "--replay",
      defaultValue = "1.0",
      paramLabel = "R",
      description =
          "with --from: replayed earlier examples per new training example (default 1.0: as many"
              + " as the new ones, as far as there are)")
  double replay;

  @Option(
      names = "--sizes",
      split = ",",
      paramLabel = "N",
      description =
          "a learning curve: one adapter per number of training labels (nested seeded subsets of"
              + " the training split) under --out/labels-N, each scored on --held-apart")
  List<Integer> sizes = new ArrayList<>();

  @Option(
      names = "--held-apart",
      paramLabel = "GOLD",
      description = "with --sizes: the gold file every size is scored on (never trained on)")
  Path heldApart;

  @Option(
      names = "--held-apart-select",
      defaultValue = "all",
      paramLabel = "FROM:TO",
      description = "with --sizes: the slice of --held-apart to score on")
  String heldApartSelect;

  @Option(
      names = "--metric",
      defaultValue = "exact",
      paramLabel = "exact|f1",
      converter = PromoteCommand.MetricConverter.class,
      description =
          "with --sizes: how a held-apart field is scored, exact (default) or f1 (each value of a"
              + " list counted, the Kleister metric: use it for NDA parties)")
  PromotionGate.Metric metric;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  /** The pipeline, type and labelled texts, read once before any adapter is trained. */
  private JobConfig config;

  private DocumentTypeConfig docType;
  private Map<GoldDocument, String> texts;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    try {
      FinetuneExport.checkedDropout(candidateDropout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--candidate-dropout: " + e.getMessage());
    }
    // Training starts from the base model; the pipeline's adapter may be what this run writes.
    config = Pipelines.loadBaseModel(pipeline);
    docType = Pipelines.type(config, goldOptions.type);
    // The type's own base where it has one (a mixed pipeline's type).
    config = config.withDocumentTypes(List.of(docType));
    texts =
        GoldTexts.load(
            goldOptions.load(train), goldOptions.text, goldOptions.docs, config.parseLimits());
    Set<String> excludeIds = new HashSet<>();
    Set<String> excludeHashes = new HashSet<>();
    for (Path g : exclude) {
      List<GoldDocument> other = GoldSet.load(g);
      Map<GoldDocument, String> otherTexts =
          GoldTexts.load(
              other, other.stream().allMatch(GoldDocument::hasText), null, config.parseLimits());
      otherTexts.forEach(
          (d, t) -> {
            excludeIds.add(d.doc());
            excludeHashes.add(hash(t));
          });
    }
    if (heldApart != null) {
      // The documents a learning curve is scored on are never trained on (id or text).
      List<GoldDocument> held = GoldSet.slice(GoldSet.load(heldApart), heldApartSelect);
      GoldTexts.load(
              held, held.stream().allMatch(GoldDocument::hasText), null, config.parseLimits())
          .forEach(
              (d, t) -> {
                excludeIds.add(d.doc());
                excludeHashes.add(hash(t));
              });
    }
    List<TrainingSplit.Doc> all =
        texts.entrySet().stream()
            .map(e -> new TrainingSplit.Doc(e.getKey().doc(), hash(e.getValue())))
            .toList();
    TrainingSplit.Result split =
        TrainingSplit.split(all, evalSplit, seed, excludeIds, excludeHashes);
    o.printf(
        "documents: %d train, %d eval (seed %d), %d excluded%n",
        split.train().size(), split.eval().size(), seed, split.excluded().size());
    if (split.train().isEmpty()) {
      spec.commandLine().getErr().println("docextract: nothing left to train on");
      return ExitCodes.NO_INPUT;
    }

    if (replay < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--replay must be >= 0, got " + replay);
    }
    TrainingSources parent = from == null ? null : TrainingSources.read(from);
    Map<GoldDocument, String> replayed = Map.of();
    if (parent != null) {
      if (parent.baseSha256() != null
          && !parent.baseSha256().equalsIgnoreCase(config.model().modelSha256())) {
        throw new CommandFailure(
            ExitCodes.BAD_CONFIG,
            "--from: "
                + parent.adapter()
                + " was trained on base sha256 "
                + parent.baseSha256()
                + ", the pipeline's base is "
                + config.model().modelSha256());
      }
      replayed = replay(parent, all, split, excludeIds, excludeHashes, config);
      o.printf(
          "replay: %d of the %d documents %s was trained on (seed %d)%n",
          replayed.size(),
          parent.sources().stream().mapToInt(s -> s.ids().size()).sum(),
          parent.adapter(),
          seed);
    }

    if (!sizes.isEmpty()) {
      if (parent != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--sizes trains from the base model: drop --from");
      }
      return LearningCurveRun.run(
          this, config, docType, split, (dir, docs) -> train(dir, docs, split, Map.of(), null));
    }
    train(out, split.train(), split, replayed, parent);
    o.println(
        "adapter: " + out.resolve("adapter.gguf") + "; manifest: " + out.resolve("training.json"));
    return ExitCodes.OK;
  }

  /**
   * Renders {@code trainDocs} (and the replayed documents) and the split's eval documents as the
   * pipeline prompts them, trains an adapter into {@code dir} and writes its training.json. Returns
   * the trainer's last event.
   */
  JsonNode train(
      Path dir,
      List<TrainingSplit.Doc> trainDocs,
      TrainingSplit.Result split,
      Map<GoldDocument, String> replayed,
      TrainingSources parent)
      throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Files.createDirectories(dir);
    Path trainFile = dir.resolve("train.jsonl");
    Path evalFile = dir.resolve("eval.jsonl");
    try (ModelRuntime runtime = ModelRuntime.acquire(config.model())) {
      FinetuneExport export = new FinetuneExport(docType, runtime, config.maxPromptChars());
      write(
          trainFile,
          trainDocs,
          texts,
          export.withCandidateDropout(candidateDropout, seed),
          replayed);
      write(evalFile, split.eval(), texts, export, Map.of());
    }

    PythonTrainer trainer = new PythonTrainer(Path.of("finetune"));
    o.println("setting up the Python environment (first use takes a few minutes)...");
    o.flush();
    trainer.setup(line -> {});
    List<String> args =
        new ArrayList<>(
            List.of(
                "--base",
                config.model().modelPath(),
                "--train",
                trainFile.toString(),
                "--out",
                dir.toString(),
                "--epochs",
                String.valueOf(epochs),
                "--seed",
                String.valueOf(seed),
                "--lr",
                String.valueOf(lr),
                "--rank",
                String.valueOf(rank),
                "--threads",
                String.valueOf(config.model().threads())));
    if (!split.eval().isEmpty()) {
      args.addAll(List.of("--eval", evalFile.toString()));
    }
    if (maxSteps > 0) {
      args.addAll(List.of("--max-steps", String.valueOf(maxSteps)));
    }
    if (maxExamples > 0) {
      args.addAll(List.of("--max-examples", String.valueOf(maxExamples)));
    }
    if (merge != null) {
      args.addAll(List.of("--merge", merge));
    }
    if (parent != null) {
      args.addAll(List.of("--init-adapter", parent.adapter().toString()));
    }
    JsonNode done = trainer.train(args, line -> {}, event -> progress(o, event));
    ObjectNode manifest = JsonLines.mapper().createObjectNode();
    manifest.put("pipeline", pipeline.toString());
    manifest.put("document_type", docType.name());
    manifest.put("base_model", config.model().modelPath());
    manifest.put("base_sha256", config.model().modelSha256());
    manifest.put("gold", train.toString());
    manifest.put("select", goldOptions.select);
    manifest.put("given_text", goldOptions.text);
    manifest.put("seed", seed);
    manifest.put("eval_split", evalSplit);
    manifest.put("candidate_dropout", candidateDropout);
    manifest.put("train_sha256", Checksums.sha256(trainFile));
    manifest.put("eval_sha256", Checksums.sha256(evalFile));
    manifest.putPOJO("train_ids", trainDocs.stream().map(TrainingSplit.Doc::id).toList());
    manifest.putPOJO("eval_ids", split.eval().stream().map(TrainingSplit.Doc::id).toList());
    manifest.putPOJO("excluded_ids", split.excluded().stream().map(TrainingSplit.Doc::id).toList());
    manifest.put("prompt_hash", docType.promptHash());
    // The adapter's version and lineage: what it continues, what it replayed, and every document
    // it has been trained on so far (what a later --from replays).
    manifest.put("version", parent == null ? 1 : parent.version() + 1);
    List<TrainingSources.Source> sources = new ArrayList<>();
    if (parent != null) {
      sources.addAll(parent.sources());
      manifest
          .putObject("from")
          .put("adapter", parent.adapter().toString())
          .put("adapter_sha256", parent.adapterSha256())
          .put("version", parent.version());
      manifest.put("replay_ratio", replay);
      manifest.putPOJO("replay_ids", replayed.keySet().stream().map(GoldDocument::doc).toList());
    }
    sources.add(
        new TrainingSources.Source(
            train.toString(),
            goldOptions.select,
            goldOptions.text,
            trainDocs.stream().map(TrainingSplit.Doc::id).toList()));
    manifest.set("sources", TrainingSources.json(sources));
    Path adapter = dir.resolve("adapter.gguf");
    if (Files.isRegularFile(adapter)) {
      manifest.put("adapter_sha256", Checksums.sha256(adapter));
    }
    manifest.set("trainer", done);
    Files.writeString(
        dir.resolve("training.json"),
        JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
    return done;
  }

  /** The new documents of {@code docs}, then the replayed ones, as training examples. */
  private static void write(
      Path file,
      List<TrainingSplit.Doc> docs,
      Map<GoldDocument, String> texts,
      FinetuneExport export,
      Map<GoldDocument, String> replayed)
      throws java.io.IOException {
    Set<String> ids = docs.stream().map(TrainingSplit.Doc::id).collect(Collectors.toSet());
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (Map.Entry<GoldDocument, String> e : texts.entrySet()) {
        if (ids.contains(e.getKey().doc())) {
          w.write(export.example(e.getKey().doc(), e.getValue(), e.getKey().fields()).toString());
          w.newLine();
        }
      }
      // The trainer shuffles every epoch with the seed, so appended replay mixes in.
      for (Map.Entry<GoldDocument, String> e : replayed.entrySet()) {
        w.write(export.example(e.getKey().doc(), e.getValue(), e.getKey().fields()).toString());
        w.newLine();
      }
    }
  }

  /**
   * The earlier documents trained on again: a seeded nested sample of {@code replay} per new
   * training document, none of which is a new document (by id or text: the correction wins) or
   * excluded.
   */
  private Map<GoldDocument, String> replay(
      TrainingSources parent,
      List<TrainingSplit.Doc> newDocs,
      TrainingSplit.Result split,
      Set<String> excludeIds,
      Set<String> excludeHashes,
      JobConfig config)
      throws java.io.IOException {
    Map<GoldDocument, String> earlier = parent.documents(config.parseLimits());
    Set<String> ids = new HashSet<>(excludeIds);
    Set<String> hashes = new HashSet<>(excludeHashes);
    newDocs.forEach(
        d -> {
          ids.add(d.id());
          hashes.add(d.contentSha256());
        });
    Map<String, GoldDocument> byId = new java.util.LinkedHashMap<>();
    List<TrainingSplit.Doc> docs = new ArrayList<>();
    earlier.forEach(
        (g, t) -> {
          byId.put(g.doc(), g);
          docs.add(new TrainingSplit.Doc(g.doc(), hash(t)));
        });
    int count = (int) Math.round(replay * split.train().size());
    Map<GoldDocument, String> out = new java.util.LinkedHashMap<>();
    for (TrainingSplit.Doc d : NestedSample.pick(docs, count, seed, ids, hashes)) {
      GoldDocument g = byId.get(d.id());
      out.put(g, earlier.get(g));
    }
    return out;
  }

  private static void progress(PrintWriter o, JsonNode e) {
    if ("step".equals(e.path("event").asText())) {
      o.printf(
          "step %d/%d  loss %.4f  %.2f examples/s  ETA %.0f s%n",
          e.path("step").asInt(),
          e.path("total_steps").asInt(),
          e.path("loss").asDouble(),
          e.path("examples_per_s").asDouble(),
          e.path("eta_s").asDouble());
    } else {
      o.println(e.toString());
    }
    o.flush();
  }

  private static String hash(String text) {
    return DocumentParser.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
