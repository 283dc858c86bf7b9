package io.docextract.values;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a document left the main line. The code is what review tooling and summaries key on. */
public enum Reason {
  READ_ERROR("read_error", "the file could not be read"),
  TOO_LARGE("too_large", "the file is larger than the configured limit"),
  TIKA_ERROR("tika_error", "Tika could not parse the file"),
  PARSE_TIMEOUT("parse_timeout", "parsing took longer than the per-document timeout"),
  PARSE_CRASHED("parse_crashed", "the isolated parser process died (out of memory or a crash)"),
  LIMIT_EXCEEDED(
      "limit_exceeded",
      "a container part is past a limit (depth, number of parts, expanded bytes) or a zip bomb"),
  ENCRYPTED("encrypted", "the file is encrypted or needs a password"),
  EMPTY_TEXT("empty_text", "the parsed document has no text"),
  UNKNOWN_TYPE("unknown_type", "no document type of the pipeline matches the file"),
  SUSPECTED_INJECTION(
      "suspected_injection",
      "the text addresses the model (\"ignore previous instructions\", role markers, ...);"
          + " not sent to the model"),
  CONTEXT_OVERFLOW("context_overflow", "the prompt does not fit the model's context"),
  MODEL_ERROR("model_error", "the model runtime failed on the request"),
  EMPTY_OUTPUT("empty_output", "the model returned nothing"),
  TRUNCATED("truncated", "the reply was cut off by the token limit"),
  REPETITION("repetition", "the reply repeated itself and was stopped"),
  INVALID_JSON("invalid_json", "the reply is not valid JSON"),
  SCHEMA_VIOLATION(
      "schema_violation", "the reply does not satisfy the document type's JSON Schema"),
  UNGROUNDED("ungrounded", "a value that must come from the text was not found in it"),
  CHECK_FAILED("check_failed", "a cross-field check of the document type did not hold"),
  LOW_CONFIDENCE("low_confidence", "the record's confidence is below the pipeline's threshold"),
  ESCALATION_FAILED(
      "escalation_failed",
      "the remote second tier gave no answer: timeouts or errors on every attempt, or the run's"
          + " budget spent");

  private final String code;
  private final String description;

  Reason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public static Reason fromCode(String code) {
    for (Reason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason code: " + code);
  }
}
