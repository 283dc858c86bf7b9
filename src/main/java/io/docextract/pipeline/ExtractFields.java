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
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Runs each batch of requests through the model, under the grammar of its document type's schema,
 * with as many requests in flight as the model has slots. Each type runs on its own model or the
 * pipeline's; types that differ only in their adapter share one base, each request switching on its
 * type's adapter. Models are loaded once per JVM and shared by every instance of this DoFn. A
 * prompt that does not fit, or a runtime failure on one request, goes to review; the rest of the
 * batch goes on.
 */
public final class ExtractFields
    extends PTransform<PCollection<Iterable<ExtractionRequest>>, PCollectionTuple> {

  public static final TupleTag<Extraction> EXTRACTIONS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "ExtractFields";

  /** Tries per request before a runtime failure sends the document to review. */
  static final int MODEL_ATTEMPTS = 3;

  private final ModelSettings model;
  private final List<DocumentTypeConfig> types;
  private final int tier;

  private ExtractFields(ModelSettings model, List<DocumentTypeConfig> types, int tier) {
    this.model = model;
    this.types = types;
    this.tier = tier;
  }

  /** The metrics namespace (and review stage) of a tier, so the summary can tell tiers apart. */
  static String namespace(int tier) {
    return tier == 1 ? STAGE : STAGE + "Tier" + tier;
  }

  /** Which tier this model is (1 for the pipeline's own), for the per-tier metrics. */
  public ExtractFields withTier(int tier) {
    if (tier < 1) {
      throw new IllegalArgumentException("tier must be >= 1, got " + tier);
    }
    return new ExtractFields(model, types, tier);
  }

  public static ExtractFields with(ModelSettings model, List<DocumentTypeConfig> types) {
    Objects.requireNonNull(model, "model");
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new ExtractFields(model, List.copyOf(types), 1);
  }

  @Override
  public PCollectionTuple expand(PCollection<Iterable<ExtractionRequest>> batches) {
    PCollectionTuple out =
        batches.apply(
            "RunModel",
            ParDo.of(new ExtractFn(model, types, namespace(tier)))
                .withOutputTags(EXTRACTIONS, TupleTagList.of(FAILURES)));
    out.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class ExtractFn extends DoFn<Iterable<ExtractionRequest>, Extraction> {
    private final List<DocumentTypeConfig> types;
    private final TierMetrics metrics;
    private final TypeModels models;
    private transient Map<String, ModelRuntime> runtimes;
    private transient Map<String, ModelSettings> requests;
    private transient ExecutorService pool;
    private transient Map<String, DocumentTypeConfig> byName;
    private transient Map<String, String> grammars;
    private transient Map<String, ValueScaffold> scaffolds;

    ExtractFn(ModelSettings settings, List<DocumentTypeConfig> types, String stage) {
      this.types = types;
      this.metrics = new TierMetrics(stage);
      this.models = TypeModels.of(settings, types);
    }

    @Setup
    public void setup() {
      runtimes = models.acquire();
      // Each type's request settings with local paths, resolved once rather than per request.
      requests = new HashMap<>();
      types.forEach(t -> requests.put(t.name(), models.request(t.name())));
      // As many requests in flight as the widest copy has slots: with a copy per type, two
      // models decoding at once would only split the same cores between them.
      int slots =
          runtimes.values().stream()
              .distinct()
              .mapToInt(r -> r.settings().parallel())
              .max()
              .orElse(1);
      pool =
          Executors.newFixedThreadPool(
              slots,
              r -> {
                Thread t = new Thread(r, "docextract-slot");
                t.setDaemon(true);
                return t;
              });
      byName = new HashMap<>();
      grammars = new HashMap<>();
      scaffolds = new HashMap<>();
      for (DocumentTypeConfig t : types) {
        byName.put(t.name(), t);
        grammars.put(t.name(), Grammars.forSchema(t.schema().json()));
        t.scaffold().ifPresent(s -> scaffolds.put(t.name(), s));
      }
    }

    @ProcessElement
    public void process(@Element Iterable<ExtractionRequest> batch, MultiOutputReceiver out)
        throws InterruptedException {
      List<ExtractionRequest> items = new ArrayList<>();
      List<Future<Extraction>> futures = new ArrayList<>();
      for (ExtractionRequest r : batch) {
        DocumentTypeConfig type = byName.get(r.documentType());
        String grammar = grammars.get(r.documentType());
        ValueScaffold scaffold = scaffolds.get(r.documentType());
        ModelRuntime runtime = runtimes.get(r.documentType());
        ModelSettings model = requests.get(r.documentType());
        items.add(r);
        futures.add(
            pool.submit(
                () -> {
                  PromptFit fit =
                      PromptFit.fit(
                          runtime,
                          t -> runtime.renderPrompt(type.prompt(), type.promptText(t)),
                          r.text(),
                          model.maxTokens());
                  Completion c =
                      completeWithRetries(runtime, fit.prompt(), grammar, scaffold, model);
                  return new Extraction(fit.cut() ? r.withCutText(fit.text()) : r, c);
                }));
      }
      for (int i = 0; i < items.size(); i++) {
        ExtractionRequest r = items.get(i);
        metrics.request();
        try {
          Extraction x = futures.get(i).get();
          Completion c = x.completion();
          metrics.answered(c);
          if (x.request().textCut() && !r.textCut()) {
            metrics.count("cut_to_fit_context");
          }
          out.get(EXTRACTIONS).output(x);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          Reason reason;
          if (cause instanceof ContextOverflowException) {
            reason = Reason.CONTEXT_OVERFLOW;
          } else if (cause instanceof ModelFailureException) {
            reason = Reason.MODEL_ERROR;
          } else {
            throw new IllegalStateException("extraction of " + r.source() + " failed", cause);
          }
          metrics.count(reason.code());
          // A chunk's failure carries where it belongs; MergeChunks decides the document's end.
          Map<String, Object> lineage =
              r.chunked() ? Map.of("chunk", r.chunk(), "chunks", r.chunks()) : Map.of();
          out.get(FAILURES)
              .output(
                  Failures.ofRequest(
                      metrics.namespace(),
                      r,
                      reason,
                      cause.getMessage(),
                      List.of(),
                      null,
                      lineage));
        }
      }
    }

    /**
     * A runtime failure is tried again a bounded number of times; after that (a document that fails
     * every time) it is a model_error for review, never an endless retry of the bundle. A prompt
     * that does not fit is not retried: it never will.
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
      throw new ModelFailureException(
          "the model failed " + MODEL_ATTEMPTS + " times: " + last, last);
    }

    @Teardown
    public void teardown() {
      if (pool != null) {
        pool.shutdownNow();
      }
      if (runtimes != null) {
        runtimes.values().stream().distinct().forEach(ModelRuntime::close);
        runtimes = null;
      }
    }
  }
}
