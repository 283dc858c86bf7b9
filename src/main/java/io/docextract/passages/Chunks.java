package io.docextract.passages;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into chunks that each fit the prompt budget, on passage (paragraph) boundaries,
 * each chunk starting with the last passage of the one before so a value that sits across the cut
 * is whole in one of them. The chunks cover a prefix of the text: up to {@code maxChunks}, the rest
 * is cut.
 */
public final class Chunks {

  private Chunks() {}

  /** [start, end) ranges in the text, in order, overlapping by one passage. */
  public static List<int[]> ranges(String text, int maxChars, int windowChars, int maxChunks) {
    List<Passage> passages = Passages.split(text, Math.min(windowChars, maxChars));
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < passages.size() && out.size() < maxChunks) {
      int first = i;
      int start = passages.get(i).start();
      int end = passages.get(i).end();
      i++;
      while (i < passages.size() && passages.get(i).end() - start <= maxChars) {
        end = passages.get(i).end();
        i++;
      }
      out.add(new int[] {start, end});
      // Overlap: the next chunk starts again at this chunk's last passage, unless that would
      // not move forward.
      if (i < passages.size() && i - 1 > first) {
        i--;
      }
    }
    return out;
  }

  /** The part of the text the chunks cover: what the model sees, over all chunks. */
  public static String covered(String text, int maxChars, int windowChars, int maxChunks) {
    List<int[]> r = ranges(text, maxChars, windowChars, maxChunks);
    return r.isEmpty() ? text : text.substring(0, r.get(r.size() - 1)[1]);
  }
}
