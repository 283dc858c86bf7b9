package io.docextract.passages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the passages of a long text to show the model: the opening passage, then, field by field
 * in turn, each field's best-ranked passage not yet chosen, until the budget is spent; shown in
 * document order with a gap marker between passages that were not adjacent.
 */
public final class PassageSelector implements Serializable {

  /** Between two passages that are not next to each other in the document. */
  public static final String GAP = "\n[…]\n";

  private static final Set<String> STOP =
      Set.of(
          "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "by", "is", "be", "as",
          "at", "it", "its", "this", "that", "with", "from", "when", "none", "null", "e", "g",
          "yyyy", "mm", "dd", "how", "which", "who", "whose", "are");

  private final Map<String, Set<String>> queries;
  private final int windowChars;

  /**
   * @param queries per field, the words that tend to sit near its value
   */
  public PassageSelector(Map<String, ? extends Iterable<String>> queries, int windowChars) {
    Map<String, Set<String>> q = new LinkedHashMap<>();
    queries.forEach(
        (field, words) -> {
          Set<String> set = new HashSet<>();
          for (String w : words) {
            for (String token : Bm25.words(w)) {
              if (!STOP.contains(token)) {
                set.add(token);
              }
            }
          }
          if (!set.isEmpty()) {
            q.put(field, set);
          }
        });
    this.queries = q;
    if (windowChars < 50) {
      throw new IllegalArgumentException("windowChars must be >= 50, got " + windowChars);
    }
    this.windowChars = windowChars;
  }

  /** The selected text, and how many passages of how many it holds. */
  public record Selection(String text, int chosen, int total) {}

  /** The whole text when it fits {@code maxChars}; otherwise the chosen passages. */
  public Selection select(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return new Selection(text, 1, 1);
    }
    List<Passage> passages = Passages.split(text, windowChars);
    Bm25 bm25 = new Bm25(passages);
    List<List<Passage>> ranked = new ArrayList<>();
    for (Set<String> q : queries.values()) {
      List<Passage> order =
          new ArrayList<>(passages.stream().filter(p -> bm25.score(p.index(), q) > 0).toList());
      order.sort(
          Comparator.comparingDouble((Passage p) -> -bm25.score(p.index(), q))
              .thenComparingInt(Passage::index));
      ranked.add(order);
    }
    TreeSet<Integer> chosen = new TreeSet<>();
    int[] used = {0};
    take(passages.get(0), chosen, used, maxChars);
    int[] next = new int[ranked.size()];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int f = 0; f < ranked.size(); f++) {
        List<Passage> order = ranked.get(f);
        while (next[f] < order.size()) {
          Passage p = order.get(next[f]++);
          if (!chosen.contains(p.index())) {
            progress |= take(p, chosen, used, maxChars);
            break;
          }
        }
      }
    }
    // Budget left over goes to the opening pages, in order.
    for (Passage p : passages) {
      take(p, chosen, used, maxChars);
    }
    StringBuilder sb = new StringBuilder();
    int last = -2;
    for (int i : chosen) {
      if (sb.length() > 0) {
        sb.append(i == last + 1 ? "\n\n" : GAP);
      }
      sb.append(passages.get(i).text().strip());
      last = i;
    }
    return new Selection(sb.toString(), chosen.size(), passages.size());
  }

  private static boolean take(Passage p, Set<Integer> chosen, int[] used, int maxChars) {
    int cost = p.text().length() + GAP.length();
    if (chosen.contains(p.index()) || used[0] + cost > maxChars) {
      return false;
    }
    chosen.add(p.index());
    used[0] += cost;
    return true;
  }
}
