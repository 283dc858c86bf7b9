package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.decision.RecordDecision;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Completion;
import io.docextract.model.ModelSettings;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import io.docextract.values.Reason;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Turns model replies into records: a reply cut by the token limit, one that is not JSON, and one
 * that breaks the document type's schema each go to review with the reply and the validator's
 * messages. Every record carries its lineage.
 */
public final class ValidateRecords extends PTransform<PCollection<Extraction>, PCollectionTuple> {

  public static final TupleTag<ExtractedRecord> RECORDS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};

  /** Requests whose answer failed for a reason the next tier may fix (with escalation only). */
  public static final TupleTag<ExtractionRequest> ESCALATE = new TupleTag<>() {};

  static final String STAGE = "ValidateRecords";

  private final List<DocumentTypeConfig> types;
  private final Map<String, AnsweredBy> model;
  private final Set<String> escalate;
  private final int tier;

  private ValidateRecords(
      List<DocumentTypeConfig> types,
      Map<String, AnsweredBy> model,
      Set<String> escalate,
      int tier) {
    this.types = types;
    this.model = model;
    this.escalate = escalate;
    this.tier = tier;
  }

  /** Failures for these reasons leave through {@link #ESCALATE} instead of {@link #FAILURES}. */
  public ValidateRecords withEscalation(Set<String> reasons) {
    return new ValidateRecords(types, model, Set.copyOf(reasons), tier);
  }

  /** Which tier's answers these are (1 for the pipeline's model), recorded in the lineage. */
  public ValidateRecords withTier(int tier) {
    if (tier < 1) {
      throw new IllegalArgumentException("tier must be >= 1, got " + tier);
    }
    return new ValidateRecords(types, model, escalate, tier);
  }

  public static ValidateRecords against(List<DocumentTypeConfig> types, ModelSettings model) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    Objects.requireNonNull(model, "model");
    Map<String, AnsweredBy> byType = new HashMap<>();
    types.forEach(t -> byType.put(t.name(), AnsweredBy.local(t.modelOr(model))));
    return new ValidateRecords(List.copyOf(types), byType, Set.of(), 1);
  }

  /** Replies of a remote endpoint: the lineage names the endpoint and its model. */
  public static ValidateRecords against(List<DocumentTypeConfig> types, EndpointSettings endpoint) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    AnsweredBy by = AnsweredBy.remote(Objects.requireNonNull(endpoint, "endpoint"));
    Map<String, AnsweredBy> byType = new HashMap<>();
    types.forEach(t -> byType.put(t.name(), by));
    return new ValidateRecords(List.copyOf(types), byType, Set.of(), 1);
  }

  @Override
  public PCollectionTuple expand(PCollection<Extraction> extractions) {
    PCollectionTuple out =
        extractions.apply(
            "ParseAndValidate",
            ParDo.of(new ValidateFn(types, model, escalate, tier))
                .withOutputTags(RECORDS, TupleTagList.of(FAILURES).and(ESCALATE)));
    out.get(RECORDS).setCoder(SerializableCoder.of(ExtractedRecord.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    out.get(ESCALATE).setCoder(SerializableCoder.of(ExtractionRequest.class));
    return out;
  }

  private static final class ValidateFn extends DoFn<Extraction, ExtractedRecord> {
    private final List<DocumentTypeConfig> types;
    private final Map<String, AnsweredBy> model;
    private final Set<String> escalate;
    private final int tier;
    private transient Map<String, DocumentTypeConfig> byName;
    private transient Map<String, RecordDecision> decisions;
    private transient Map<String, RecordDecision> ocrDecisions;

    ValidateFn(
        List<DocumentTypeConfig> types,
        Map<String, AnsweredBy> model,
        Set<String> escalate,
        int tier) {
      this.types = types;
      this.model = model;
      this.escalate = escalate;
      this.tier = tier;
    }

    @Setup
    public void setup() {
      byName = new HashMap<>();
      decisions = new HashMap<>();
      ocrDecisions = new HashMap<>();
      for (DocumentTypeConfig t : types) {
        byName.put(t.name(), t);
        decisions.put(t.name(), new RecordDecision(t));
        ocrDecisions.put(t.name(), new RecordDecision(t, true));
      }
    }

    @ProcessElement
    public void process(@Element Extraction e, MultiOutputReceiver out) {
      ExtractionRequest r = e.request();
      Completion c = e.completion();
      Map<String, Object> lineage = lineage(byName.get(r.documentType()), r, c);
      RecordDecision.Outcome o =
          (r.readByOcr() ? ocrDecisions : decisions)
              .get(r.documentType())
              .decide(
                  r.text(),
                  c,
                  model.get(r.documentType()).maxTokens(),
                  LocalDate.now(ZoneOffset.UTC),
                  lineage);
      int fallbacks = RecordDecision.Outcome.ruleFallbacks(lineage);
      if (fallbacks > 0) {
        Metrics.counter(STAGE, "rule_fallbacks").inc(fallbacks);
      }
      if (!o.accepted()) {
        fail(
            out,
            r,
            o.reason(),
            o.message(),
            o.messages(),
            c.text(),
            lineage,
            o.fields() == null ? null : o.fields().toString());
        return;
      }
      Metrics.counter(STAGE, "records").inc();
      out.get(RECORDS)
          .output(
              new ExtractedRecord(
                  r.id(),
                  r.source(),
                  r.contentType(),
                  r.documentType(),
                  o.fields().toString(),
                  lineage));
    }

    private void fail(
        MultiOutputReceiver out,
        ExtractionRequest r,
        Reason reason,
        String message,
        List<String> messages,
        String raw,
        Map<String, Object> lineage,
        String proposal) {
      if (escalate.contains(reason.code())) {
        Metrics.counter(STAGE, "escalated_" + reason.code()).inc();
        out.get(ESCALATE).output(r);
        return;
      }
      Metrics.counter(STAGE, reason.code()).inc();
      out.get(FAILURES)
          .output(
              Failures.ofRequest(STAGE, r, reason, message, messages, raw, lineage)
                  .withFields(proposal));
    }

    private Map<String, Object> lineage(
        DocumentTypeConfig type, ExtractionRequest r, Completion c) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("tier", tier);
      l.putAll(model.get(r.documentType()).lineage());
      l.put("schema_id", type.schema().id());
      l.put("schema_version", type.schema().version());
      l.put("prompt_hash", type.promptHash());
      l.put("text_cut", r.textCut());
      l.put("prompt_tokens", c.promptTokens());
      l.put("generated_tokens", c.generatedTokens());
      l.put("stop_reason", c.stopReason().name().toLowerCase());
      l.put("parse_ms", r.parseMillis());
      l.putAll(ExtractionRequest.provenanceLineage(r.provenance()));
      l.put("first_token_ms", c.firstTokenMillis());
      l.put("model_ms", c.totalMillis());
      return l;
    }
  }
}
