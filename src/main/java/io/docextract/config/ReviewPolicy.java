package io.docextract.config;

import io.docextract.checks.Check;
import io.docextract.checks.InjectionDetector;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * When a schema-valid record still goes to a person, per document type.
 *
 * @param mustBeGrounded fields whose value must be found in the text; a record with one that is not
 *     goes to review as {@code ungrounded}
 * @param minSimilarity the lowest similarity (1 − edits ÷ length) an approximate match needs
 * @param checks cross-field checks; a record failing one goes to review as {@code check_failed}
 * @param minConfidence documents whose confidence is lower go to review as {@code low_confidence};
 *     null for no threshold ({@code eval} suggests one from labelled documents)
 * @param injection the detector whose match sends a document to review as {@code
 *     suspected_injection} before it reaches the model; null when the pipeline turned it off
 * @param minConfidenceOcr the threshold for documents whose text OCR read (images, image-only PDF
 *     pages): a threshold chosen on text does not carry to them (on receipt scans and photos the
 *     receipt pipeline's 0.825 kept 0.82-0.84 of accepted fields right, not 0.97); null for {@code
 *     minConfidence}
 */
public record ReviewPolicy(
    Set<String> mustBeGrounded,
    double minSimilarity,
    List<Check> checks,
    Double minConfidence,
    InjectionDetector injection,
    Double minConfidenceOcr)
    implements Serializable {

  public static final double DEFAULT_MIN_SIMILARITY = 0.85;

  public ReviewPolicy {
    mustBeGrounded = Set.copyOf(mustBeGrounded);
    checks = checks == null ? List.of() : List.copyOf(checks);
    requireThreshold("minConfidence", minConfidence);
    requireThreshold("minConfidenceOcr", minConfidenceOcr);
    if (minSimilarity <= 0 || minSimilarity > 1) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
  }

  private static void requireThreshold(String name, Double t) {
    if (t != null && (t < 0 || t > 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + t);
    }
  }

  /** One threshold for every document, however its text was read. */
  public ReviewPolicy(
      Set<String> mustBeGrounded,
      double minSimilarity,
      List<Check> checks,
      Double minConfidence,
      InjectionDetector injection) {
    this(mustBeGrounded, minSimilarity, checks, minConfidence, injection, null);
  }

  /** The threshold for a document whose text was read by OCR, or else for every document. */
  public Double minConfidenceFor(boolean readByOcr) {
    return readByOcr && minConfidenceOcr != null ? minConfidenceOcr : minConfidence;
  }

  /** With the standard injection detector (the default). */
  public ReviewPolicy(
      Set<String> mustBeGrounded, double minSimilarity, List<Check> checks, Double minConfidence) {
    this(mustBeGrounded, minSimilarity, checks, minConfidence, InjectionDetector.standard());
  }

  /** Grounding reported, nothing sent to review for it (injection is still detected). */
  public static ReviewPolicy lenient() {
    return new ReviewPolicy(Set.of(), DEFAULT_MIN_SIMILARITY, List.of(), null);
  }
}
