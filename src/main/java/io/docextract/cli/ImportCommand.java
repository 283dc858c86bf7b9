package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.ingest.DocumentTexts;
import io.docextract.review.Correction;
import io.docextract.review.LabelStudio;
import io.docextract.review.QueueFiles;
import io.docextract.review.ReviewQueue;
import io.docextract.values.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract review import}: corrected review items back as gold and records. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Read corrected review items (Label Studio's JSON export, or edited jsonl/csv from review"
          + " export) and write <out>/gold.jsonl with the texts in <out>/texts/ (the evaluation"
          + " format: eval and finetune read it with --text) and <out>/records.jsonl.",
      "",
      "Example: docextract review import --format label-studio --pipeline pipelines/receipt.yaml"
          + " --in export.json --out out/corrected"
    })
public final class ImportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "label-studio, jsonl or csv")
  String format;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(names = "--type", paramLabel = "NAME", description = "document type (default: the first)")
  String type;

  @Option(names = "--in", required = true, paramLabel = "FILE")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Override
  public Integer call() throws Exception {
    JobConfig config = Pipelines.load(pipeline, null);
    DocumentTypeConfig docType = Pipelines.type(config, type);
    JsonNode schema = docType.schema().tree();
    List<Correction> corrections = new ArrayList<>();
    int skipped = 0;
    switch (format) {
      case "label-studio" -> {
        for (JsonNode task : JsonLines.mapper().readTree(in.toFile())) {
          var fields = LabelStudio.corrected(task, schema);
          if (fields.isEmpty()) {
            skipped++;
            continue;
          }
          JsonNode d = task.path("data");
          corrections.add(
              new Correction(
                  d.path("doc_id").asText(),
                  d.path("source").asText(),
                  d.path("document_type").asText(docType.name()),
                  d.path("text").asText(""),
                  fields.get()));
        }
      }
      case "jsonl" -> corrections.addAll(QueueFiles.readJsonLines(in, schema));
      case "csv" -> {
        // The rows carry no text: each source is parsed again, as the run parsed it.
        try (DocumentTexts texts = new DocumentTexts(config.parseLimits())) {
          corrections.addAll(
              QueueFiles.readCsv(
                  in,
                  schema,
                  source -> {
                    String text =
                        ReviewQueue.textOf(
                            texts, source, t -> docType.fitText(t, config.maxPromptChars()));
                    return text == null ? "" : text;
                  }));
        }
      }
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "unknown --format '" + format + "'; known: label-studio, jsonl, csv");
    }
    Files.createDirectories(out);
    Correction.write(corrections, out.resolve("gold.jsonl"), out.resolve("records.jsonl"));
    spec.commandLine()
        .getOut()
        .printf(
            "imported %d corrected documents (%d tasks without an"
                + " annotation left out) into %s and %s%n",
            corrections.size(), skipped, out.resolve("gold.jsonl"), out.resolve("records.jsonl"));
    return ExitCodes.OK;
  }
}
