package io.docextract.ingest;

import java.io.Serializable;

/**
 * Bounds on what one document may cost to parse. Checked when the pipeline file loads, so a bad
 * value fails the job before any file is read.
 *
 * @param maxFileBytes files larger than this are routed to review unread
 * @param maxTextChars Tika stops writing text past this many characters; the rest is cut
 */
public record ParseLimits(long maxFileBytes, int maxTextChars) implements Serializable {

  public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARS = 200_000;

  public ParseLimits {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be > 0, got " + maxFileBytes);
    }
    if (maxTextChars <= 0) {
      throw new IllegalArgumentException("maxTextChars must be > 0, got " + maxTextChars);
    }
  }

  public static ParseLimits defaults() {
    return new ParseLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TEXT_CHARS);
  }
}
