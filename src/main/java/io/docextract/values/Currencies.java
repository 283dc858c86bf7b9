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

  private static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

  static {
    // Longest first: the printed-mark pattern below tries them in this order.
    for (String s : new String[] {"US$", "$"}) {
      SYMBOLS.put(s, "USD");
    }
    for (String s : new String[] {"CA$", "C$"}) {
      SYMBOLS.put(s, "CAD");
    }
    for (String s : new String[] {"AU$", "A$"}) {
      SYMBOLS.put(s, "AUD");
    }
    for (String s : new String[] {"SG$", "S$"}) {
      SYMBOLS.put(s, "SGD");
    }
    SYMBOLS.put("NZ$", "NZD");
    SYMBOLS.put("HK$", "HKD");
    SYMBOLS.put("R$", "BRL");
    SYMBOLS.put("€", "EUR");
    SYMBOLS.put("£", "GBP");
    SYMBOLS.put("₹", "INR");
    SYMBOLS.put("Rs.", "INR");
    SYMBOLS.put("Rs", "INR");
    SYMBOLS.put("RM", "MYR");
    SYMBOLS.put("SFr.", "CHF");
    SYMBOLS.put("Fr.", "CHF");
    SYMBOLS.put("zł", "PLN");
    SYMBOLS.put("Kč", "CZK");
    SYMBOLS.put("₺", "TRY");
    SYMBOLS.put("₽", "RUB");
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
