package io.docextract.review;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.docextract.values.Reason;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document that needs a person: what it is, which stage gave up on it, why, and the evidence
 * (validator messages, the raw model output, an excerpt of the text) needed to correct it.
 *
 * @param stage the pipeline stage that routed it, e.g. {@code ParseDocuments}
 * @param rawOutput the model's reply as generated, or null when the model was not reached
 * @param lineage model/schema/prompt identity and timings, empty when the model was not reached
 * @param fields the pipeline's proposal: the values it would have written as the record (after the
 *     rules and normalisation), compact JSON; null when the reply never became a schema-valid
 *     object. Per-field confidence and grounding are in the lineage.
 */
public record ReviewItem(
    String id,
    String source,
    String contentType,
    String documentType,
    String stage,
    Reason reason,
    String message,
    List<String> validatorMessages,
    String rawOutput,
    String excerpt,
    Map<String, Object> lineage,
    @JsonRawValue String fields)
    implements Serializable {

  public static final int EXCERPT_CHARS = 500;

  public ReviewItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
    validatorMessages = validatorMessages == null ? List.of() : List.copyOf(validatorMessages);
    lineage =
        lineage == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lineage));
  }

  /** An item without a proposal (the model was not reached or its reply was unusable). */
  public ReviewItem(
      String id,
      String source,
      String contentType,
      String documentType,
      String stage,
      Reason reason,
      String message,
      List<String> validatorMessages,
      String rawOutput,
      String excerpt,
      Map<String, Object> lineage) {
    this(
        id,
        source,
        contentType,
        documentType,
        stage,
        reason,
        message,
        validatorMessages,
        rawOutput,
        excerpt,
        lineage,
        null);
  }

  /** The same item with the pipeline's proposed values. */
  public ReviewItem withFields(String proposal) {
    return new ReviewItem(
        id,
        source,
        contentType,
        documentType,
        stage,
        reason,
        message,
        validatorMessages,
        rawOutput,
        excerpt,
        lineage,
        proposal);
  }

  /** The first characters of a text, for a reviewer to recognise the document at a glance. */
  public static String excerptOf(String text) {
    if (text == null) {
      return null;
    }
    String folded = text.strip().replaceAll("\\s+", " ");
    return folded.length() <= EXCERPT_CHARS ? folded : folded.substring(0, EXCERPT_CHARS) + "…";
  }
}
