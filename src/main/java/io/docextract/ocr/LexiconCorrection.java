package io.docextract.ocr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Corrects a recognised word that is not in the {@link Lexicon} to a lexicon word near it, when the
 * recogniser itself finds that word nearly as likely. Greedy CTC decoding keeps the best character
 * at each step, so where a receipt's print makes 'l' and 'i', or 'o' and 'a', look alike it reads
 * "Jaian" although "Jalan" was a close second. Each candidate is scored by the CTC forward
 * probability of the steps the word covers (the blanks around it included, the neighbouring
 * characters not), the same sum over alignments as the word read; a candidate replaces the word
 * only when its probability is at least {@link #MIN_RATIO} of the word's. A word the model read
 * with confidence is never changed, however far it is from the lexicon: names and numbers stay as
 * read.
 */
final class LexiconCorrection {

  /**
   * Chosen on the 50 SROIE scans (docs/ocr.md, section 6): gold values found in the text on letters
   * and digits 0.885 without a lexicon, 0.905 at 0.02, 0.910 at 0.1, 0.900 at 0.3.
   */
  static final double MIN_RATIO = 0.1;

  private static final double LOG_MIN_RATIO = Math.log(MIN_RATIO);

  private final Lexicon lexicon;
  private final Map<Character, Integer> classOf;

  LexiconCorrection(Lexicon lexicon, Map<Character, Integer> classOf) {
    this.lexicon = lexicon;
    this.classOf = Map.copyOf(classOf);
  }

  /**
   * The line with each out-of-lexicon word of letters (digits allowed beside them) that a lexicon
   * word out-scores replaced; {@code text.charAt(i)} is emitted character {@code i}.
   */
  String correct(
      String text, List<Ctc.Emitted> emitted, float[] probs, int offset, int steps, int classes) {
    if (text.length() != emitted.size()) {
      return text; // a dictionary entry of more than one char: positions do not line up
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      String word = text.substring(i, end);
      String better = null;
      if (word.length() >= Lexicon.MIN_LENGTH
          && word.chars().anyMatch(Character::isLetter)
          && !lexicon.contains(word)) {
        int t0 = i == 0 ? 0 : emitted.get(i - 1).lastStep() + 1;
        int t1 = end == text.length() ? steps - 1 : emitted.get(end).firstStep() - 1;
        better = best(word, emitted.subList(i, end), probs, offset, t0, t1, classes);
      }
      out.append(better != null ? better : word);
      i = end;
    }
    return out.toString();
  }

  private String best(
      String word,
      List<Ctc.Emitted> chars,
      float[] probs,
      int offset,
      int t0,
      int t1,
      int classes) {
    int[] read = new int[chars.size()];
    for (int k = 0; k < read.length; k++) {
      read[k] = chars.get(k).cls();
    }
    double readScore = Ctc.logProbability(read, probs, offset, t0, t1, classes);
    String best = null;
    double bestScore = readScore + LOG_MIN_RATIO;
    for (String candidate : lexicon.near(word, word.length() <= 4 ? 1 : 2)) {
      String shaped = caseLike(word, candidate);
      int[] labels = labels(shaped);
      if (labels == null) {
        continue;
      }
      double s = Ctc.logProbability(labels, probs, offset, t0, t1, classes);
      if (s >= bestScore) {
        best = shaped;
        bestScore = s;
      }
    }
    return best;
  }

  private int[] labels(String s) {
    int[] out = new int[s.length()];
    for (int k = 0; k < s.length(); k++) {
      Integer c = classOf.get(s.charAt(k));
      if (c == null) {
        return null;
      }
      out[k] = c;
    }
    return out;
  }

  /** The lexicon's word (upper case) in the case the word was printed in. */
  static String caseLike(String word, String upper) {
    long lower = word.chars().filter(Character::isLowerCase).count();
    long caps = word.chars().filter(Character::isUpperCase).count();
    if (caps >= lower) {
      return upper;
    }
    String low = upper.toLowerCase(Locale.ROOT);
    return Character.isUpperCase(word.charAt(0))
        ? Character.toUpperCase(low.charAt(0)) + low.substring(1)
        : low;
  }
}
