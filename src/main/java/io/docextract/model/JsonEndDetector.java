package io.docextract.model;

/**
 * Follows streamed text and says when the first top-level JSON object or array has closed. The
 * schema grammar lets the model pad with whitespace after the closing brace until the token limit,
 * so generation is stopped here instead.
 */
final class JsonEndDetector {

  private int depth;
  private boolean started;
  private JsonStrings strings = new JsonStrings(false);
  private boolean complete;
  private boolean stringValue;
  private boolean memberValue;
  private int seen;
  private int end = -1;

  /** For a string value whose opening quote is already written: complete when the string closes. */
  static JsonEndDetector insideString() {
    JsonEndDetector d = new JsonEndDetector();
    d.strings = new JsonStrings(true);
    d.stringValue = true;
    return d;
  }

  /**
   * For an object member's value of any type: complete at the {@code ,} or {@code }} that follows
   * it at the top level (a number has no end of its own).
   */
  static JsonEndDetector memberValue() {
    JsonEndDetector d = new JsonEndDetector();
    d.memberValue = true;
    return d;
  }

  /**
   * Characters of the text fed so far that belong to the value: through a string's closing quote,
   * up to a member value's following comma or brace; -1 until complete.
   */
  int valueEnd() {
    return end;
  }

  /** Feeds more text; returns true once the top-level value is closed. */
  boolean accept(String chunk) {
    for (int i = 0; i < chunk.length() && !complete; i++) {
      char c = chunk.charAt(i);
      JsonStrings.Kind kind = strings.feed(c);
      if (kind == JsonStrings.Kind.CLOSE && stringValue && depth == 0) {
        complete = true;
        end = seen + i + 1;
      }
      if (kind != JsonStrings.Kind.OUTSIDE) {
        continue;
      }
      if (memberValue && depth == 0 && (c == ',' || c == '}')) {
        complete = true;
        end = seen + i;
        break;
      }
      switch (c) {
        case '{', '[' -> {
          depth++;
          started = true;
        }
        case '}', ']' -> {
          depth--;
          if (started && depth == 0 && !memberValue) {
            complete = true;
            end = seen + i + 1;
          }
        }
        default -> {}
      }
    }
    seen += chunk.length();
    return complete;
  }

  boolean complete() {
    return complete;
  }
}
