package io.docextract.model;

/** Why generation ended. Only {@link #COMPLETE_JSON} and {@link #END_OF_TEXT} are whole replies. */
public enum StopReason {
  /** The JSON value closed; generation was stopped there rather than running on in whitespace. */
  COMPLETE_JSON,
  /** The model emitted its end token. */
  END_OF_TEXT,
  /** The token limit was reached first: the reply is cut. */
  TOKEN_LIMIT,
  /** The reply started repeating itself and was stopped; see {@link RepetitionDetector}. */
  REPETITION
}
