package io.docextract.pipeline;

import io.docextract.checks.Check;
import io.docextract.checks.CheckFailure;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.eval.Normaliser;
import io.docextract.grounding.Confidence;
import io.docextract.grounding.Grounder;
import io.docextract.grounding.RecordGrounding;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Completion;
import io.docextract.model.ModelSettings;
import io.docextract.model.StopReason;
import io.docextract.review.Reason;
import io.docextract.review.ReviewItem;
import io.docextract.rules.RuleFallback;
import io.docextract.rules.RuleSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.validate.ExtractedRecord;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
  private final AnsweredBy model;
  private final Set<String> escalate;
  private final int tier;

  private ValidateRecords(List<DocumentTypeConfig> types, AnsweredBy model,
      Set<String> escalate, int tier) {
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
    return new ValidateRecords(List.copyOf(types),
        AnsweredBy.local(Objects.requireNonNull(model, "model")), Set.of(), 1);
  }

  /** Replies of a remote endpoint: the lineage names the endpoint and its model. */
  public static ValidateRecords against(List<DocumentTypeConfig> types,
      EndpointSettings endpoint) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new ValidateRecords(List.copyOf(types),
        AnsweredBy.remote(Objects.requireNonNull(endpoint, "endpoint")), Set.of(), 1);
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
    private final AnsweredBy model;
    private final Set<String> escalate;
    private final int tier;
    private transient Map<String, RecordValidator> validators;
    private transient Map<String, DocumentTypeConfig> byName;
    private transient Map<String, JsonNode> schemaTrees;
    private transient Map<String, Grounder> grounders;
    private transient Map<String, Map<String, Normaliser>> normalisers;

    ValidateFn(List<DocumentTypeConfig> types, AnsweredBy model, Set<String> escalate,
        int tier) {
      this.types = types;
      this.model = model;
      this.escalate = escalate;
      this.tier = tier;
    }

    @Setup
    public void setup() {
      validators = new HashMap<>();
      byName = new HashMap<>();
      schemaTrees = new HashMap<>();
      grounders = new HashMap<>();
      normalisers = new HashMap<>();
      for (DocumentTypeConfig t : types) {
        normalisers.put(t.name(), t.fieldNormalisers());
        grounders.put(t.name(), new Grounder(t.review().minSimilarity()));
        validators.put(t.name(), new RecordValidator(t.schema()));
        byName.put(t.name(), t);
        schemaTrees.put(t.name(), t.schema().tree());
      }
    }

    @ProcessElement
    public void process(@Element Extraction e, MultiOutputReceiver out) {
      ExtractionRequest r = e.request();
      Completion c = e.completion();
      Map<String, Object> lineage = lineage(byName.get(r.documentType()), r, c);
      if (c.stopReason() == StopReason.REPETITION) {
        fail(out, r, Reason.REPETITION, "reply started repeating itself after "
            + c.generatedTokens() + " tokens and was stopped", List.of(), c.text(), lineage);
        return;
      }
      if (c.truncated()) {
        fail(out, r, Reason.TRUNCATED,
            "reply reached the " + model.maxTokens() + "-token limit before the JSON closed",
            List.of(), c.text(), lineage);
        return;
      }
      Verdict v = validators.get(r.documentType()).validate(c.text());
      if (!v.ok()) {
        fail(out, r, v.failure(), v.message(), v.messages(), c.text(), lineage);
        return;
      }
      DocumentTypeConfig type = byName.get(r.documentType());
      // One pass of the rules serves the fallback and the confidence.
      Map<String, RuleSet.Match> ruleMatches = type.rules().matches(r.text());
      JsonNode fields = withRules(type, r, v.fields(), ruleMatches, lineage);
      Map<String, Normaliser> fieldNormalisers = normalisers.get(type.name());
      RecordGrounding grounding = RecordGrounding.of(fields, r.text(), grounders.get(type.name()),
          fieldNormalisers);
      lineage.put("grounding", grounding.spans());
      // The model's probability speaks only for the values the model wrote, not the rules'.
      Map<String, Double> modelProbabilities = new LinkedHashMap<>();
      c.fieldProbabilities().forEach((f, p) -> {
        if (fields.path(f).equals(v.fields().path(f))) {
          modelProbabilities.put(f, p);
        }
      });
      if (!c.fieldProbabilities().isEmpty()) {
        lineage.put("model_probabilities", c.fieldProbabilities());
      }
      Confidence confidence = Confidence.of(fields, grounding, RuleSet.values(ruleMatches),
          fieldNormalisers, modelProbabilities);
      lineage.put("confidence", confidence.asMap());
      List<String> missing = grounding.ungrounded().stream()
          .filter(type.review().mustBeGrounded()::contains).toList();
      if (!missing.isEmpty()) {
        fail(out, r, Reason.UNGROUNDED, "not found in the text: " + String.join(", ", missing),
            missing.stream().map(f -> f + ": " + fields.get(f)).toList(), c.text(), lineage);
        return;
      }
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      List<CheckFailure> failed = new ArrayList<>();
      for (Check check : type.review().checks()) {
        check.test(fields, today).ifPresent(failed::add);
      }
      if (!failed.isEmpty()) {
        fail(out, r, Reason.CHECK_FAILED, "failed checks: " + String.join(", ",
                failed.stream().map(CheckFailure::check).toList()),
            failed.stream().map(CheckFailure::toString).toList(), c.text(), lineage);
        return;
      }
      Double threshold = type.review().minConfidence();
      if (threshold != null && confidence.document() < threshold) {
        List<String> weak = confidence.fields().entrySet().stream()
            .filter(f -> f.getValue() < threshold).map(Map.Entry::getKey).toList();
        fail(out, r, Reason.LOW_CONFIDENCE, "confidence " + confidence.document() + " < "
                + threshold + " for: " + String.join(", ", weak),
            weak.stream().map(f -> f + ": " + confidence.fields().get(f)).toList(), c.text(),
            lineage);
        return;
      }
      Metrics.counter(STAGE, "records").inc();
      out.get(RECORDS).output(new ExtractedRecord(r.id(), r.source(), r.contentType(),
          r.documentType(), fields.toString(), lineage));
    }

    /**
     * Rule values for fields the model left empty or that are not in the text, kept only when the
     * record still satisfies the schema; lineage names the rule behind each replaced field.
     */
    private JsonNode withRules(DocumentTypeConfig type, ExtractionRequest r, JsonNode fields,
        Map<String, RuleSet.Match> ruleMatches, Map<String, Object> lineage) {
      if (type.rules().isEmpty() || !fields.isObject()) {
        return fields;
      }
      ObjectNode patched = ((ObjectNode) fields).deepCopy();
      Map<String, String> sources =
          RuleFallback.apply(patched, type.rules(), ruleMatches, r.text(),
              schemaTrees.get(type.name()));
      if (sources.isEmpty() || !validators.get(type.name()).validate(patched.toString()).ok()) {
        return fields;
      }
      Metrics.counter(STAGE, "rule_fallbacks").inc(sources.size());
      lineage.put("field_sources", sources);
      return patched;
    }

    private void fail(MultiOutputReceiver out, ExtractionRequest r, Reason reason,
        String message, List<String> messages, String raw, Map<String, Object> lineage) {
      if (escalate.contains(reason.code())) {
        Metrics.counter(STAGE, "escalated_" + reason.code()).inc();
        out.get(ESCALATE).output(r);
        return;
      }
      Metrics.counter(STAGE, reason.code()).inc();
      out.get(FAILURES).output(Failures.ofRequest(STAGE, r, reason, message, messages, raw,
          lineage));
    }

    private Map<String, Object> lineage(DocumentTypeConfig type, ExtractionRequest r,
        Completion c) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("tier", tier);
      l.putAll(model.lineage());
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
