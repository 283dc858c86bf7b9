package io.docextract.values;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A currency as its ISO 4217 code, from the code or the symbol an invoice prints. "$" alone is the
 * US dollar, as CLDR's English default has it; other dollars print their own prefix (CA$, A$, S$)
 * or their code. A mark that names no one currency ("kr", "¥": yen or yuan) is not guessed.
 */
public final class Currencies {

  // mark -> code; a currency's longer marks first: the printed-mark pattern tries them in order.
  private static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

  static {
    marks("USD", "US$", "$");
    marks("CAD", "CA$", "C$");
    marks("AUD", "AU$", "A$");
    marks("SGD", "SG$", "S$");
    marks("NZD", "NZ$");
    marks("HKD", "HK$");
    marks("BRL", "R$");
    marks("EUR", "€");
    marks("GBP", "£");
    marks("INR", "₹", "Rs.", "Rs");
    marks("MYR", "RM");
    marks("CHF", "SFr.", "Fr.");
    marks("PLN", "zł");
    marks("CZK", "Kč");
    marks("TRY", "₺");
    marks("RUB", "₽");
  }

  private static void marks(String code, String... marks) {
    for (String m : marks) {
      SYMBOLS.put(m, code);
    }
  }

  private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

  /**
   * A printed code or mark, not inside a word: "US$" is one mark, and the "$" of "CA$" is not read
   * apart from it. Three capital letters are any code's shape; {@link #code} says which.
   */
  public static final Pattern PRINTED = printed();

  private Currencies() {}

  /** The code for a printed code or mark ("$" → USD, "eur" → EUR); null when it names none. */
  public static String code(String printed) {
    if (printed == null) {
      return null;
    }
    String s = printed.strip();
    String symbol = SYMBOLS.get(s);
    if (symbol != null) {
      return symbol;
    }
    return CODE.matcher(s).matches() ? s.toUpperCase(Locale.ROOT) : null;
  }

  private static Pattern printed() {
    StringBuilder alternatives = new StringBuilder("[A-Z]{3}");
    SYMBOLS.keySet().forEach(s -> alternatives.append('|').append(Pattern.quote(s)));
    return Pattern.compile("(?<![\\p{L}$])(?:" + alternatives + ")(?![\\p{L}$])");
  }
}
