package io.docextract.model;

/**
 * Follows streamed text and says when the first top-level JSON object or array has closed. The
 * schema grammar lets the model pad with whitespace after the closing brace until the token limit,
 * so generation is stopped here instead.
 */
final class JsonEndDetector {

  private int depth;
  private boolean started;
  private boolean inString;
  private boolean escaped;
  private boolean complete;

  /** Feeds more text; returns true once the top-level value is closed. */
  boolean accept(String chunk) {
    for (int i = 0; i < chunk.length() && !complete; i++) {
      char c = chunk.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> {
          depth++;
          started = true;
        }
        case '}', ']' -> {
          depth--;
          if (started && depth == 0) {
            complete = true;
          }
        }
        default -> {}
      }
    }
    return complete;
  }

  boolean complete() {
    return complete;
  }
}
