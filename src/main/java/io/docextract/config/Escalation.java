package io.docextract.config;

import io.docextract.model.ModelSettings;
import java.io.Serializable;
import java.util.Set;

/**
 * A second tier: documents the first model's answer failed on for one of {@code reasons} are
 * extracted again by {@code model} (larger, or tuned differently) before anything goes to review.
 * Records say which tier answered.
 */
public record Escalation(ModelSettings model, Set<String> reasons) implements Serializable {

  /** What a second model may fix: the answer's failures, not the input's. */
  public static final Set<String> DEFAULT_REASONS = Set.of("empty_output", "truncated",
      "repetition", "invalid_json", "schema_violation", "ungrounded", "check_failed",
      "low_confidence");

  public Escalation {
    reasons = Set.copyOf(reasons);
  }
}
