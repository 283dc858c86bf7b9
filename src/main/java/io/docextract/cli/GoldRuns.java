package io.docextract.cli;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.FieldConfidences;
import io.docextract.eval.Prediction;
import io.docextract.pipeline.EvaluationJob;
import io.docextract.pipeline.JobPreflight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * One configured pipeline run over materialised gold documents, as eval and promote both need it:
 * only the given type (so the classifier cannot send a document elsewhere), its own output folder,
 * the preflight, the real job, and the predictions read back per input file with their per-field
 * confidences.
 */
final class GoldRuns {

  /** The predictions by input file name, the job's result and how many inputs it read. */
  record Run(Map<String, Prediction> byFile, EvaluationJob.Result result, long inputs) {}

  private GoldRuns() {}

  static Run run(
      JobConfig config,
      DocumentTypeConfig docType,
      Path inputs,
      Path output,
      PipelineOptions options)
      throws IOException {
    JobConfig c =
        config
            .withInput(inputs.toAbsolutePath() + "/*")
            .withOutput(output.toString())
            .withDocumentTypes(List.of(docType.withMatch(List.of())));
    JobPreflight.Result pre = JobPreflight.check(c, options);
    if (!pre.ok()) {
      throw new CommandFailure(ExitCodes.BAD_CONFIG, pre.message());
    }
    EvaluationJob.Result r = EvaluationJob.run(c, options, pre.inputs());
    List<String> runFiles = new ArrayList<>(r.summary().recordFiles());
    runFiles.addAll(r.summary().reviewFiles());
    return new Run(
        FieldConfidences.attach(r.byFile(), FieldConfidences.read(runFiles)), r, pre.inputs());
  }

  /** A folder name for a system's run, from its label. */
  static String folder(String label) {
    return label.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
