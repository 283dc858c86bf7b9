package io.docextract.config;

import io.docextract.endpoint.EndpointSettings;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** {@code escalation:}: the second tier, a local model or a remote endpoint, and when to use it. */
final class EscalationSection {

  private EscalationSection() {}

  static Escalation escalation(
      PipelineDefinition.EscalationDef e, ModelSection models, String where)
      throws InvalidPipelineException {
    if (e == null) {
      return null;
    }
    if ((e.model() == null) == (e.endpoint() == null)) {
      throw new InvalidPipelineException(
          where
              + ": escalation names either a model or an"
              + " endpoint, not "
              + (e.model() == null ? "neither" : "both"));
    }
    Set<String> reasons = e.reasons() == null ? Escalation.DEFAULT_REASONS : new HashSet<>();
    if (e.reasons() != null) {
      for (String r : e.reasons()) {
        if (!Escalation.DEFAULT_REASONS.contains(r)) {
          throw new InvalidPipelineException(
              where
                  + ": escalation.reasons: '"
                  + r
                  + "' is not one"
                  + " of "
                  + new TreeSet<>(Escalation.DEFAULT_REASONS));
        }
        reasons.add(r);
      }
    }
    if (e.endpoint() != null) {
      return new Escalation(
          endpoint(e.endpoint(), where + ": escalation.endpoint", Defaults.ENDPOINT_MAX_REQUESTS),
          reasons);
    }
    return new Escalation(models.settings(e.model(), where + ": escalation", null), reasons);
  }

  /** An endpoint of either tier; they differ only in their default request budget. */
  static EndpointSettings endpoint(PipelineDefinition.Endpoint e, String where, int defaultRequests)
      throws InvalidPipelineException {
    if (e.url() == null || e.model() == null) {
      throw new InvalidPipelineException(where + ": url and model are required");
    }
    try {
      // A fresh key per loaded job: each run spends its own budget.
      return new EndpointSettings(
          e.url(),
          e.model(),
          e.apiKeyEnv(),
          e.timeoutSeconds() == null ? Defaults.ENDPOINT_TIMEOUT_SECONDS : e.timeoutSeconds(),
          e.retries() == null ? Defaults.ENDPOINT_RETRIES : e.retries(),
          e.maxTokens() == null ? Defaults.ENDPOINT_MAX_TOKENS : e.maxTokens(),
          e.maxRequests() == null ? defaultRequests : e.maxRequests(),
          UUID.randomUUID().toString(),
          e.concurrency() == null ? 1 : e.concurrency(),
          Boolean.TRUE.equals(e.logprobs()),
          e.responseFormat() == null ? EndpointSettings.JSON_SCHEMA : e.responseFormat());
    } catch (IllegalArgumentException ex) {
      throw new InvalidPipelineException(where + ": " + ex.getMessage());
    }
  }
}
