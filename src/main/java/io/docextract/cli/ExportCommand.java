package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldTexts;
import io.docextract.model.ModelRuntime;
import io.docextract.review.FinetuneExport;
import io.docextract.review.LabelStudio;
import io.docextract.review.QueueFiles;
import io.docextract.review.QueuedItem;
import io.docextract.review.ReviewQueue;
import io.docextract.values.JsonLines;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract review export}: a run's review queue for people (jsonl, csv, label-studio), or
 * labelled documents as training examples (finetune).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a run's review queue for people to correct (--run DIR; formats jsonl, csv,"
          + " label-studio: tasks JSON plus <out>.config.xml, the labeling config), or labelled"
          + " documents as fine-tuning examples (--gold; format finetune).",
      "",
      "Example: docextract review export --format label-studio --pipeline pipelines/receipt.yaml"
          + " --run out/receipt --out out/review-tasks.json",
      "         docextract review export --format finetune --pipeline pipelines/receipt.yaml"
          + " --gold ../shared/data/sroie-train-text/gold.jsonl --text --out out/receipts.jsonl"
    })
public final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "jsonl, csv, label-studio (a run's review queue) or finetune (a gold file)")
  String format;

  @Option(
      names = "--run",
      paramLabel = "DIR",
      description = "a run's output folder (review*.jsonl)")
  Path run;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(names = "--gold", paramLabel = "FILE")
  Path gold;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (List.of("jsonl", "csv", "label-studio").contains(format)) {
      return exportQueue();
    }
    if (!format.equals("finetune")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown --format '" + format + "'; known: jsonl, csv, label-studio, finetune");
    }
    if (gold == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format finetune needs --gold");
    }
    JobConfig config = Pipelines.load(pipeline, null);
    DocumentTypeConfig docType = Pipelines.type(config, goldOptions.type);
    // Rendered with the type's own model (its template) where it has one.
    config = config.withDocumentTypes(List.of(docType));
    Map<GoldDocument, String> texts =
        GoldTexts.load(
            goldOptions.load(gold), goldOptions.text, goldOptions.docs, config.parseLimits());
    int n = 0;
    try (ModelRuntime runtime = ModelRuntime.acquire(config.model())) {
      FinetuneExport export = new FinetuneExport(docType, runtime, config.maxPromptChars());
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      try (BufferedWriter w = Files.newBufferedWriter(out)) {
        for (Map.Entry<GoldDocument, String> e : texts.entrySet()) {
          w.write(export.example(e.getKey().doc(), e.getValue(), e.getKey().fields()).toString());
          w.newLine();
          n++;
        }
      }
    }
    spec.commandLine().getOut().println("wrote " + n + " examples to " + out);
    return ExitCodes.OK;
  }

  private int exportQueue() throws Exception {
    if (run == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format " + format + " needs --run (a run's output folder)");
    }
    JobConfig config = Pipelines.load(pipeline, null);
    DocumentTypeConfig docType = Pipelines.type(config, goldOptions.type);
    // The model version named in the tasks is the type's own.
    config = config.withDocumentTypes(List.of(docType));
    JsonNode schema = docType.schema().tree();
    List<QueuedItem> items =
        ReviewQueue.read(run, config).stream()
            .filter(
                q ->
                    q.item().path("document_type").asText(docType.name()).equals(docType.name())
                        || q.item().path("document_type").isNull())
            .toList();
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    switch (format) {
      case "jsonl" -> QueueFiles.writeJsonLines(items, out);
      case "csv" -> QueueFiles.writeCsv(items, out, schema);
      default -> {
        String version =
            config.model().modelSha256().substring(0, 12)
                + (config.model().adapterSha256() == null
                    ? ""
                    : "+" + config.model().adapterSha256().substring(0, 12));
        ArrayNode tasks = JsonLines.mapper().createArrayNode();
        for (int i = 0; i < items.size(); i++) {
          tasks.add(LabelStudio.task(items.get(i), i + 1, version, schema));
        }
        JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), tasks);
        Path xml = out.resolveSibling(out.getFileName() + ".config.xml");
        Files.writeString(xml, LabelStudio.config(schema));
        spec.commandLine().getOut().println("labeling config: " + xml);
      }
    }
    spec.commandLine()
        .getOut()
        .println(
            "wrote " + items.size() + " review items of type " + docType.name() + " to " + out);
    return ExitCodes.OK;
  }
}
