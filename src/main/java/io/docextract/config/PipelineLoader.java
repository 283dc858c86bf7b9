package io.docextract.config;

import static io.docextract.config.Sections.require;

import io.docextract.catalog.ModelStore;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.ModelSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a pipeline file and refuses it, naming the file and the key, before anything runs: unknown
 * keys, missing or invalid schemas, examples that break their schema, impossible model settings. It
 * assembles the job from the sections, each parsed by its own class next to the value it builds
 * (ModelSection, DocumentTypeSection, ReviewSection, LongTextSection, LimitsSection,
 * EscalationSection, ClassifySection); defaults are in {@link Defaults}.
 */
public final class PipelineLoader {

  private final ModelStore store;
  private final ModelSection models;

  public PipelineLoader(ModelStore models) {
    this(models, true, true);
  }

  private PipelineLoader(ModelStore models, boolean useMerged, boolean useAdapter) {
    this.store = models;
    this.models = new ModelSection(models, useMerged, useAdapter);
  }

  /** A loader that keeps base + adapter even where a merged model exists (to build one). */
  public PipelineLoader ignoringMerged() {
    return new PipelineLoader(store, false, models.useAdapter());
  }

  /** A loader for training: the base model alone; the adapter need not exist yet. */
  public PipelineLoader baseModelOnly() {
    return new PipelineLoader(store, false, false);
  }

  /** Reads and checks the file; {@code modelOverride} replaces the file's model path if set. */
  public JobConfig load(Path file, String modelOverride) throws InvalidPipelineException {
    PipelineDefinition def = PipelineYaml.read(file);
    String where = file.toString();
    require(def.name(), where, "name");
    require(def.input(), where, "input");
    require(def.output(), where, "output");
    if (def.documentTypes() == null || def.documentTypes().isEmpty()) {
      throw new InvalidPipelineException(where + ": 'documentTypes' must list at least one type");
    }
    List<DocumentTypeConfig> types = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < def.documentTypes().size(); i++) {
      PipelineDefinition.DocumentType t = def.documentTypes().get(i);
      DocumentTypeConfig type =
          t.from() != null
              ? typeFrom(t, where + ": documentTypes[" + i + "]", modelOverride)
              : DocumentTypeSection.documentType(t, where, i);
      if (!names.add(type.name())) {
        throw new InvalidPipelineException(
            where + ": documentTypes[" + i + "].name '" + type.name() + "' is used twice");
      }
      types.add(type);
    }
    ParseLimits parseLimits;
    int maxPromptChars;
    try {
      parseLimits = LimitsSection.parseLimits(def.limits());
      maxPromptChars = LimitsSection.maxPromptChars(def.limits());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": limits: " + e.getMessage());
    }
    int batchSize = def.batchSize() == null ? Defaults.BATCH_SIZE : def.batchSize();
    if (batchSize < 1 || batchSize > Defaults.MAX_BATCH_SIZE) {
      throw new InvalidPipelineException(
          where + ": 'batchSize' must be 1.." + Defaults.MAX_BATCH_SIZE + ", got " + batchSize);
    }
    ModelSettings model = models.settings(def.model(), where, modelOverride);
    if (modelOverride != null) {
      // --model replaces every model of the pipeline, the types' own too.
      types.replaceAll(t -> t.withModel(null));
    } else {
      for (int i = 0; i < types.size(); i++) {
        if (def.documentTypes().get(i).from() != null) {
          types.set(
              i,
              types.get(i).model() != null && types.get(i).model().equals(model)
                  ? types.get(i).withModel(null)
                  : types.get(i));
          continue;
        }
        PipelineDefinition.Model own = def.documentTypes().get(i).model();
        if (own != null) {
          ModelSettings s =
              models.settings(
                  ModelSection.typeModel(def.model(), own),
                  where + ": documentTypes[" + i + "]",
                  null);
          types.set(i, types.get(i).withModel(s.equals(model) ? null : s));
        }
      }
    }
    String review = def.review() == null ? def.output() : def.review();
    EndpointSettings tier1 =
        def.endpoint() == null
            ? null
            : EscalationSection.endpoint(
                def.endpoint(), where + ": endpoint", Defaults.FIRST_TIER_MAX_REQUESTS);
    return new JobConfig(
        def.name(),
        where,
        def.input(),
        def.output(),
        review,
        model,
        batchSize,
        parseLimits,
        maxPromptChars,
        types,
        EscalationSection.escalation(def.escalation(), models, where),
        ClassifySection.classification(def, where),
        tier1);
  }

  /**
   * A type as another pipeline file defines it — schema, prompt, rules, review, long-text policy —
   * with that pipeline's model as its own, so a tuned type keeps the exact prompt and adapter it
   * was trained with; {@code match} here replaces the file's. Nothing else may be set beside {@code
   * from} (classify signals excepted): the type is the other file's.
   */
  private DocumentTypeConfig typeFrom(
      PipelineDefinition.DocumentType t, String where, String modelOverride)
      throws InvalidPipelineException {
    if (t.name() == null) {
      throw new InvalidPipelineException(
          where + ": 'from' needs the 'name' of a type in " + t.from());
    }
    if (t.schema() != null
        || t.prompt() != null
        || t.rules() != null
        || t.review() != null
        || t.checks() != null
        || t.normalise() != null
        || t.longText() != null
        || t.model() != null) {
      throw new InvalidPipelineException(
          where
              + ": a type taken 'from' "
              + t.from()
              + " may set only name, match and classify beside it");
    }
    Path file = Path.of(t.from());
    if (!Files.isRegularFile(file)) {
      throw new InvalidPipelineException(where + ".from: file not found: " + file);
    }
    JobConfig other = load(file, modelOverride);
    for (DocumentTypeConfig type : other.documentTypes()) {
      if (type.name().equals(t.name())) {
        DocumentTypeConfig own =
            type.withModel(type.modelOr(other.model()))
                .withMaxPromptChars(
                    type.maxPromptChars() != null ? type.maxPromptChars() : other.maxPromptChars());
        return own.withMatch(t.match() == null ? List.of() : t.match());
      }
    }
    throw new InvalidPipelineException(where + ": " + t.from() + " has no type '" + t.name() + "'");
  }
}
