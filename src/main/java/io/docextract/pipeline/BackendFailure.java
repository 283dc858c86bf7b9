package io.docextract.pipeline;

import io.docextract.values.Reason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request a {@link ModelBackend} could not answer, with the review reason, the counter to raise
 * and what the review item's lineage should say about it.
 */
final class BackendFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;
  private final String counter;
  private final transient Map<String, Object> lineage;

  BackendFailure(
      Reason reason, String counter, String message, Map<String, Object> lineage, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.counter = counter;
    this.lineage = Collections.unmodifiableMap(new LinkedHashMap<>(lineage));
  }

  Reason reason() {
    return reason;
  }

  String counter() {
    return counter;
  }

  Map<String, Object> lineage() {
    return lineage;
  }
}
