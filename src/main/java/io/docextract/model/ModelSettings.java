package io.docextract.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * How to load and run one GGUF model. Two jobs with equal settings share one loaded model.
 *
 * @param modelPath path of the GGUF file, or a URL / file-system URI that workers copy locally
 * @param modelSha256 the file's sha256, recorded in every record's lineage
 * @param adapterPath optional LoRA adapter GGUF, null for none
 * @param chatTemplate true for an instruction model whose GGUF carries a chat template; a base
 *     model gets a plain prompt instead
 * @param contextSize total context; llama.cpp splits it evenly over the parallel slots
 * @param parallel requests decoded together in one batch (llama.cpp slots)
 * @param maxTokens generation limit per request; a reply cut there is routed as truncated
 * @param cachePrompt reuse the KV cache of the slot's previous prompt for the common prefix.
 *     Faster, but the part after the prefix is then evaluated in different batches, which can
 *     change a near-tie greedy choice: replies depend on the order documents arrive in. Off for
 *     byte-identical reruns.
 * @param lookup prompt-lookup drafting while decoding ({@link PromptLookup}); needs cachePrompt
 * @param replicas copies of the model loaded side by side, each with its own {@code threads} and
 *     {@code parallel} slots, each decoding its own document. On few cores a small model does not
 *     keep two threads busy (llama.cpp's threads meet at every operation, and sampling runs on
 *     one), so two one-thread copies do about twice the work of one two-thread copy
 *     (docs/benchmarks.md).
 */
public record ModelSettings(
    String modelPath,
    String modelSha256,
    String adapterPath,
    String adapterSha256,
    boolean chatTemplate,
    int contextSize,
    int threads,
    int parallel,
    int maxTokens,
    boolean cachePrompt,
    PromptLookup lookup,
    int replicas)
    implements Serializable {

  /** One copy of the model, without prompt-lookup drafting. */
  public ModelSettings(
      String modelPath,
      String modelSha256,
      String adapterPath,
      String adapterSha256,
      boolean chatTemplate,
      int contextSize,
      int threads,
      int parallel,
      int maxTokens,
      boolean cachePrompt) {
    this(
        modelPath,
        modelSha256,
        adapterPath,
        adapterSha256,
        chatTemplate,
        contextSize,
        threads,
        parallel,
        maxTokens,
        cachePrompt,
        PromptLookup.OFF,
        1);
  }

  public ModelSettings {
    Objects.requireNonNull(modelPath, "modelPath");
    Objects.requireNonNull(lookup, "lookup");
    // Drafts come from the slot's token cache: without it the option would do nothing.
    require(!lookup.on() || cachePrompt, "promptLookup needs cachePrompt");
    require(contextSize >= 256, "contextSize must be >= 256, got " + contextSize);
    require(threads >= 1, "threads must be >= 1, got " + threads);
    require(parallel >= 1 && parallel <= 64, "parallel must be 1..64, got " + parallel);
    require(replicas >= 1 && replicas <= 64, "replicas must be 1..64, got " + replicas);
    require(maxTokens >= 8, "maxTokens must be >= 8, got " + maxTokens);
    require(
        contextSize / parallel > maxTokens,
        "contextSize/parallel ("
            + contextSize / parallel
            + ") must exceed maxTokens ("
            + maxTokens
            + ")");
  }

  /** With the prompt cache on or off; off also turns prompt lookup off, which needs the cache. */
  public ModelSettings withCachePrompt(boolean cache) {
    return run(contextSize, threads, parallel, cache, cache ? lookup : PromptLookup.OFF, replicas);
  }

  /** The same model at other locations (a remote file's local copy); checksums unchanged. */
  public ModelSettings withPaths(String model, String adapter) {
    return weights(model, adapter, adapterSha256);
  }

  public ModelSettings withAdapter(String path, String sha256) {
    return weights(modelPath, path, sha256);
  }

  public ModelSettings withLookup(PromptLookup drafting) {
    return run(contextSize, threads, parallel, cachePrompt, drafting, replicas);
  }

  /** The same per-request context with another number of slots (for measuring slot counts). */
  public ModelSettings withParallel(int slots) {
    return run(slotContext() * slots, threads, slots, cachePrompt, lookup, replicas);
  }

  /** The same with another number of copies of the model. */
  public ModelSettings withReplicas(int copies) {
    return run(contextSize, threads, parallel, cachePrompt, lookup, copies);
  }

  /** The same with another number of threads per copy. */
  public ModelSettings withThreads(int perCopy) {
    return run(contextSize, perCopy, parallel, cachePrompt, lookup, replicas);
  }

  private ModelSettings weights(String model, String adapter, String adapterSha) {
    return new ModelSettings(
        model,
        modelSha256,
        adapter,
        adapterSha,
        chatTemplate,
        contextSize,
        threads,
        parallel,
        maxTokens,
        cachePrompt,
        lookup,
        replicas);
  }

  private ModelSettings run(
      int context, int perCopy, int slots, boolean cache, PromptLookup drafting, int copies) {
    return new ModelSettings(
        modelPath,
        modelSha256,
        adapterPath,
        adapterSha256,
        chatTemplate,
        context,
        perCopy,
        slots,
        maxTokens,
        cache,
        drafting,
        copies);
  }

  /** Requests decoded at once: every copy's slots. */
  public int concurrency() {
    return parallel * replicas;
  }

  /** Tokens one request may use, prompt and reply together. */
  public int slotContext() {
    return contextSize / parallel;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
