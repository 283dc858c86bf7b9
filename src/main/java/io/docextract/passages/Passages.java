package io.docextract.passages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text into passages of at most about {@code windowChars}: paragraphs (blank-line separated)
 * are gathered until the window is full; a paragraph longer than the window is cut after a sentence
 * end, or at the window if it has none.
 */
public final class Passages {

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
  private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?](\\s+)");

  private Passages() {}

  public static List<Passage> split(String text, int windowChars) {
    if (windowChars < 50) {
      throw new IllegalArgumentException("windowChars must be >= 50, got " + windowChars);
    }
    List<int[]> pieces = new ArrayList<>();
    Matcher m = PARAGRAPH_BREAK.matcher(text);
    int from = 0;
    while (m.find()) {
      addPieces(text, from, m.start(), windowChars, pieces);
      from = m.end();
    }
    addPieces(text, from, text.length(), windowChars, pieces);

    List<Passage> out = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (int[] p : pieces) {
      if (start >= 0 && p[1] - start > windowChars) {
        out.add(new Passage(out.size(), start, end, text.substring(start, end)));
        start = -1;
      }
      if (start < 0) {
        start = p[0];
      }
      end = p[1];
    }
    if (start >= 0) {
      out.add(new Passage(out.size(), start, end, text.substring(start, end)));
    }
    return out;
  }

  private static void addPieces(String text, int from, int to, int window, List<int[]> out) {
    while (to - from > window) {
      int cut = -1;
      Matcher s = SENTENCE_END.matcher(text).region(from, from + window);
      while (s.find()) {
        cut = s.start(1);
      }
      if (cut <= from + window / 4) {
        cut = from + window;
      }
      out.add(new int[] {from, cut});
      from = cut;
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
    }
    if (to > from && !text.substring(from, to).isBlank()) {
      out.add(new int[] {from, to});
    }
  }
}
