package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.model.Completion;
import io.docextract.model.ContextOverflowException;
import io.docextract.model.Grammars;
import io.docextract.model.ModelFailureException;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.model.PromptFit;
import io.docextract.model.ValueScaffold;
import io.docextract.values.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model in this JVM (llama.cpp through java-llama.cpp), under the grammar of each type's
 * schema. Each type runs on its own model or the pipeline's; types that differ only in their
 * adapter share one base, each request switching on its type's adapter. Models are loaded once per
 * JVM and shared by every worker. A prompt that does not fit, or a runtime failure that repeats, is
 * the request's failure; the rest of the batch goes on.
 */
final class LocalModel implements ModelBackend {

  private static final long serialVersionUID = 1L;

  /** Tries per request before a runtime failure sends the document to review. */
  static final int MODEL_ATTEMPTS = 3;

  private final List<DocumentTypeConfig> types;
  private final TypeModels models;

  LocalModel(ModelSettings model, List<DocumentTypeConfig> types) {
    this.types = List.copyOf(types);
    this.models = TypeModels.of(model, types);
  }

  @Override
  public Worker open(int tier) {
    return new Loaded();
  }

  private final class Loaded implements Worker {
    private final Map<String, ModelRuntime> runtimes = models.acquire();
    private final Map<String, DocumentTypeConfig> byName = new HashMap<>();
    // Each type's request settings with local paths, resolved once rather than per request.
    private final Map<String, ModelSettings> requests = new HashMap<>();
    private final Map<String, String> grammars = new HashMap<>();
    private final Map<String, ValueScaffold> scaffolds = new HashMap<>();

    Loaded() {
      for (DocumentTypeConfig t : types) {
        byName.put(t.name(), t);
        requests.put(t.name(), models.request(t.name()));
        grammars.put(t.name(), Grammars.forSchema(t.schema().json()));
        t.scaffold().ifPresent(s -> scaffolds.put(t.name(), s));
      }
    }

    /**
     * As many requests in flight as the widest copy has slots: with a copy per type, two models
     * decoding at once would only split the same cores between them.
     */
    @Override
    public int concurrency() {
      return runtimes.values().stream()
          .distinct()
          .mapToInt(r -> r.settings().concurrency())
          .max()
          .orElse(1);
    }

    @Override
    public Extraction answer(ExtractionRequest r) throws InterruptedException {
      DocumentTypeConfig type = byName.get(r.documentType());
      ModelRuntime runtime = runtimes.get(r.documentType());
      ModelSettings model = requests.get(r.documentType());
      try {
        PromptFit fit =
            PromptFit.fit(
                runtime,
                t -> runtime.renderPrompt(type.prompt(), type.promptText(t)),
                r.text(),
                model.maxTokens());
        Completion c =
            completeWithRetries(
                runtime,
                fit.prompt(),
                grammars.get(r.documentType()),
                type.scaffoldFor(scaffolds.get(r.documentType()), fit.text()),
                model);
        return new Extraction(fit.cut() ? r.withCutText(fit.text()) : r, c);
      } catch (ContextOverflowException e) {
        throw failure(Reason.CONTEXT_OVERFLOW, e);
      } catch (ModelFailureException e) {
        throw failure(Reason.MODEL_ERROR, e);
      }
    }

    @Override
    public void close() {
      runtimes.values().stream().distinct().forEach(ModelRuntime::close);
    }
  }

  private static BackendFailure failure(Reason reason, RuntimeException e) {
    return new BackendFailure(reason, reason.code(), e.getMessage(), Map.of(), e);
  }

  /**
   * A runtime failure is tried again a bounded number of times; after that (a document that fails
   * every time) it is a model_error for review, never an endless retry of the bundle. A prompt that
   * does not fit is not retried: it never will.
   */
  private static Completion completeWithRetries(
      ModelRuntime runtime,
      String prompt,
      String grammar,
      ValueScaffold scaffold,
      ModelSettings model)
      throws InterruptedException {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= MODEL_ATTEMPTS; attempt++) {
      try {
        return runtime.complete(prompt, grammar, scaffold, model);
      } catch (ContextOverflowException e) {
        throw e;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new ModelFailureException("the model failed " + MODEL_ATTEMPTS + " times: " + last, last);
  }
}
