package io.docextract.endpoint;

/**
 * The endpoint gave no usable answer: timeouts or server errors on every attempt, a refused
 * request, or the run's budget spent. The document goes to review; the run goes on.
 */
public final class EndpointException extends Exception {

  /** Why, in a word a summary can count. */
  public enum Kind {
    TIMEOUT,
    HTTP_ERROR,
    CONNECTION,
    BAD_REPLY,
    BUDGET
  }

  private final Kind kind;
  private final int attempts;

  public EndpointException(Kind kind, int attempts, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.attempts = attempts;
  }

  public Kind kind() {
    return kind;
  }

  public int attempts() {
    return attempts;
  }
}
