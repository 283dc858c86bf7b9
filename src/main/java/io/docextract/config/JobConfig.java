package io.docextract.config;

import io.docextract.classify.Classification;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.ModelSettings;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a run needs, checked and resolved: the model file is local and its checksum known,
 * schemas are loaded, globs are absolute. Serializable, so workers of any runner get a copy. {@code
 * escalation} is null when the pipeline names no second tier; {@code classification} is null when
 * types are told apart by path alone. {@code endpoint}, when not null, answers the first tier
 * instead of loading {@code model} in the workers (a server holding the model, a GPU box).
 */
public record JobConfig(
    String name,
    String pipelineFile,
    String input,
    String output,
    String review,
    ModelSettings model,
    int batchSize,
    ParseLimits parseLimits,
    int maxPromptChars,
    List<DocumentTypeConfig> documentTypes,
    Escalation escalation,
    Classification classification,
    EndpointSettings endpoint)
    implements Serializable {

  public JobConfig {
    documentTypes = List.copyOf(documentTypes);
  }

  /** A job whose first tier is the model in-process. */
  public JobConfig(
      String name,
      String pipelineFile,
      String input,
      String output,
      String review,
      ModelSettings model,
      int batchSize,
      ParseLimits parseLimits,
      int maxPromptChars,
      List<DocumentTypeConfig> documentTypes,
      Escalation escalation,
      Classification classification) {
    this(
        name,
        pipelineFile,
        input,
        output,
        review,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        classification,
        null);
  }

  /** A job whose document types are told apart by path alone. */
  public JobConfig(
      String name,
      String pipelineFile,
      String input,
      String output,
      String review,
      ModelSettings model,
      int batchSize,
      ParseLimits parseLimits,
      int maxPromptChars,
      List<DocumentTypeConfig> documentTypes,
      Escalation escalation) {
    this(
        name,
        pipelineFile,
        input,
        output,
        review,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        null,
        null);
  }

  public JobConfig withInput(String glob) {
    return new JobConfig(
        name,
        pipelineFile,
        glob,
        output,
        review,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        classification,
        endpoint);
  }

  public JobConfig withOutput(String dir) {
    return new JobConfig(
        name,
        pipelineFile,
        input,
        dir,
        dir,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        classification,
        endpoint);
  }

  /**
   * The job for these types alone. When they all have the same own model (one type picked out for
   * eval, bench, finetune or merge), that model becomes the job's: the type is measured and tuned
   * with the model it runs with.
   */
  public JobConfig withDocumentTypes(List<DocumentTypeConfig> types) {
    ModelSettings own = types.isEmpty() ? null : types.get(0).model();
    boolean shared = own != null && types.stream().allMatch(t -> own.equals(t.model()));
    return new JobConfig(
        name,
        pipelineFile,
        input,
        output,
        review,
        shared ? own : model,
        batchSize,
        parseLimits,
        maxPromptChars,
        shared ? types.stream().map(t -> t.withModel(null)).toList() : types,
        escalation,
        classification,
        endpoint);
  }

  /** The model a document of this type goes to. */
  public ModelSettings modelFor(String documentType) {
    for (DocumentTypeConfig t : documentTypes) {
      if (t.name().equals(documentType)) {
        return t.modelOr(model);
      }
    }
    return model;
  }

  public JobConfig withModel(ModelSettings settings) {
    return new JobConfig(
        name,
        pipelineFile,
        input,
        output,
        review,
        settings,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        classification,
        endpoint);
  }

  /** The job with its first tier answered by this endpoint (null: the model in-process). */
  public JobConfig withEndpoint(EndpointSettings settings) {
    return new JobConfig(
        name,
        pipelineFile,
        input,
        output,
        review,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        documentTypes,
        escalation,
        classification,
        settings);
  }

  /** The text the model is shown of a document of the named type (its opening when unknown). */
  public String fitText(String documentType, String text) {
    for (DocumentTypeConfig t : documentTypes) {
      if (t.name().equals(documentType)) {
        return t.fitText(text, maxPromptChars);
      }
    }
    return io.docextract.model.ExtractionPrompt.clip(text, maxPromptChars);
  }
}
