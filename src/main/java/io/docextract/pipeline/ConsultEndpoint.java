package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.endpoint.ChatEndpoint;
import io.docextract.endpoint.EndpointException;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Completion;
import io.docextract.model.ExtractionPrompt;
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A tier answered by an OpenAI-compatible endpoint: the first (a server holding the pipeline's
 * model) or the second (a bigger model for what the first failed on), with the same instructions,
 * examples and schema the local model has. Each batch goes out with up to the endpoint's {@code
 * concurrency} requests in flight, so a server can batch them. A document the endpoint cannot
 * answer (timeouts or server errors on every attempt, a refused request, the run's budget spent)
 * goes to review as {@code escalation_failed} from the second tier and as {@code model_error} from
 * the first; the others go on to validation like any reply.
 */
public final class ConsultEndpoint
    extends PTransform<PCollection<Iterable<ExtractionRequest>>, PCollectionTuple> {

  // The local model's tags: either tier-1 transform's outputs go straight on to MergeChunks.
  public static final TupleTag<Extraction> EXTRACTIONS = ExtractFields.EXTRACTIONS;
  public static final TupleTag<ReviewItem> FAILURES = ExtractFields.FAILURES;

  private final EndpointSettings endpoint;
  private final List<DocumentTypeConfig> types;
  private final int tier;

  private ConsultEndpoint(EndpointSettings endpoint, List<DocumentTypeConfig> types, int tier) {
    this.endpoint = endpoint;
    this.types = types;
    this.tier = tier;
  }

  public static ConsultEndpoint at(EndpointSettings endpoint, List<DocumentTypeConfig> types) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new ConsultEndpoint(endpoint, List.copyOf(types), 2);
  }

  /** Which tier this endpoint is, for lineage and the per-tier metrics. */
  public ConsultEndpoint withTier(int tier) {
    if (tier < 1) {
      throw new IllegalArgumentException("tier must be >= 1, got " + tier);
    }
    return new ConsultEndpoint(endpoint, types, tier);
  }

  @Override
  public PCollectionTuple expand(PCollection<Iterable<ExtractionRequest>> requests) {
    PCollectionTuple out =
        requests.apply(
            "AskEndpoint",
            ParDo.of(new AskFn(endpoint, types, tier))
                .withOutputTags(EXTRACTIONS, TupleTagList.of(FAILURES)));
    out.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class AskFn extends DoFn<Iterable<ExtractionRequest>, Extraction> {
    private final EndpointSettings settings;
    private final List<DocumentTypeConfig> types;
    private final int tier;
    private final TierMetrics metrics;
    private transient ChatEndpoint endpoint;
    private transient Map<String, DocumentTypeConfig> byName;
    private transient ExecutorService pool;

    AskFn(EndpointSettings settings, List<DocumentTypeConfig> types, int tier) {
      this.settings = settings;
      this.types = types;
      this.tier = tier;
      this.metrics = new TierMetrics(ExtractFields.namespace(tier));
    }

    @Setup
    public void setup() {
      endpoint = new ChatEndpoint(settings);
      byName = new HashMap<>();
      types.forEach(t -> byName.put(t.name(), t));
      pool =
          Executors.newFixedThreadPool(
              settings.concurrency(),
              r -> {
                Thread t = new Thread(r, "docextract-endpoint");
                t.setDaemon(true);
                return t;
              });
    }

    @ProcessElement
    public void process(@Element Iterable<ExtractionRequest> batch, MultiOutputReceiver out)
        throws InterruptedException {
      List<ExtractionRequest> items = new ArrayList<>();
      List<Future<Completion>> answers = new ArrayList<>();
      for (ExtractionRequest r : batch) {
        DocumentTypeConfig type = byName.get(r.documentType());
        ExtractionPrompt prompt = type.prompt();
        items.add(r);
        answers.add(
            pool.submit(
                () ->
                    endpoint.complete(
                        prompt.system(),
                        prompt.turns(type.promptText(r.text())),
                        type.name(),
                        type.schema().json())));
      }
      for (int i = 0; i < items.size(); i++) {
        ExtractionRequest r = items.get(i);
        metrics.request();
        try {
          Completion c = answers.get(i).get();
          metrics.answered(c);
          out.get(EXTRACTIONS).output(new Extraction(r, c));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof EndpointException failure)) {
            throw new IllegalStateException(
                "asking " + settings.displayUrl() + " about " + r.source() + " failed",
                e.getCause());
          }
          out.get(FAILURES).output(failed(r, failure));
        }
      }
    }

    private ReviewItem failed(ExtractionRequest r, EndpointException e) {
      metrics.count("failed_" + e.kind().name().toLowerCase());
      Map<String, Object> lineage = new LinkedHashMap<>();
      lineage.put("tier", tier);
      lineage.put("endpoint", settings.displayUrl());
      lineage.put("endpoint_model", settings.model());
      lineage.put("endpoint_failure", e.kind().name().toLowerCase());
      lineage.put("attempts", e.attempts());
      if (r.chunked()) {
        lineage.put("chunk", r.chunk());
        lineage.put("chunks", r.chunks());
      }
      // The first tier has no other model to fall back on: its failure is the model's.
      Reason reason = tier == 1 ? Reason.MODEL_ERROR : Reason.ESCALATION_FAILED;
      return Failures.ofRequest(
          metrics.namespace(), r, reason, e.getMessage(), List.of(), null, lineage);
    }

    @Teardown
    public void teardown() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }
}
