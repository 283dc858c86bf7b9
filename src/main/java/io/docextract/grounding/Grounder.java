package io.docextract.grounding;

import io.docextract.values.Span;
import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a value in a text: exactly, then ignoring case and whitespace, then approximately (the
 * substring of the text with the fewest edits from the value, Sellers' algorithm), accepting an
 * approximate match only above a similarity threshold. Bounded: values longer than {@link
 * #MAX_FUZZY_VALUE} characters and texts longer than {@link #MAX_FUZZY_TEXT} are matched exactly or
 * folded only. A short value ({@value #SHORT_VALUE} characters or fewer) and a single word with
 * digits in it (an identifier, a date, a number) must match a whole token, never part of a longer
 * word or number, and never approximately: "10" is not found in "2010", nor "INV-2024-0173" in
 * "INV-2024-0174".
 */
public final class Grounder implements Serializable {

  static final int MAX_FUZZY_VALUE = 200;
  static final int MAX_FUZZY_TEXT = 400_000;
  static final int SHORT_VALUE = 4;

  private final double minSimilarity;

  public Grounder(double minSimilarity) {
    if (minSimilarity <= 0 || minSimilarity > 1) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    this.minSimilarity = minSimilarity;
  }

  public static Grounder defaults() {
    return new Grounder(0.85);
  }

  public double minSimilarity() {
    return minSimilarity;
  }

  public Optional<Span> locate(String text, String value) {
    if (value == null || value.isBlank() || text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (isToken(value.strip())) {
      return wholeToken(text, value.strip());
    }
    int at = text.indexOf(value);
    if (at >= 0) {
      return Optional.of(new Span(at, at + value.length(), value, "exact", 1.0));
    }
    FoldedText t = FoldedText.of(text);
    String v = FoldedText.of(value.strip()).text;
    if (v.isEmpty()) {
      return Optional.empty();
    }
    at = t.text.indexOf(v);
    if (at >= 0) {
      int s = t.start(at);
      int e = t.end(at + v.length());
      return Optional.of(new Span(s, e, text.substring(s, e), "folded", 1.0));
    }
    if (v.length() > MAX_FUZZY_VALUE || t.text.length() > MAX_FUZZY_TEXT) {
      return Optional.empty();
    }
    return fuzzy(text, t, v);
  }

  /** True for a value that must match a whole token: short, or one word with digits. */
  static boolean isToken(String value) {
    return value.length() <= SHORT_VALUE
        || (value.chars().noneMatch(Character::isWhitespace)
            && value.chars().anyMatch(Character::isDigit));
  }

  /**
   * Exactly or ignoring case and the width of whitespace, with no letter or digit on either side
   * (nor one behind a joining '-', '/', '.' or ','): for identifiers, dates and short values.
   */
  private static Optional<Span> wholeToken(String text, String value) {
    return bounded(text, value, "[\\p{L}\\p{N}]");
  }

  /**
   * The same with only digits as neighbours that refuse a match: a printed date is often glued to a
   * word by OCR ("21/05/2018TIME:"), never to another number.
   */
  public Optional<Span> wholeNumberToken(String text, String value) {
    return bounded(text, value, "\\p{N}");
  }

  private static Optional<Span> bounded(String text, String value, String joined) {
    String v = value.strip();
    if (v.isEmpty() || text == null) {
      return Optional.empty();
    }
    StringBuilder re = new StringBuilder("(?<!" + joined + ")(?<!" + joined + "[-/.,])");
    String[] words = v.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      re.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    re.append("(?!" + joined + "|[-/.,]" + joined + ")");
    Matcher m =
        Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(text);
    Span folded = null;
    while (m.find()) {
      if (m.group().equals(v)) {
        return Optional.of(new Span(m.start(), m.end(), m.group(), "exact", 1.0));
      }
      if (folded == null) {
        folded = new Span(m.start(), m.end(), m.group(), "folded", 1.0);
      }
    }
    return Optional.ofNullable(folded);
  }

  /** Best approximate occurrence of {@code v} in the folded text, by edit distance. */
  private Optional<Span> fuzzy(String text, FoldedText t, String v) {
    int m = v.length();
    int n = t.text.length();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    int[] prevStart = new int[m + 1];
    int[] curStart = new int[m + 1];
    for (int i = 0; i <= m; i++) {
      prev[i] = i;
    }
    int best = m + 1;
    int bestEnd = -1;
    int bestStart = -1;
    for (int j = 1; j <= n; j++) {
      char c = t.text.charAt(j - 1);
      cur[0] = 0;
      curStart[0] = j;
      for (int i = 1; i <= m; i++) {
        int sub = prev[i - 1] + (v.charAt(i - 1) == c ? 0 : 1);
        int del = prev[i] + 1;
        int ins = cur[i - 1] + 1;
        if (sub <= del && sub <= ins) {
          cur[i] = sub;
          curStart[i] = i == 1 ? j - 1 : prevStart[i - 1];
        } else if (del <= ins) {
          cur[i] = del;
          curStart[i] = prevStart[i];
        } else {
          cur[i] = ins;
          curStart[i] = curStart[i - 1];
        }
      }
      if (cur[m] < best) {
        best = cur[m];
        bestEnd = j;
        bestStart = curStart[m];
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
      swap = prevStart;
      prevStart = curStart;
      curStart = swap;
    }
    double score = 1.0 - (double) best / m;
    if (bestEnd < 0 || score < minSimilarity || bestStart >= bestEnd) {
      return Optional.empty();
    }
    int s = t.start(bestStart);
    int e = t.end(bestEnd);
    return Optional.of(
        new Span(s, e, text.substring(s, e), "fuzzy", Math.round(score * 1000) / 1000.0));
  }
}
