package io.docextract.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The words a kind of document is printed with (one a line, '#' starts a comment), compared without
 * case. A recogniser's word that is not among them is a candidate for correction, and the words one
 * or two edits away are what it may have been ({@link LexiconCorrection} decides by the
 * recogniser's own probabilities). Words shorter than {@link #MIN_LENGTH} are left out: at two
 * letters nearly every misreading is another word.
 */
public final class Lexicon {

  static final int MIN_LENGTH = 3;

  private final Set<String> words;

  /**
   * Words by length, so candidates are drawn only from the lengths {@link #near} allows; each list
   * sorted, so candidates come in the same order on every run (a Set's order is not fixed).
   */
  private final Map<Integer, List<String>> byLength;

  private Lexicon(Set<String> words) {
    this.words = Set.copyOf(words);
    Map<Integer, List<String>> m = new HashMap<>();
    for (String w : this.words) {
      m.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
    }
    m.values().forEach(l -> l.sort(String::compareTo));
    this.byLength = m;
  }

  public static Lexicon of(Iterable<String> words) {
    Set<String> s = new HashSet<>();
    for (String w : words) {
      String k = key(w.strip());
      if (k.length() >= MIN_LENGTH && k.codePoints().allMatch(Character::isLetterOrDigit)) {
        s.add(k);
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("a lexicon needs at least one word of 3+ letters/digits");
    }
    return new Lexicon(s);
  }

  public static Lexicon load(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        lines.add(t);
      }
    }
    try {
      return of(lines);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public int size() {
    return words.size();
  }

  boolean contains(String word) {
    return words.contains(key(word));
  }

  /**
   * The lexicon's words (upper case) at most {@code maxEdits} edits from {@code word} and no
   * shorter: a character the recogniser emitted is taken to be there (misread or with one missed
   * beside it), since dropping one turns a misread "TOTAL" ("TOTL") into another word ("TOT").
   */
  List<String> near(String word, int maxEdits) {
    String k = key(word);
    LevenshteinDistance distance = new LevenshteinDistance(maxEdits);
    List<String> out = new ArrayList<>();
    for (int len = k.length(); len <= k.length() + maxEdits; len++) {
      for (String w : byLength.getOrDefault(len, List.of())) {
        if (distance.apply(k, w) >= 0) {
          out.add(w);
        }
      }
    }
    return out;
  }

  private static String key(String w) {
    return w.toUpperCase(Locale.ROOT);
  }
}
