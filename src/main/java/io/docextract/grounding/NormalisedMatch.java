package io.docextract.grounding;

import io.docextract.values.Currencies;
import io.docextract.values.Normaliser;
import io.docextract.values.Span;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounds a normalised value on the printed string it came from: a date written 2005-04-29 in the
 * record is found as "April 29, 2005" or "29/04/2005" in the text, an amount 1200.00 as "1,200.00".
 * Every date- or number-shaped string of the text is normalised and compared; a currency code USD
 * as a printed "$" or "US$".
 */
final class NormalisedMatch {

  private static final Pattern DATE_LIKE =
      Pattern.compile(
          "\\b\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}\\b"
              // "1st day of March, 2024", "4. September 2025", "11 décembre 2024", "05-Mar-2018",
              // "5 de marzo de 2023": the forms the date normaliser reads
              + "|\\b\\d{1,2}(?:st|nd|rd|th|er|\\.)?(?:\\s+day)?(?:\\s+of)?(?:\\s+de)?[\\s\\-]+"
              + "\\p{L}{3,10}\\.?,?(?:\\s+de)?[\\s\\-]+\\d{2,4}\\b"
              // "December 11,2014", "April 6th\n, 2005": a comma with or without spaces
              + "|\\b\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)\\d{2,4}\\b",
          // "22ND DAY OF MAY 2001": contracts print ordinals and the words around them in capitals
          Pattern.CASE_INSENSITIVE);
  private static final Pattern AMOUNT_LIKE =
      Pattern.compile("[-+]?(?:[$€£¥]|RM)?\\s?\\d[\\d,. ]*\\d|\\d");

  private NormalisedMatch() {}

  static Optional<Span> find(String text, String value, Normaliser normaliser) {
    Pattern shape =
        switch (normaliser) {
          case DATE, DATE_MDY -> DATE_LIKE;
          case AMOUNT -> AMOUNT_LIKE;
          case CURRENCY -> Currencies.PRINTED;
          case DURATION -> Normaliser.PRINTED_DURATION;
          default -> null;
        };
    if (shape == null) {
      return Optional.empty();
    }
    String want = normaliser.apply(value);
    if (want.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = shape.matcher(text);
    while (m.find()) {
      String printed = m.group().replaceAll("(?i)\\s+day\\s+of\\s+|\\s+of\\s+", " ");
      if (normaliser.apply(printed).equals(want)) {
        return Optional.of(new Span(m.start(), m.end(), m.group(), "normalised", 1.0));
      }
    }
    return Optional.empty();
  }
}
