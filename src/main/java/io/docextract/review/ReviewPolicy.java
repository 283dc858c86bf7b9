package io.docextract.review;

import java.io.Serializable;
import io.docextract.checks.Check;
import java.util.List;
import java.util.Set;

/**
 * When a schema-valid record still goes to a person, per document type.
 *
 * @param mustBeGrounded fields whose value must be found in the text; a record with one that is
 *     not goes to review as {@code ungrounded}
 * @param minSimilarity the lowest similarity (1 − edits ÷ length) an approximate match needs
 * @param checks cross-field checks; a record failing one goes to review as {@code check_failed}
 * @param minConfidence documents whose confidence is lower go to review as {@code low_confidence};
 *     null for no threshold ({@code eval} suggests one from labelled documents)
 */
public record ReviewPolicy(Set<String> mustBeGrounded, double minSimilarity, List<Check> checks,
    Double minConfidence)
    implements Serializable {

  public static final double DEFAULT_MIN_SIMILARITY = 0.85;

  public ReviewPolicy {
    mustBeGrounded = Set.copyOf(mustBeGrounded);
    checks = checks == null ? List.of() : List.copyOf(checks);
    if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
    }
    if (minSimilarity <= 0 || minSimilarity > 1) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
  }

  /** Grounding reported, nothing sent to review for it. */
  public static ReviewPolicy lenient() {
    return new ReviewPolicy(Set.of(), DEFAULT_MIN_SIMILARITY, List.of(), null);
  }
}
