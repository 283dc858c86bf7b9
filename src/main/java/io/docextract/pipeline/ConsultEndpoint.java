package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.endpoint.ChatEndpoint;
import io.docextract.endpoint.EndpointException;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Completion;
import io.docextract.model.ExtractionPrompt;
import io.docextract.values.Reason;
import io.docextract.review.ReviewItem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The remote tier: asks an OpenAI-compatible endpoint for each escalated document, with the same
 * instructions, examples and schema the local model had. A document the endpoint cannot answer
 * (timeouts or server errors on every attempt, a refused request, the run's budget spent) goes to
 * review as {@code escalation_failed}; the others go on to validation like any reply.
 */
public final class ConsultEndpoint
    extends PTransform<PCollection<ExtractionRequest>, PCollectionTuple> {

  public static final TupleTag<Extraction> EXTRACTIONS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};

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
    if (tier < 2) {
      throw new IllegalArgumentException("a remote tier comes after the local model, got " + tier);
    }
    return new ConsultEndpoint(endpoint, types, tier);
  }

  @Override
  public PCollectionTuple expand(PCollection<ExtractionRequest> requests) {
    PCollectionTuple out = requests.apply("AskEndpoint",
        ParDo.of(new AskFn(endpoint, types, tier))
            .withOutputTags(EXTRACTIONS, TupleTagList.of(FAILURES)));
    out.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class AskFn extends DoFn<ExtractionRequest, Extraction> {
    private final EndpointSettings settings;
    private final List<DocumentTypeConfig> types;
    private final int tier;
    private final TierMetrics metrics;
    private transient ChatEndpoint endpoint;
    private transient Map<String, DocumentTypeConfig> byName;

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
    }

    @ProcessElement
    public void process(@Element ExtractionRequest r, MultiOutputReceiver out)
        throws InterruptedException {
      DocumentTypeConfig type = byName.get(r.documentType());
      ExtractionPrompt prompt = type.prompt();
      metrics.request();
      try {
        Completion c = endpoint.complete(prompt.system(), prompt.turns(type.promptText(r.text())),
            type.name(), type.schema().json());
        metrics.answered(c);
        out.get(EXTRACTIONS).output(new Extraction(r, c));
      } catch (EndpointException e) {
        metrics.count("failed_" + e.kind().name().toLowerCase());
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("tier", tier);
        lineage.put("endpoint", settings.displayUrl());
        lineage.put("endpoint_model", settings.model());
        lineage.put("endpoint_failure", e.kind().name().toLowerCase());
        lineage.put("attempts", e.attempts());
        out.get(FAILURES).output(Failures.ofRequest(metrics.namespace(), r,
            Reason.ESCALATION_FAILED, e.getMessage(), List.of(), null, lineage));
      }
    }
  }
}
