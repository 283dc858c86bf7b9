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
 */
public record ReviewPolicy(Set<String> mustBeGrounded, double minSimilarity, List<Check> checks)
    implements Serializable {

  public static final double DEFAULT_MIN_SIMILARITY = 0.85;

  public ReviewPolicy {
    mustBeGrounded = Set.copyOf(mustBeGrounded);
    checks = checks == null ? List.of() : List.copyOf(checks);
    if (minSimilarity <= 0 || minSimilarity > 1) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
  }

  /** Grounding reported, nothing sent to review for it. */
  public static ReviewPolicy lenient() {
    return new ReviewPolicy(Set.of(), DEFAULT_MIN_SIMILARITY, List.of());
  }
}
