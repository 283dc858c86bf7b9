package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.catalog.Checksums;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.FieldScore;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.PipelineAdapter;
import io.docextract.eval.Prediction;
import io.docextract.eval.PromotionGate;
import io.docextract.eval.PromotionReport;
import io.docextract.eval.Scorer;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract promote}: a new adapter replaces the pipeline's only when it is better. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline with its current adapter (the champion) and with the challenger on the"
          + " same held-apart gold documents; point the pipeline file at the challenger only when"
          + " it is better beyond noise (paired bootstrap over documents) and worse on no field"
          + " (exact McNemar test per field). Writes promote.json and promote.md either way; a"
          + " refused challenger changes nothing (exit code 6).",
      "",
      "Example: docextract promote --pipeline pipelines/variants/receipt-smollm2.yaml"
          + " --challenger models/adapters/receipt-smollm2-v2"
          + " --gold ../shared/data/sroie-train-text/gold.jsonl --text --select 300:"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the challenger was promoted (or would be, with --dry-run)",
      "6:the challenger was refused; the pipeline file is unchanged"
    })
public final class PromoteCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(
      names = "--challenger",
      required = true,
      paramLabel = "ADAPTER",
      description = "the new LoRA adapter: its adapter.gguf or the folder holding it")
  Path challenger;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "held-apart gold JSON lines, never trained on by either adapter")
  Path gold;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      paramLabel = "A",
      description = "level of the per-field test that the challenger is worse (default 0.05)")
  double alpha;

  @Option(
      names = "--metric",
      defaultValue = "exact",
      paramLabel = "exact|f1",
      converter = MetricConverter.class,
      description =
          "how a document's field is scored: exact (0/1, default) or f1 (list values each"
              + " counted, the Kleister metric: use it for NDA parties)")
  PromotionGate.Metric metric;

  /** "exact" or "f1", as users type them. */
  static final class MetricConverter implements CommandLine.ITypeConverter<PromotionGate.Metric> {
    @Override
    public PromotionGate.Metric convert(String value) {
      return PromotionGate.Metric.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Option(names = "--dry-run", description = "decide and report; leave the pipeline file alone")
  boolean dryRun;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/promote")
  Path out;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path adapter = Files.isDirectory(challenger) ? challenger.resolve("adapter.gguf") : challenger;
    if (!Files.isRegularFile(adapter)) {
      throw new CommandFailure(ExitCodes.BAD_CONFIG, "--challenger: no adapter at " + adapter);
    }
    // Both systems as base + adapter: a merged champion against an unmerged challenger would
    // compare quantisations as well as adapters.
    JobConfig champion = Pipelines.loadIgnoringMerged(pipeline);
    DocumentTypeConfig type = Pipelines.type(champion, goldOptions.type);
    ModelSettings championModel = type.modelOr(champion.model());
    String challengerSha = Checksums.sha256(adapter);
    checkBase(adapter, championModel.modelSha256());
    if (challengerSha.equals(championModel.adapterSha256())) {
      throw new CommandFailure(
          ExitCodes.BAD_CONFIG, "the challenger " + adapter + " is the pipeline's adapter already");
    }
    String original = Files.readString(pipeline);
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    String previous = championModel.adapterPath() == null ? "none" : championModel.adapterPath();
    String promoted;
    try {
      promoted =
          PipelineAdapter.apply(
              original,
              type.name(),
              adapter.toString(),
              challengerSha,
              PipelineAdapter.comment(date, out.resolve("promote.md").toString(), previous));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.BAD_CONFIG, pipeline + ": " + e.getMessage());
    }
    Files.createDirectories(out);
    // The challenger is evaluated as exactly the file a promotion would write.
    Path challengerFile = out.resolve("challenger.yaml");
    Files.writeString(challengerFile, promoted);
    JobConfig challengerConfig = Pipelines.loadIgnoringMerged(challengerFile);
    DocumentTypeConfig challengerType = Pipelines.type(challengerConfig, type.name());

    List<GoldDocument> goldDocs;
    try {
      goldDocs = goldOptions.load(gold);
    } catch (IOException | IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.BAD_CONFIG, e.getMessage());
    }
    if (goldDocs.isEmpty()) {
      throw new CommandFailure(
          ExitCodes.NO_INPUT, "no gold documents selected from " + gold + " with " + describe());
    }
    Path inputs = out.resolve("inputs");
    Map<String, GoldDocument> byFile = goldOptions.materialise(goldDocs, inputs);
    List<Map<String, FieldScore>> championScores =
        score(champion, type, "champion", inputs, byFile, err);
    List<Map<String, FieldScore>> challengerScores =
        score(challengerConfig, challengerType, "challenger", inputs, byFile, err);

    PromotionGate.Decision d =
        PromotionGate.decide(
            championScores,
            challengerScores,
            List.copyOf(type.fieldNormalisers().keySet()),
            alpha,
            metric);
    String action;
    if (!d.promote()) {
      action = "refused: " + pipeline + " unchanged";
    } else if (dryRun) {
      action = "would promote (--dry-run): " + pipeline + " unchanged";
    } else {
      Path backup = out.resolve(pipeline.getFileName() + ".before-" + date + ".yaml");
      Files.copy(pipeline, backup, StandardCopyOption.REPLACE_EXISTING);
      Path tmp = pipeline.resolveSibling(pipeline.getFileName() + ".promote.tmp");
      Files.writeString(tmp, promoted);
      Files.move(
          tmp, pipeline, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      action =
          "promoted: " + pipeline + " now names " + adapter + " (previous file: " + backup + ")";
    }
    PromotionReport report =
        new PromotionReport(
            pipeline.toString(),
            type.name(),
            previous,
            championModel.adapterSha256(),
            adapter.toString(),
            challengerSha,
            gold + " [" + describe() + "]" + (goldOptions.text ? ", given text" : ""),
            d,
            action);
    // The challenger's folder keeps its held-apart figures and the verdict (the champion's
    // folder is left alone: it may be a shipped adapter; its figures are in the report).
    ObjectNode entry = JsonLines.mapper().createObjectNode();
    entry.put("date", date);
    entry.put("by", "docextract promote");
    entry.put("pipeline", pipeline.toString());
    entry.put("documents", report.documents());
    entry.put("document_count", d.documents());
    entry.put(d.metric().key(), d.challenger());
    ObjectNode perField = entry.putObject("fields");
    d.fields().forEach(f -> perField.put(f.field(), f.challenger()));
    entry.put("champion_sha256", championModel.adapterSha256());
    entry.put("champion_" + d.metric().key(), d.champion());
    entry.put("decision", d.promote() ? "promoted" : "refused");
    entry.put("report", out.resolve("promote.json").toString());
    HeldApartScores.record(adapter, entry)
        .ifPresent(f -> err.println("promote: held-apart scores added to " + f));
    Files.writeString(out.resolve("promote.md"), report.markdown());
    Files.writeString(
        out.resolve("promote.json"),
        JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
    o.println(report.markdown());
    o.println("written: " + out.resolve("promote.md") + ", " + out.resolve("promote.json"));
    o.flush();
    return d.promote() ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private String describe() {
    return goldOptions.describe();
  }

  /** Each gold document's per-field scores for one system, in the gold's order. */
  private List<Map<String, FieldScore>> score(
      JobConfig config,
      DocumentTypeConfig type,
      String label,
      Path inputs,
      Map<String, GoldDocument> byFile,
      PrintWriter err)
      throws IOException {
    // One model in memory at a time: the two systems share a base but not an adapter.
    ModelRuntime.shutdownIdle();
    GoldRuns.Run run =
        GoldRuns.run(
            config, type, inputs, out.resolve("runs").resolve(label), BeamOptions.parse(beamArgs));
    err.printf(
        "promote: %s done in %.1f s (%.1f docs/min)%n",
        label, run.result().summary().wallSeconds(), run.result().summary().docsPerMinute());
    err.flush();
    Scorer scorer = new Scorer(type.fieldNormalisers());
    List<Map<String, FieldScore>> scores = new ArrayList<>();
    byFile.forEach(
        (file, g) ->
            scores.add(
                scorer.add(
                    g.fields(), run.byFile().getOrDefault(file, Prediction.missing()).fields())));
    return scores;
  }

  /**
   * Refuses an adapter trained on another base, as its training.json (docextract finetune) or
   * manifest.json (the trainer) records it: llama.cpp would load it and answer nonsense.
   */
  private static void checkBase(Path adapter, String baseSha256) throws IOException {
    Path dir = adapter.toAbsolutePath().getParent();
    for (String[] where :
        List.of(
            new String[] {"training.json", "/base_sha256"},
            new String[] {"manifest.json", "/base/sha256"})) {
      Path f = dir.resolve(where[0]);
      if (!Files.isRegularFile(f)) {
        continue;
      }
      JsonNode trained = JsonLines.mapper().readTree(f.toFile()).at(where[1]);
      if (trained.isTextual() && !trained.asText().equalsIgnoreCase(baseSha256)) {
        throw new CommandFailure(
            ExitCodes.BAD_CONFIG,
            adapter
                + " was trained on base sha256 "
                + trained.asText()
                + " ("
                + f
                + "), the pipeline's base is "
                + baseSha256);
      }
    }
  }
}
