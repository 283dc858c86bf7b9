package io.docextract.cli;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.eval.Coverage;
import io.docextract.eval.EvalItem;
import io.docextract.eval.PooledDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract calibrate}: choose a type's accept threshold on the pooled per-document results
 * of earlier evals, where one tune slice is too few documents to choose it on.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Choose the accept threshold on the per-document results of several earlier evals"
          + " (each --out folder's documents.jsonl), pooled: the held-out folds of a"
          + " cross-fitted model, or several rounds of reviewed documents. Prints the"
          + " coverage table and the calibration of the pooled confidences.",
      "",
      "Example: docextract calibrate --pipeline pipelines/receipt.yaml"
          + " --from out/fold0,out/fold1,out/fold2 --write-pipeline out/receipt.yaml"
    })
public final class CalibrateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(names = "--type", paramLabel = "NAME", description = "document type (default: the first)")
  String type;

  @Option(
      names = "--from",
      required = true,
      split = ",",
      paramLabel = "DIR",
      description = "eval --out folders (or their documents.jsonl), one model's results each")
  List<Path> from;

  @CommandLine.Mixin ThresholdOptions threshold = new ThresholdOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DocumentTypeConfig docType = Pipelines.type(Pipelines.loadBaseModel(pipeline), type);
    List<EvalItem> items;
    try {
      items = PooledDocuments.read(from);
    } catch (IOException e) {
      err.println("docextract: " + e.getMessage());
      return ExitCodes.BAD_CONFIG;
    }
    if (items.isEmpty()) {
      err.println("docextract: no documents in " + from);
      return ExitCodes.NO_INPUT;
    }
    Coverage c =
        Coverage.of(
            PooledDocuments.SYSTEM, items, docType.fieldNormalisers(), threshold.targetPrecision);
    String measuredOn = items.size() + " documents pooled from " + from.size() + " evals";
    out.println("## " + docType.name() + " — " + measuredOn + " (" + from + ")");
    out.println(c.markdown());
    out.flush();
    if (threshold.writePipeline == null) {
      return ExitCodes.OK;
    }
    return threshold.write(c, pipeline, docType.name(), measuredOn, "(" + from + ")", out, err);
  }
}
