package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ModelSettings;
import io.docextract.review.ReviewItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A tier of the model: each batch of requests answered by a {@link ModelBackend} (the model in this
 * JVM, or a server holding one), with as many requests in flight as the backend takes. A request
 * the backend cannot answer goes to review with its reason; the rest of the batch goes on.
 */
public final class ExtractFields
    extends PTransform<PCollection<Iterable<ExtractionRequest>>, PCollectionTuple> {

  public static final TupleTag<Extraction> EXTRACTIONS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "ExtractFields";

  private final ModelBackend backend;
  private final int tier;

  private ExtractFields(ModelBackend backend, int tier) {
    this.backend = backend;
    this.tier = tier;
  }

  /** The metrics namespace (and review stage) of a tier, so the summary can tell tiers apart. */
  static String namespace(int tier) {
    return tier == 1 ? STAGE : STAGE + "Tier" + tier;
  }

  /** Answers from this backend. */
  public static ExtractFields using(ModelBackend backend) {
    return new ExtractFields(Objects.requireNonNull(backend, "backend"), 1);
  }

  /** Answers from the model in this JVM: each type's own model, else this one. */
  public static ExtractFields with(ModelSettings model, List<DocumentTypeConfig> types) {
    Objects.requireNonNull(model, "model");
    return using(new LocalModel(model, requireTypes(types)));
  }

  /** Answers from an OpenAI-compatible server. */
  public static ExtractFields at(EndpointSettings endpoint, List<DocumentTypeConfig> types) {
    Objects.requireNonNull(endpoint, "endpoint");
    return using(new ServedModel(endpoint, requireTypes(types)));
  }

  private static List<DocumentTypeConfig> requireTypes(List<DocumentTypeConfig> types) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return types;
  }

  /** Which tier this is (1 for the pipeline's own), for the per-tier metrics and lineage. */
  public ExtractFields withTier(int tier) {
    if (tier < 1) {
      throw new IllegalArgumentException("tier must be >= 1, got " + tier);
    }
    return new ExtractFields(backend, tier);
  }

  @Override
  public PCollectionTuple expand(PCollection<Iterable<ExtractionRequest>> batches) {
    PCollectionTuple out =
        batches.apply(
            "RunModel",
            ParDo.of(new ExtractFn(backend, tier))
                .withOutputTags(EXTRACTIONS, TupleTagList.of(FAILURES)));
    out.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class ExtractFn extends DoFn<Iterable<ExtractionRequest>, Extraction> {
    private final ModelBackend backend;
    private final int tier;
    private final TierMetrics metrics;
    private transient ModelBackend.Worker worker;
    private transient ExecutorService pool;

    ExtractFn(ModelBackend backend, int tier) {
      this.backend = backend;
      this.tier = tier;
      this.metrics = new TierMetrics(namespace(tier));
    }

    @Setup
    public void setup() {
      worker = backend.open(tier);
      pool =
          Executors.newFixedThreadPool(
              worker.concurrency(),
              r -> {
                Thread t = new Thread(r, "docextract-tier" + tier);
                t.setDaemon(true);
                return t;
              });
    }

    @ProcessElement
    public void process(@Element Iterable<ExtractionRequest> batch, MultiOutputReceiver out)
        throws InterruptedException {
      List<ExtractionRequest> items = new ArrayList<>();
      List<Future<Extraction>> futures = new ArrayList<>();
      for (ExtractionRequest r : batch) {
        items.add(r);
        futures.add(pool.submit(() -> worker.answer(r)));
      }
      for (int i = 0; i < items.size(); i++) {
        ExtractionRequest r = items.get(i);
        metrics.request();
        try {
          Extraction x = futures.get(i).get();
          metrics.answered(x.completion());
          if (x.request().textCut() && !r.textCut()) {
            metrics.count("cut_to_fit_context");
          }
          out.get(EXTRACTIONS).output(x);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof BackendFailure failure)) {
            throw new IllegalStateException(
                "extraction of " + r.source() + " failed", e.getCause());
          }
          out.get(FAILURES).output(failed(r, failure));
        }
      }
    }

    private ReviewItem failed(ExtractionRequest r, BackendFailure failure) {
      metrics.count(failure.counter());
      // A chunk's failure carries where it belongs; MergeChunks decides the document's end.
      Map<String, Object> lineage = new LinkedHashMap<>(failure.lineage());
      if (r.chunked()) {
        lineage.put("chunk", r.chunk());
        lineage.put("chunks", r.chunks());
      }
      return Failures.ofRequest(
          metrics.namespace(), r, failure.reason(), failure.getMessage(), List.of(), null, lineage);
    }

    @Teardown
    public void teardown() {
      if (pool != null) {
        pool.shutdownNow();
      }
      if (worker != null) {
        worker.close();
        worker = null;
      }
    }
  }
}
