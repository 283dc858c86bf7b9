package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lines of per-step distributions written by hand: each step is one character, or a blank, with the
 * probability the recogniser gave it and optionally a runner-up.
 */
class LexiconCorrectionTest {

  private static final String ALPHABET = "ABDHJLMNOPRSTaehilmnoprt0123456789, ";
  private static final int CLASSES = ALPHABET.length() + 1; // + the blank, class 0

  private static final Lexicon WORDS = Lexicon.of(List.of("JALAN", "JOHOR", "SDN", "BHD", "TOTAL"));

  private final LexiconCorrection correction = new LexiconCorrection(WORDS, classes());

  @Test
  void aLetterTheRecogniserNearlyReadIsPutBack() {
    // "Jaian": the 'i' at 0.6 with 'l' at 0.35 behind it.
    assertEquals("12, Jalan Tampoi", read(line("12, Ja", step('i', 0.6, 'l', 0.35), "an Tampoi")));
  }

  @Test
  void aWordReadWithConfidenceStaysAsRead() {
    // The same word with 'l' far behind: a shop or street name the lexicon lacks, not a misreading.
    assertEquals("12, Jaian Tampoi", read(line("12, Ja", step('i', 0.97, 'l', 0.02), "an Tampoi")));
  }

  @Test
  void wordsOfTheLexiconNumbersAndShortWordsAreNotTouched() {
    assertEquals("JOHOR 81200 SDN BHD RM 12", read(line("JOHOR 81200 SDN BHD RM 12")));
    // "SON" is one letter from "SDN", but read with certainty here.
    assertEquals("SON", read(line("SON")));
  }

  @Test
  void upperCaseWordsAreCorrectedInUpperCase() {
    assertEquals("SDN BHD", read(line("S", step('O', 0.55, 'D', 0.4), "N BHD")));
    assertEquals("Johor", read(line("J", step('a', 0.5, 'o', 0.45), "hor")));
  }

  @Test
  void aLetterReadIsNeverDroppedToReachAWord() {
    // "TOTL" is one deletion from nothing in the lexicon but one insertion from "TOTAL": only a
    // missed character the recogniser saw some of may be added.
    String read = read(line("TOTL"));
    assertEquals("TOTL", read);
    assertFalse(WORDS.near("TOTL", 1).contains("TOT"));
    assertTrue(WORDS.near("TOTL", 1).contains("TOTAL"));
  }

  private String read(float[][] steps) {
    float[] probs = new float[steps.length * CLASSES];
    for (int t = 0; t < steps.length; t++) {
      System.arraycopy(steps[t], 0, probs, t * CLASSES, CLASSES);
    }
    List<Ctc.Emitted> emitted = Ctc.greedy(probs, 0, steps.length, CLASSES, c -> true);
    StringBuilder text = new StringBuilder();
    emitted.forEach(e -> text.append(ALPHABET.charAt(e.cls() - 1)));
    return correction.correct(text.toString(), emitted, probs, 0, steps.length, CLASSES);
  }

  /** Each part a string (one certain character a step, a blank between) or a ready step. */
  private static float[][] line(Object... parts) {
    List<float[]> steps = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof float[] s) {
        steps.add(s);
        steps.add(blank());
      } else {
        for (char c : ((String) part).toCharArray()) {
          steps.add(step(c, 0.98, null, 0));
          steps.add(blank());
        }
      }
    }
    return steps.toArray(new float[0][]);
  }

  private static float[] step(char best, double p, Character second, double q) {
    float[] s = new float[CLASSES];
    s[ALPHABET.indexOf(best) + 1] = (float) p;
    if (second != null) {
      s[ALPHABET.indexOf(second) + 1] = (float) q;
    }
    s[0] = (float) (1 - p - q); // the rest is the blank
    return s;
  }

  private static float[] step(char best, double p, char second, double q) {
    return step(best, p, Character.valueOf(second), q);
  }

  private static float[] blank() {
    float[] s = new float[CLASSES];
    s[0] = 0.98f;
    s[ALPHABET.indexOf(' ') + 1] = 0.02f;
    return s;
  }

  private static Map<Character, Integer> classes() {
    Map<Character, Integer> m = new HashMap<>();
    for (int i = 0; i < ALPHABET.length(); i++) {
      m.put(ALPHABET.charAt(i), i + 1);
    }
    return m;
  }
}
