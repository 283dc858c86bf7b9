package io.docextract.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How one invoice prints its numbers, money and dates: a number format (1,234.56 / 1.234,56 / 1
 * 234,56 / 1'234.56 / 1234.56), where the currency shows (a symbol or the code, before or after the
 * amount, or only once in a header line) and a date layout in the invoice's language. The gold
 * keeps the normal forms: amounts as numbers, the currency as its 3-letter code, the date as ISO
 * yyyy-MM-dd (as invoice2data's gold and the {@code date} normaliser write it).
 */
record InvoicePrint(char group, char decimal, Mark mark, String symbol, DateTimeFormatter dates) {

  /** Where the currency is printed. HEADER: only on a "Currency:" line (or a column head). */
  enum Mark {
    SYMBOL_BEFORE,
    SYMBOL_AFTER,
    CODE_BEFORE,
    CODE_AFTER,
    HEADER
  }

  private static final Map<String, List<String>> SYMBOLS =
      Map.of(
          "EUR",
          List.of("€"),
          "USD",
          List.of("$", "US$"),
          "GBP",
          List.of("£"),
          "CHF",
          List.of("CHF", "Fr."),
          "CAD",
          List.of("CA$", "C$"),
          "AUD",
          List.of("A$", "AU$"),
          "INR",
          List.of("Rs.", "INR"),
          "SGD",
          List.of("S$"));

  /** Picks the print style for an invoice in {@code lang} billed in {@code currency}. */
  static InvoicePrint pick(Random r, InvoiceLanguage lang, String currency) {
    char[] gd =
        switch (r.nextInt(10) < 7 ? lang : InvoiceLanguage.values()[r.nextInt(5)]) {
          case EN -> r.nextInt(5) == 0 ? new char[] {0, '.'} : new char[] {',', '.'};
          case FR -> r.nextBoolean() ? new char[] {' ', ','} : new char[] {'.', ','};
          case DE, NL, ES -> r.nextInt(6) == 0 ? new char[] {0, ','} : new char[] {'.', ','};
        };
    if (currency.equals("CHF") && r.nextBoolean()) {
      gd = new char[] {'\'', '.'};
    }
    List<String> symbols = SYMBOLS.get(currency);
    String symbol = symbols.get(r.nextInt(symbols.size()));
    // "$" alone is read as USD; other dollars print their own prefix (CA$, A$, S$) or the code.
    Mark mark = Mark.values()[r.nextInt(Mark.values().length)];
    return new InvoicePrint(gd[0], gd[1], mark, symbol, dateFormat(r, lang, currency));
  }

  private static DateTimeFormatter dateFormat(Random r, InvoiceLanguage lang, String currency) {
    List<String> patterns =
        new ArrayList<>(
            switch (lang) {
              case EN ->
                  List.of(
                      "dd/MM/yyyy",
                      "yyyy-MM-dd",
                      "d MMMM yyyy",
                      "MMMM d, yyyy",
                      "d MMM yyyy",
                      "MMM d, yyyy",
                      "dd-MMM-yyyy",
                      "dd.MM.yyyy");
              case DE -> List.of("dd.MM.yyyy", "dd.MM.yy", "d. MMMM yyyy", "yyyy-MM-dd");
              case FR -> List.of("dd/MM/yyyy", "d MMMM yyyy", "dd.MM.yyyy", "dd/MM/yy");
              case NL -> List.of("dd-MM-yyyy", "d MMMM yyyy", "dd/MM/yyyy", "d-M-yyyy");
              case ES -> List.of("dd/MM/yyyy", "d 'de' MMMM 'de' yyyy", "dd-MM-yyyy", "d/M/yyyy");
            });
    if (lang == InvoiceLanguage.EN && currency.equals("USD")) {
      patterns.add("MM/dd/yyyy"); // US invoices put the month first
      patterns.add("MM/dd/yyyy");
    }
    String p = patterns.get(r.nextInt(patterns.size()));
    return DateTimeFormatter.ofPattern(p, lang.locale);
  }

  /** A date within the last few years (fixed base, not today: the corpus must not drift). */
  static LocalDate date(Random r) {
    return LocalDate.of(2018, 1, 1).plusDays(r.nextInt(8 * 365));
  }

  String date(LocalDate d) {
    return d.format(dates);
  }

  /** The number alone, in this invoice's format, always with two decimals. */
  String number(BigDecimal v) {
    BigDecimal a = v.abs().setScale(2, RoundingMode.HALF_UP);
    String plain = a.toPlainString();
    String whole = plain.substring(0, plain.indexOf('.'));
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0 && group != 0) {
        grouped.append(group);
      }
      grouped.append(whole.charAt(i));
    }
    return (v.signum() < 0 ? "-" : "")
        + grouped
        + decimal
        + plain.substring(plain.indexOf('.') + 1);
  }

  /** The amount with its currency mark, as this invoice prints money. */
  String money(BigDecimal v, String code) {
    String n = number(v);
    return switch (mark) {
      case SYMBOL_BEFORE ->
          symbol
              + (symbol.length() > 1 && Character.isLetter(symbol.charAt(symbol.length() - 1))
                  ? " "
                  : "")
              + n;
      case SYMBOL_AFTER -> n + " " + symbol;
      case CODE_BEFORE -> code + " " + n;
      case CODE_AFTER -> n + " " + code;
      case HEADER -> n;
    };
  }

  /** Whether the code must be printed on its own line, as no amount names the currency. */
  boolean needsCurrencyLine(String code) {
    return mark == Mark.HEADER;
  }

  /** The gold form of a line's unit price: a plain number, as the invoice2data gold writes it. */
  static String goldPrice(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 1 ? s.setScale(1) : s).toPlainString();
  }
}
