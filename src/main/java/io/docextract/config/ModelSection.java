package io.docextract.config;

import static io.docextract.config.Sections.or;

import io.docextract.catalog.Checksums;
import io.docextract.catalog.ModelEntry;
import io.docextract.catalog.ModelSource;
import io.docextract.catalog.ModelStore;
import io.docextract.catalog.ModelUnavailableException;
import io.docextract.model.ModelSettings;
import io.docextract.model.PromptLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code model:} section resolved to the weights it names: a catalogue name, a local file (its
 * sha256 read and checked) or a remote one (its declared sha256 required), the adapter, and the
 * merged base + adapter file where one was built.
 */
final class ModelSection {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineLoader.class);

  private static final Set<String> MERGE_TYPES = Set.of("q8_0", "q4_0", "f16");

  private final ModelStore models;
  private final boolean useMerged;
  private final boolean useAdapter;

  ModelSection(ModelStore models, boolean useMerged, boolean useAdapter) {
    this.models = models;
    this.useMerged = useMerged;
    this.useAdapter = useAdapter;
  }

  boolean useAdapter() {
    return useAdapter;
  }

  static String declaredSha(String sha, String location, String key)
      throws InvalidPipelineException {
    if (sha == null || !sha.matches("[0-9a-fA-F]{64}")) {
      throw new InvalidPipelineException(
          key
              + ": "
              + location
              + " is fetched by each worker and"
              + " needs its sha256 (64 hex digits)"
              + (sha == null ? "" : ", got " + sha));
    }
    return sha.toLowerCase(Locale.ROOT);
  }

  ModelSettings settings(PipelineDefinition.Model m, String where, String override)
      throws InvalidPipelineException {
    if (m == null) {
      throw new InvalidPipelineException(where + ": 'model' is required");
    }
    if (override == null && (m.name() == null) == (m.path() == null)) {
      throw new InvalidPipelineException(where + ": model needs exactly one of 'name' or 'path'");
    }
    if (m.merged() != null) {
      if (!MERGE_TYPES.contains(m.merged())) {
        throw new InvalidPipelineException(
            where
                + ": model.merged: '"
                + m.merged()
                + "' is not one of "
                + new TreeSet<>(MERGE_TYPES));
      }
      if (m.adapter() == null) {
        throw new InvalidPipelineException(where + ": model.merged needs model.adapter");
      }
    }
    Path path;
    String remotePath = null;
    String sha;
    boolean chat;
    // An override is a catalogue name unless it names an existing file.
    boolean overrideIsName =
        override != null
            && !Files.exists(Path.of(override))
            && models.catalog().find(override).isPresent();
    String name = override == null ? m.name() : overrideIsName ? override : null;
    String file = override == null ? m.path() : overrideIsName ? null : override;
    try {
      if (file != null && override == null && !ModelSource.isLocal(file)) {
        // Fetched and verified by each worker (ModelCache); nothing to read here.
        sha = declaredSha(m.sha256(), file, where + ": model.sha256");
        remotePath = file;
        path = null;
        chat = m.chatTemplate() == null || m.chatTemplate();
      } else if (file != null) {
        path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
          throw InvalidPipelineException.model(
              (override != null ? "--model" : where + ": model.path")
                  + ": model file not found or"
                  + " unreadable: "
                  + path);
        }
        sha = Checksums.sha256(path);
        if (m.sha256() != null && override == null && !m.sha256().equalsIgnoreCase(sha)) {
          throw InvalidPipelineException.model(
              where + ": model.sha256 does not match " + path + " (sha256 " + sha + ")");
        }
        chat = m.chatTemplate() == null || m.chatTemplate();
      } else {
        ModelEntry entry = models.entry(name);
        path = models.resolve(name);
        sha = entry.sha256();
        chat =
            m.chatTemplate() == null || override != null ? entry.chatTemplate() : m.chatTemplate();
      }
    } catch (ModelUnavailableException e) {
      throw InvalidPipelineException.model(where + ": model.name: " + e.getMessage());
    } catch (IOException e) {
      throw InvalidPipelineException.model(where + ": model: " + e.getMessage());
    }
    String adapter = null;
    String adapterSha = null;
    boolean adapterRemote = m.adapter() != null && !ModelSource.isLocal(m.adapter());
    if (m.adapter() != null && override == null && useAdapter && adapterRemote) {
      adapter = m.adapter();
      adapterSha = declaredSha(m.adapterSha256(), m.adapter(), where + ": model.adapterSha256");
    } else if (m.adapter() != null && override == null && useAdapter) {
      Path a = Path.of(m.adapter());
      if (!Files.isRegularFile(a)) {
        throw InvalidPipelineException.model(where + ": model.adapter: file not found: " + a);
      }
      adapter = a.toAbsolutePath().toString();
      try {
        adapterSha = Checksums.sha256(a);
      } catch (IOException e) {
        throw new InvalidPipelineException(where + ": model.adapter: " + e.getMessage());
      }
    }
    if (m.merged() != null && adapter != null && useMerged) {
      Path merged = models.mergedPath(sha, adapterSha, m.merged());
      if (Files.isRegularFile(merged)) {
        try {
          // Lineage keeps the adapter's hash beside the merged file's: both name the weights.
          sha = Checksums.sha256(merged);
        } catch (IOException e) {
          throw InvalidPipelineException.model(where + ": model.merged: " + e.getMessage());
        }
        path = merged;
        remotePath = null;
        adapter = null;
      } else {
        LOG.info(
            "{}: no merged model at {}; using base + adapter (build it with `docextract"
                + " models merge --pipeline {}`, it decodes faster)",
            where,
            merged,
            where);
      }
    }
    try {
      return new ModelSettings(
          remotePath != null ? remotePath : path.toAbsolutePath().toString(),
          sha,
          adapter,
          adapterSha,
          chat,
          m.contextSize() == null ? Defaults.CONTEXT_SIZE : m.contextSize(),
          m.threads() == null ? Defaults.threads() : m.threads(),
          m.parallel() == null ? Defaults.PARALLEL : m.parallel(),
          m.maxTokens() == null ? Defaults.MAX_TOKENS : m.maxTokens(),
          m.cachePrompt() == null || m.cachePrompt(),
          lookup(m.promptLookup()),
          m.replicas() == null ? Defaults.REPLICAS : m.replicas());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": model: " + e.getMessage());
    }
  }

  /**
   * A type's model section over the pipeline's: without a name or path it is the pipeline's base
   * (with the type's adapter); runtime settings it leaves out are the pipeline's. The adapter and
   * merged form are the type's own, never inherited.
   */
  static PipelineDefinition.Model typeModel(
      PipelineDefinition.Model pipeline, PipelineDefinition.Model type) {
    boolean ownBase = type.name() != null || type.path() != null;
    PipelineDefinition.Model base = ownBase || pipeline == null ? type : pipeline;
    PipelineDefinition.Model rest = pipeline == null ? type : pipeline;
    return new PipelineDefinition.Model(
        base.name(),
        base.path(),
        base.sha256(),
        type.adapter(),
        type.adapterSha256(),
        type.merged(),
        type.chatTemplate() != null ? type.chatTemplate() : base.chatTemplate(),
        or(type.contextSize(), rest.contextSize()),
        or(type.threads(), rest.threads()),
        or(type.parallel(), rest.parallel()),
        or(type.maxTokens(), rest.maxTokens()),
        or(type.cachePrompt(), rest.cachePrompt()),
        or(type.promptLookup(), rest.promptLookup()),
        or(type.replicas(), rest.replicas()));
  }

  static PromptLookup lookup(PipelineDefinition.Lookup l) {
    if (l == null) {
      return PromptLookup.OFF;
    }
    return new PromptLookup(
        l.ngramMin() == null ? Defaults.LOOKUP_NGRAM_MIN : l.ngramMin(),
        l.draftMax() == null ? Defaults.LOOKUP_DRAFT_MAX : l.draftMax());
  }
}
