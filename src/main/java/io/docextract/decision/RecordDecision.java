package io.docextract.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.checks.Check;
import io.docextract.checks.CheckFailure;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.grounding.Confidence;
import io.docextract.grounding.Grounder;
import io.docextract.grounding.RecordGrounding;
import io.docextract.model.Completion;
import io.docextract.model.StopReason;
import io.docextract.rules.RuleFallback;
import io.docextract.rules.RuleSet;
import io.docextract.validate.PartialJson;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import io.docextract.values.Normaliser;
import io.docextract.values.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a model's reply becomes a record or goes to a person, for one document type: the schema,
 * the rules' fallback (re-validated), grounding, the model's probabilities, confidence, the fields
 * that must be grounded, the checks and the accept threshold. Plain Java, so the pipeline, eval and
 * tests decide the same way.
 *
 * <p>A type without a calibrated threshold ({@code review.minConfidence}) never writes a record
 * whose weakest required field is under {@link #UNCALIBRATED_FLOOR}, nor one whose confidence is 0:
 * an unmeasured model's word alone is not a record. A threshold replaces both; any above 0 keeps a
 * record at 0 out, and an explicit 0 is a pipeline's own choice to accept every schema-valid,
 * grounded, checked reply.
 */
public final class RecordDecision {

  /**
   * The accept floor of a type nobody has calibrated with {@code eval}. Measured on held-apart
   * documents (2026-12-05), confidences between 0.5 and 0.8 were right about half the time whatever
   * the type: receipts' tune part 6 of 9 documents, NDAs' test PDFs 2 of 6, invoice2data's issuer 0
   * of 3 at 0.5-0.6; an unmeasured type's record must clear more than that.
   */
  public static final double UNCALIBRATED_FLOOR = 0.8;

  private final DocumentTypeConfig type;
  private final RecordValidator validator;
  private final Grounder grounder;
  private final Map<String, Normaliser> normalisers;
  private final Set<String> required;
  private final boolean readByOcr;

  public RecordDecision(DocumentTypeConfig type) {
    this(type, false);
  }

  /**
   * @param readByOcr the documents' text was read by OCR: the type's {@code
   *     review.minConfidenceOcr} applies where it is set
   */
  public RecordDecision(DocumentTypeConfig type, boolean readByOcr) {
    this.readByOcr = readByOcr;
    this.type = type;
    this.validator = new RecordValidator(type.schema());
    this.grounder = new Grounder(type.review().minSimilarity());
    this.normalisers = type.fieldNormalisers();
    this.required = new LinkedHashSet<>();
    type.schema().tree().path("required").forEach(f -> required.add(f.asText()));
  }

  /** True when the type's threshold was chosen by {@code eval}, not left to the floor. */
  public static boolean calibrated(DocumentTypeConfig type) {
    return type.review().minConfidence() != null;
  }

  /**
   * Decides one reply. Adds to {@code lineage} what the decision saw: grounding spans, the rules'
   * field sources, the model's probabilities and the confidence.
   *
   * @param text the text the model was shown
   * @param maxTokens the reply budget, for the message of a cut reply
   */
  public Outcome decide(
      String text, Completion c, int maxTokens, LocalDate today, Map<String, Object> lineage) {
    Outcome cut = cut(c, maxTokens);
    if (cut != null) {
      // A cut reply is never a record, but what it had finished saying is the reviewer's best
      // start: a looping line list still carries a right header.
      JsonNode proposal = proposal(text, c, today, lineage);
      if (proposal == null) {
        return cut;
      }
      return Outcome.review(
          cut.reason(),
          cut.message() + "; its complete part is proposed",
          cut.messages(),
          proposal);
    }
    Verdict v = validator.validate(c.text());
    if (!v.ok()) {
      return Outcome.review(
          v.failure(), v.message(), v.messages(), proposal(text, c, today, lineage));
    }
    return assess(text, v.fields(), c, today, lineage);
  }

  /**
   * The values a reply that is not a record proposes, assessed as a record's would be (null when
   * nothing it said can be proposed); lineage marks them salvaged.
   */
  private JsonNode proposal(
      String text, Completion c, LocalDate today, Map<String, Object> lineage) {
    Optional<ObjectNode> part = salvage(text, c.text());
    if (part.isEmpty()) {
      return null;
    }
    lineage.put("salvaged", true);
    return assess(text, part.get(), c, today, lineage).fields();
  }

  /**
   * What a reply that is not a record had said in full, when that — with the rules' values for the
   * fields it never finished, as the fallback gives them — satisfies the schema: a reply that
   * looped inside the address still proposes its company and date, and the rules' total.
   */
  private Optional<ObjectNode> salvage(String text, String reply) {
    return PartialJson.salvage(reply)
        .filter(
            part -> {
              if (validator.validate(part).ok()) {
                return true;
              }
              if (type.rules().isEmpty()) {
                return false;
              }
              ObjectNode patched = part.deepCopy();
              RuleFallback.apply(patched, type.rules(), text, type.schema().tree());
              return validator.validate(patched).ok();
            });
  }

  private static Outcome cut(Completion c, int maxTokens) {
    if (c.stopReason() == StopReason.REPETITION) {
      return Outcome.review(
          Reason.REPETITION,
          "reply started repeating itself after " + c.generatedTokens() + " tokens and was stopped",
          List.of(),
          null);
    }
    if (c.truncated()) {
      return Outcome.review(
          Reason.TRUNCATED,
          "reply reached the " + maxTokens + "-token limit before the JSON closed",
          List.of(),
          null);
    }
    return null;
  }

  /** The rules, grounding, confidence, checks and threshold, for a schema-valid reply. */
  private Outcome assess(
      String text, JsonNode reply, Completion c, LocalDate today, Map<String, Object> lineage) {
    // One pass of the rules serves the fallback and the confidence.
    Map<String, RuleSet.Match> ruleMatches = type.rules().matches(text);
    JsonNode fields = withRules(text, reply, ruleMatches, lineage);
    RecordGrounding grounding = ground(fields, text);
    lineage.put("grounding", grounding.spans());
    // The model's probability speaks only for the values the model wrote, not the rules'.
    Map<String, Double> modelProbabilities = new LinkedHashMap<>();
    c.fieldProbabilities()
        .forEach(
            (f, p) -> {
              if (fields.path(f).equals(reply.path(f))) {
                modelProbabilities.put(f, p);
              }
            });
    if (!c.fieldProbabilities().isEmpty()) {
      lineage.put("model_probabilities", c.fieldProbabilities());
    }
    // A field the type does not require to be grounded (asked for in another form) is not
    // doubted for being absent as written; the rules and the model's probability still speak.
    Set<String> copied =
        type.review().mustBeGrounded().isEmpty() ? null : type.review().mustBeGrounded();
    Confidence confidence =
        Confidence.of(
            fields,
            grounding,
            secondOpinions(RuleSet.values(ruleMatches), lineage),
            normalisers,
            modelProbabilities,
            copied);
    lineage.put("confidence", confidence.asMap());
    List<String> missing =
        grounding.ungrounded().stream().filter(type.review().mustBeGrounded()::contains).toList();
    if (!missing.isEmpty()) {
      return Outcome.review(
          Reason.UNGROUNDED,
          "not found in the text: " + String.join(", ", missing),
          missing.stream().map(f -> f + ": " + fields.get(f)).toList(),
          proposal(fields, grounding, missing, lineage));
    }
    List<CheckFailure> failed = new ArrayList<>();
    for (Check check : type.review().checks()) {
      check.test(fields, today).ifPresent(failed::add);
    }
    if (!failed.isEmpty()) {
      return Outcome.review(
          Reason.CHECK_FAILED,
          "failed checks: " + String.join(", ", failed.stream().map(CheckFailure::check).toList()),
          failed.stream().map(CheckFailure::toString).toList(),
          fields);
    }
    return accept(confidence, fields);
  }

  /**
   * The review proposal without the values that were not found, where it still satisfies the schema
   * (else as it was); lineage's {@code model_values} keeps what the model said for each field it
   * changes, beside the rules' replacements, for the reviewer and for eval's precedence tables.
   */
  private JsonNode proposal(
      JsonNode fields,
      RecordGrounding grounding,
      List<String> missing,
      Map<String, Object> lineage) {
    if (!fields.isObject()) {
      return fields;
    }
    ObjectNode without = UnfoundValues.without(fields, grounding, missing);
    if (!validator.validate(without).ok()) {
      return fields;
    }
    Map<Object, Object> own = new LinkedHashMap<>();
    if (lineage.get("model_values") instanceof Map<?, ?> earlier) {
      own.putAll(earlier);
    }
    missing.forEach(f -> own.putIfAbsent(f, fields.get(f)));
    lineage.put("model_values", own);
    return without;
  }

  /**
   * Where a record's values are in the text, found with the type's grounder and normalisers: the
   * same search the decision makes, for the review queue and the run report.
   */
  public RecordGrounding ground(JsonNode fields, String text) {
    return RecordGrounding.of(fields, text, grounder, normalisers);
  }

  private Outcome accept(Confidence confidence, JsonNode fields) {
    Double threshold = type.review().minConfidenceFor(readByOcr);
    if (threshold != null && confidence.document() < threshold) {
      List<String> weak = weakFields(confidence, confidence.fields().keySet(), threshold);
      boolean ocrThreshold = readByOcr && type.review().minConfidenceOcr() != null;
      return lowConfidence(
          "confidence "
              + confidence.document()
              + " < "
              + threshold
              + (ocrThreshold ? " (review.minConfidenceOcr: the text was read by OCR)" : "")
              + " for: "
              + String.join(", ", weak),
          confidence,
          weak,
          fields);
    }
    if (threshold == null) {
      List<String> weak = weakFields(confidence, required, UNCALIBRATED_FLOOR);
      if (!weak.isEmpty()) {
        return lowConfidence(
            "confidence under "
                + UNCALIBRATED_FLOOR
                + " for required "
                + String.join(", ", weak)
                + " (type '"
                + type.name()
                + "' has no calibrated review.minConfidence: `docextract eval --write-pipeline`"
                + " suggests one)",
            confidence,
            weak,
            fields);
      }
    }
    if (threshold == null && confidence.document() <= 0) {
      List<String> zero = weakFields(confidence, confidence.fields().keySet(), Double.MIN_VALUE);
      return lowConfidence(
          "confidence 0 for: " + String.join(", ", zero), confidence, zero, fields);
    }
    return Outcome.record(fields);
  }

  /**
   * What speaks for or against each kept value besides itself: the rules' values for the model's,
   * and the model's own for a value the rules put in its place — a rule's value agrees with itself,
   * so without this a value the model contradicted (rules-first precedence, or a fallback for a
   * model value not in the text) would count as confirmed. Where the model said nothing, the rule
   * is the only voice.
   */
  private static Map<String, List<String>> secondOpinions(
      Map<String, List<String>> ruleValues, Map<String, Object> lineage) {
    // withRules recorded the model's own value for every field it replaced.
    if (!(lineage.get("model_values") instanceof Map<?, ?> own) || own.isEmpty()) {
      return ruleValues;
    }
    Map<String, List<String>> out = new LinkedHashMap<>(ruleValues);
    for (Map.Entry<?, ?> e : own.entrySet()) {
      out.put(
          e.getKey().toString(),
          e.getValue() instanceof JsonNode n
                  && n.isValueNode()
                  && !n.isNull()
                  && !n.asText().isBlank()
              ? List.of(n.asText())
              : List.of());
    }
    return out;
  }

  private static List<String> weakFields(
      Confidence confidence, Set<String> among, double threshold) {
    return confidence.fields().entrySet().stream()
        .filter(f -> among.contains(f.getKey()) && f.getValue() < threshold)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Outcome lowConfidence(
      String message, Confidence confidence, List<String> weak, JsonNode fields) {
    return Outcome.review(
        Reason.LOW_CONFIDENCE,
        message,
        weak.stream().map(f -> f + ": " + confidence.fields().get(f)).toList(),
        fields);
  }

  /**
   * Rule values for fields the model left empty or whose value grounding cannot find, kept only
   * when the record still satisfies the schema; lineage names the rule behind each replaced field.
   */
  private JsonNode withRules(
      String text,
      JsonNode fields,
      Map<String, RuleSet.Match> matches,
      Map<String, Object> lineage) {
    if (type.rules().isEmpty() || !fields.isObject()) {
      return fields;
    }
    ObjectNode patched = ((ObjectNode) fields).deepCopy();
    // A number or currency the model wrote is looked for as the decision grounds it: a printed
    // money amount equal to it, not the same digits anywhere; a "$" for USD.
    Map<String, Boolean> foundByForm =
        RecordGrounding.foundByForm(fields, text, grounder, normalisers);
    Map<String, String> sources =
        RuleFallback.apply(patched, type.rules(), matches, text, type.schema().tree(), foundByForm);
    if (sources.isEmpty() || !validator.validate(patched).ok()) {
      return fields;
    }
    lineage.put("field_sources", sources);
    // What the model itself said for each replaced field (null: nothing), so eval can score every
    // precedence on the same run.
    Map<String, JsonNode> own = new LinkedHashMap<>();
    sources.keySet().forEach(f -> own.put(f, fields.get(f)));
    lineage.put("model_values", own);
    return patched;
  }

  /**
   * A record's fields, or the reason a person must look, with the values the pipeline would have
   * written (null when the reply never became a schema-valid object).
   */
  public record Outcome(Reason reason, String message, List<String> messages, JsonNode fields) {

    static Outcome record(JsonNode fields) {
      return new Outcome(null, null, List.of(), fields);
    }

    static Outcome review(Reason reason, String message, List<String> messages, JsonNode fields) {
      return new Outcome(reason, message, messages, fields);
    }

    public boolean accepted() {
      return reason == null;
    }

    /** How many rule values replaced the model's, from the lineage this decision wrote. */
    public static int ruleFallbacks(Map<String, Object> lineage) {
      return lineage.get("field_sources") instanceof Map<?, ?> m ? m.size() : 0;
    }
  }
}
