package io.docextract.model;

/**
 * Where streamed JSON text stands: inside a string or outside, with backslash escapes followed, so
 * a detector reading the reply character by character sees its brackets and commas only where they
 * are structure, not text.
 */
final class JsonStrings {

  /** What one character was. */
  enum Kind {
    /** Structure, or a number or literal: outside any string. */
    OUTSIDE,
    /** The quote that opens a string. */
    OPEN,
    /** Part of a string's text, escapes included. */
    INSIDE,
    /** The quote that closes a string. */
    CLOSE
  }

  private boolean inString;
  private boolean escaped;

  /** Starting inside a string whose opening quote was written before this text. */
  JsonStrings(boolean inString) {
    this.inString = inString;
  }

  Kind feed(char c) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        inString = false;
        return Kind.CLOSE;
      }
      return Kind.INSIDE;
    }
    if (c == '"') {
      inString = true;
      return Kind.OPEN;
    }
    return Kind.OUTSIDE;
  }
}
