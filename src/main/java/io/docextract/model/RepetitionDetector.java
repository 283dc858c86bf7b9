package io.docextract.model;

/**
 * Notices a reply that has started to loop: the tail of the text repeats one short unit
 * ("NANANANA…", {@code "x", "x", "x", …}) for at least {@link #MIN_SPAN} characters and four
 * periods. Small models under a grammar do this until the token limit, producing a long valid-
 * looking value; stopping early saves the tokens and names the failure.
 */
public final class RepetitionDetector {

  static final int MAX_PERIOD = 40;
  static final int MIN_SPAN = 48;
  static final int MIN_REPEATS = 4;

  private final StringBuilder tail = new StringBuilder();

  /** Adds generated text; true once the reply ends in a loop. */
  public boolean accept(String piece) {
    tail.append(piece);
    int keep = MAX_PERIOD * MIN_REPEATS + MIN_SPAN;
    if (tail.length() > 2 * keep) {
      tail.delete(0, tail.length() - keep);
    }
    return looping(tail);
  }

  static boolean looping(CharSequence s) {
    int n = s.length();
    for (int p = 1; p <= MAX_PERIOD; p++) {
      int span = Math.max(MIN_SPAN, MIN_REPEATS * p);
      if (span > n) {
        break;
      }
      boolean periodic = true;
      for (int i = n - span; i < n - p && periodic; i++) {
        periodic = s.charAt(i) == s.charAt(i + p);
      }
      if (periodic) {
        return true;
      }
    }
    return false;
  }
}
