package io.docextract.cli;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldTexts;
import io.docextract.model.ModelRuntime;
import io.docextract.review.FinetuneExport;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract review export --format finetune}: labelled documents as training examples. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write labelled documents as fine-tuning examples (chat messages, the exact prompt the"
          + " runtime sends, and the target JSON), one JSON object per line.",
      "",
      "Example: docextract review export --format finetune --pipeline pipelines/receipt.yaml"
          + " --gold ../shared/data/sroie-train-text/gold.jsonl --text --out out/receipts.jsonl"
    })
public final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "finetune (the only format so far)")
  String format;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE") Path pipeline;

  @Option(names = "--gold", required = true, paramLabel = "FILE") Path gold;





  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("finetune")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown --format '" + format + "'; known: finetune");
    }
    JobConfig config = Pipelines.load(pipeline, null);
    DocumentTypeConfig docType = Pipelines.type(config, goldOptions.type);
    Map<GoldDocument, String> texts =
        GoldTexts.load(goldOptions.load(gold), goldOptions.text, goldOptions.docs);
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
}
