package io.docextract.model;

/**
 * Why generation ended. {@link #COMPLETE_JSON}, {@link #END_OF_TEXT} and {@link #REPEATED_ELEMENT}
 * are whole replies.
 */
public enum StopReason {
  /** The JSON value closed; generation was stopped there rather than running on in whitespace. */
  COMPLETE_JSON,
  /** The model emitted its end token. */
  END_OF_TEXT,
  /** The token limit was reached first: the reply is cut. */
  TOKEN_LIMIT,
  /** The reply started repeating itself and was stopped; see {@link RepetitionDetector}. */
  REPETITION,
  /**
   * An array began to repeat its elements; the reply was cut after the last distinct one and its
   * brackets closed (see {@link RepeatedElements}). The JSON is whole.
   */
  REPEATED_ELEMENT
}
