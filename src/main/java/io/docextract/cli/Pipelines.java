package io.docextract.cli;

import io.docextract.catalog.ModelStore;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.InvalidPipelineException;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import java.nio.file.Path;

/** Loading a pipeline file for a command, with failures mapped to exit codes once. */
final class Pipelines {

  private Pipelines() {}

  /** The checked job; {@code model} (a catalogue name or a path) replaces the file's if set. */
  static JobConfig load(Path pipeline, String model) {
    return load(new PipelineLoader(ModelStore.fromEnvironment()), pipeline, model);
  }

  /** The checked job with base + adapter even where a merged model was built (to compare). */
  static JobConfig loadIgnoringMerged(Path pipeline) {
    return load(new PipelineLoader(ModelStore.fromEnvironment()).ignoringMerged(), pipeline, null);
  }

  /** The checked job with its base model only: for training, before the adapter exists. */
  static JobConfig loadBaseModel(Path pipeline) {
    return load(new PipelineLoader(ModelStore.fromEnvironment()).baseModelOnly(), pipeline, null);
  }

  private static JobConfig load(PipelineLoader loader, Path pipeline, String model) {
    try {
      return loader.load(pipeline, model);
    } catch (InvalidPipelineException e) {
      throw new CommandFailure(
          e.modelProblem() ? ExitCodes.MODEL_UNAVAILABLE : ExitCodes.BAD_CONFIG, e.getMessage());
    }
  }

  /** The named document type, or the first when no name is given. */
  static DocumentTypeConfig type(JobConfig config, String name) {
    return config.documentTypes().stream()
        .filter(t -> name == null || t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new CommandFailure(
                    ExitCodes.BAD_CONFIG,
                    config.pipelineFile() + " has no document type '" + name + "'"));
  }
}
