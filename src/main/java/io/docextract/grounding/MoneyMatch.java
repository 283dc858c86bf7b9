package io.docextract.grounding;

import io.docextract.values.Normaliser;
import io.docextract.values.Span;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounds an amount on a printed money amount that equals it: a whole number token (never digits
 * inside an identifier, a date or another number), read the printed way (1,234.56, 1.234,56, 1
 * 234,56), that looks like money — it has cents, or a currency sign or code beside it, or its line
 * speaks of a total, amount, price or balance. A bare "10" in a quantity column or a line number
 * does not ground a total of 10.
 */
final class MoneyMatch {

  // A number token, perhaps right after a currency code or sign ("RM51.30", "$ 9"): not inside
  // a word, not after a digit and a separator (a date's or a time's parts), not an identifier's
  // tail after a hyphen, and not followed by a digit or a decimal part.
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?<!\\p{N}[.,/:])(?<![\\p{L}\\p{N}]-)"
              + "((?i:RM|USD|EUR|GBP|CHF|AUD|CAD|SGD|MYR|INR|JPY)\\.?\\s?|[$€£¥₹]\\s?)?"
              + "(\\d{1,3}(?:[,.\u00a0 '\u2019]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
              + "(?![\\p{N}]|[.,/:]\\p{N}|-\\p{N})");
  private static final Pattern CENTS = Pattern.compile("[.,]\\d{2}$");
  private static final Pattern CURRENCY =
      Pattern.compile(
          "[$€£¥₹]|\\b(?:RM|USD|EUR|GBP|CHF|AUD|CAD|SGD|MYR|INR|JPY|SEK|NOK|DKK|PLN|CZK|Fr\\.?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONEY_WORDS =
      Pattern.compile(
          "total|amount|amt|due|balance|sum|price|paid|pay|net|gross|subtotal|cash|tax|vat"
              + "|betrag|summe|gesamt|preis|montant|prix|somme|importe|precio|bedrag|totaal|prijs",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private MoneyMatch() {}

  static Optional<Span> find(String text, String value) {
    String want = abs(Normaliser.AMOUNT.apply(value));
    if (want.isEmpty() || !Character.isDigit(want.charAt(0))) {
      return Optional.empty();
    }
    Matcher m = NUMBER.matcher(text);
    Span fallback = null;
    while (m.find()) {
      String printed = m.group(2);
      if (!want.equals(abs(Normaliser.AMOUNT.apply(printed)))) {
        continue;
      }
      int start = m.start(2);
      // As printed, or as the same amount printed another way (the report marks them so).
      String method = printed.equals(value.strip()) ? "exact" : "normalised";
      if (m.group(1) != null
          || CENTS.matcher(printed).find()
          || besideCurrency(text, start, m.end())) {
        return Optional.of(new Span(start, m.end(), printed, method, 1.0));
      }
      if (fallback == null && MONEY_WORDS.matcher(line(text, start)).find()) {
        fallback = new Span(start, m.end(), printed, method, 1.0);
      }
    }
    return Optional.ofNullable(fallback);
  }

  private static boolean besideCurrency(String text, int start, int end) {
    String around =
        text.substring(Math.max(0, start - 5), start)
            + " "
            + text.substring(end, Math.min(text.length(), end + 5));
    return CURRENCY.matcher(around).find();
  }

  private static String line(String text, int at) {
    int s = text.lastIndexOf('\n', at) + 1;
    int e = text.indexOf('\n', at);
    return text.substring(s, e < 0 ? text.length() : e);
  }

  private static String abs(String normalised) {
    try {
      return new BigDecimal(normalised).abs().toPlainString();
    } catch (NumberFormatException e) {
      return normalised;
    }
  }
}
