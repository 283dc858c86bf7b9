package io.docextract.config;

import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ModelSettings;
import java.io.Serializable;
import java.util.Set;

/**
 * A second tier: documents the first model's answer failed on for one of {@code reasons} are
 * extracted again — by a local {@code model} (larger, or tuned differently) or by a remote
 * OpenAI-compatible {@code endpoint}, exactly one of the two — before anything goes to review.
 * Records say which tier answered.
 */
public record Escalation(ModelSettings model, EndpointSettings endpoint, Set<String> reasons)
    implements Serializable {

  /** What a second model may fix: the answer's failures, not the input's. */
  public static final Set<String> DEFAULT_REASONS =
      Set.of(
          "empty_output",
          "truncated",
          "repetition",
          "invalid_json",
          "schema_violation",
          "ungrounded",
          "check_failed",
          "low_confidence");

  public Escalation {
    if ((model == null) == (endpoint == null)) {
      throw new IllegalArgumentException("an escalation names either a model or an endpoint");
    }
    reasons = Set.copyOf(reasons);
  }

  public Escalation(ModelSettings model, Set<String> reasons) {
    this(model, null, reasons);
  }

  public Escalation(EndpointSettings endpoint, Set<String> reasons) {
    this(null, endpoint, reasons);
  }

  public boolean remote() {
    return endpoint != null;
  }
}
