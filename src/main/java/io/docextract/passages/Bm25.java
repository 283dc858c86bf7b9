package io.docextract.passages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Okapi BM25 over one document's passages: how well each passage answers a bag of query words, with
 * the document itself as the corpus (a word in every passage tells nothing).
 */
final class Bm25 {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final List<Map<String, Integer>> counts = new ArrayList<>();
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final double averageLength;

  Bm25(List<Passage> passages) {
    long total = 0;
    for (Passage p : passages) {
      Map<String, Integer> c = new HashMap<>();
      for (String w : words(p.text())) {
        c.merge(w, 1, Integer::sum);
        total++;
      }
      c.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
      counts.add(c);
    }
    averageLength = passages.isEmpty() ? 1 : Math.max(1.0, (double) total / passages.size());
  }

  double score(int passage, Set<String> query) {
    Map<String, Integer> c = counts.get(passage);
    int length = c.values().stream().mapToInt(Integer::intValue).sum();
    double n = counts.size();
    double score = 0;
    for (String q : query) {
      Integer tf = c.get(q);
      if (tf == null) {
        continue;
      }
      double df = documentFrequency.get(q);
      double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / averageLength));
    }
    return score;
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
