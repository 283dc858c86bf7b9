package io.docextract.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a field value into the form it is compared in, so "RM 1,447.50" equals "1447.50" and "March
 * 1, 2024" equals "2024-03-01". Chosen per field in the pipeline file, never per dataset in code.
 */
public enum Normaliser {
  /** Only surrounding whitespace is removed. */
  NONE,
  /** Upper-cased, whitespace runs folded to one space. */
  TEXT,
  /**
   * Letters and digits only, upper-cased: for text read by OCR, whose spaces and punctuation are
   * arbitrary ("NO.12,JALAN" and "NO 12, JALAN" are the same address).
   */
  ALNUM,
  /**
   * A company as a name, not as a registration: letters and digits upper-cased, with a closing
   * legal form dropped, so "Amazon Web Services, Inc.", "AMAZON WEB SERVICES" and "Amazon Web
   * Services" are one issuer, and "Au bon moulin SARL" is "Au bon moulin". Two companies that
   * differ only in their legal form compare equal; an issuer's name rarely needs that told apart.
   */
  COMPANY,
  /** ISO yyyy-MM-dd from the common printed layouts, day first; text-folded when unparseable. */
  DATE,
  /**
   * As {@link #DATE}, but a numeric date is read month first (day first only when that is
   * impossible): "5/12/09" is 2009-05-12, as US contracts write it.
   */
  DATE_MDY,
  /** A plain number with two decimals; currency marks and thousands separators dropped. */
  AMOUNT,
  /**
   * Kleister-NDA's form: upper-cased, whitespace runs and ':' become '_'. Commas are dropped, as in
   * the dataset's answers ("Nike, Inc." is written Nike_Inc.).
   */
  KLEISTER,
  /**
   * A party's name in Kleister-NDA's form, for rules that copy names from the text: '&' is written
   * "and", a closing "Incorporated" / "Limited" / "L.P." / "L.L.C." is abbreviated Inc. / Ltd. / LP
   * / LLC, curly apostrophes are straight, and a person's title or degree (Mr., Dr., M.D., Ph.D.)
   * is dropped. Case and spaces stay, so a record shows the name as a person would write it
   * ("Heidrick &amp; Struggles, Incorporated" becomes "Heidrick and Struggles, Inc."); scoring with
   * {@link #KLEISTER} then gives HEIDRICK_AND_STRUGGLES_INC.
   */
  KLEISTER_PARTY,
  /**
   * A length of time as number_UNIT, in Kleister's underscore form: "seven (7) years", "7 years"
   * and "7_years" are all 7_YEARS, "one year" is 1_YEAR, "30 calendar days" 30_DAYS, "the second
   * anniversary" 2_YEARS; Kleister's form when there is no number and unit to read.
   */
  DURATION,
  /**
   * A currency as its ISO code: "$" and "US$" are USD, "€" EUR, "Rs." INR ({@link Currencies});
   * text-folded when it names no one currency.
   */
  CURRENCY;

  public static Normaliser of(String name) {
    if (name == null) {
      return NONE;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown normaliser '"
              + name
              + "'; known: "
              + List.of(values()).stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  public String apply(String value) {
    if (value == null) {
      return "";
    }
    String v = value.strip();
    return switch (this) {
      case NONE -> v;
      case TEXT -> text(v);
      case ALNUM -> text(v).replaceAll("[^\\p{L}\\p{N}]", "");
      case COMPANY -> company(v);
      case DATE -> date(v, false);
      case DATE_MDY -> date(v, true);
      case AMOUNT -> amount(v);
      case KLEISTER -> kleister(v);
      case KLEISTER_PARTY -> party(v);
      case DURATION -> duration(v);
      case CURRENCY -> {
        String code = Currencies.code(v);
        yield code == null ? text(v) : code;
      }
    };
  }

  private static final Pattern LEGAL_FORM =
      Pattern.compile(
          "(?i)[\\s,.-]*(?:\\b(?:inc|incorporated|llc|l\\.l\\.c|ltd|limited|gmbh|ag|a\\.g|kg|e\\.k|se"
              + "|s\\.?a\\.?s?|s\\.?a\\.?r\\.?l|s\\.?p\\.?a|s\\.?l|b\\.?v|n\\.?v|co|corp|corporation"
              + "|company|plc|pty|pvt|private|oy|ab)\\.?|&\\s*co\\.?)$");

  private static String company(String v) {
    String s = text(v);
    for (String before = null; !s.equals(before); ) {
      before = s;
      s = LEGAL_FORM.matcher(s).replaceFirst("").strip();
    }
    return s.replaceAll("[^\\p{L}\\p{N}&]", "");
  }

  private static String kleister(String v) {
    return text(v).replace(",", "").replaceAll("[\\s:_]+", "_");
  }

  private static final Pattern TITLE = Pattern.compile("^(?:Mr|Mrs|Ms|Dr)\\.?\\s+");
  private static final Pattern DEGREE =
      Pattern.compile("(?i),?\\s+(?:M\\.\\s?D|Ph\\.\\s?D|J\\.\\s?D|Esq)\\.?$");

  static String party(String v) {
    String s =
        v.replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replaceAll("\\s*&\\s*", " and ")
            .replaceAll("\\s+\\.$", ".");
    s = TITLE.matcher(s).replaceFirst("");
    s = DEGREE.matcher(s).replaceFirst("");
    return s.replaceAll("(?i)\\b(?:Incorporated|Inc\\.?)$", "Inc.")
        .replaceAll("(?i)\\b(?:Limited|Ltd\\.?)$", "Ltd.")
        .replaceAll("(?i)\\bL\\.\\s?P\\.$", "LP")
        .replaceAll("(?i)\\bL\\.\\s?L\\.\\s?C\\.$", "LLC");
  }

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty");
  private static final Pattern DURATION_PARTS =
      Pattern.compile(
          "(?i)\\b(\\d{1,3}|[a-z]+(?:-[a-z]+)?)\\b(?:\\s*\\(\\s*(\\d{1,3})\\s*\\))?[\\s_-]*"
              + "(?:calendar[\\s_-]+)?(day|week|month|year)s?\\b");

  private static final List<String> ORDINALS =
      List.of(
          "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
          "ninth", "tenth");
  private static final Pattern ANNIVERSARY =
      Pattern.compile(
          "(?i)\\b([a-z]+|\\d{1,2}(?:st|nd|rd|th))\\b(?:\\s*\\(\\s*(\\d{1,2})(?:st|nd|rd|th)\\s*\\))?"
              + "\\s+anniversary\\b");

  /**
   * A duration as contracts print it ("two (2) years", "24 months", "the third anniversary"): what
   * grounding looks for when a duration the model normalised must be found in the text.
   */
  public static final Pattern PRINTED_DURATION =
      Pattern.compile(DURATION_PARTS.pattern() + "|" + ANNIVERSARY.pattern());

  static String duration(String v) {
    // "the second (2nd) anniversary of the date hereof" is two years from it.
    Matcher a = ANNIVERSARY.matcher(v);
    if (a.find()) {
      String w = a.group(1).toLowerCase(Locale.ROOT);
      int n =
          a.group(2) != null
              ? Integer.parseInt(a.group(2))
              : Character.isDigit(w.charAt(0))
                  ? Integer.parseInt(w.replaceAll("\\D", ""))
                  : ORDINALS.indexOf(w);
      if (n > 0) {
        return n + "_YEAR" + (n == 1 ? "" : "S");
      }
    }
    Matcher m = DURATION_PARTS.matcher(v.replace('_', ' '));
    while (m.find()) {
      Integer n = m.group(2) != null ? Integer.valueOf(m.group(2)) : count(m.group(1));
      if (n != null) {
        String unit = m.group(3).toUpperCase(Locale.ROOT);
        return n + "_" + unit + (n == 1 ? "" : "S");
      }
    }
    return kleister(v);
  }

  private static Integer count(String word) {
    if (word.chars().allMatch(Character::isDigit)) {
      return Integer.valueOf(word);
    }
    String w = word.toLowerCase(Locale.ROOT).replace(' ', '-');
    int at = NUMBER_WORDS.indexOf(w);
    if (at >= 0) {
      return at;
    }
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty"};
    for (int i = 0; i < tens.length; i++) {
      if (w.equals(tens[i])) {
        return 20 + 10 * i;
      }
      if (w.startsWith(tens[i] + "-")) {
        int unit = NUMBER_WORDS.indexOf(w.substring(tens[i].length() + 1));
        if (unit > 0 && unit < 10) {
          return 20 + 10 * i + unit;
        }
      }
    }
    return w.equals("a") || w.equals("an") ? 1 : null;
  }

  static String text(String v) {
    return v.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static final Pattern NUMERIC_DATE =
      Pattern.compile("(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})");
  private static final Pattern ORDINAL = Pattern.compile("(?i)(\\d{1,2})(st|nd|rd|th|er)\\b");
  private static final List<DateTimeFormatter> WORDY =
      List.of(
          formatter("MMMM d yyyy"),
          formatter("MMM d yyyy"),
          formatter("d MMMM yyyy"),
          formatter("d MMM yyyy"),
          formatter("d MMM yy"),
          formatter("MMMM d yy"),
          formatter("MMM d yy"));

  // Invoices are read (and synthesised) in German, French, Dutch and Spanish too; those languages
  // print the day first and the month's full name ("24. Januar 2014", "3 novembre 2017", "4 de
  // marzo de 2024").
  private static final List<DateTimeFormatter> WORDY_OTHER_LANGUAGES =
      List.of(
          formatter("d MMMM yyyy", Locale.GERMAN),
          formatter("d MMMM yyyy", Locale.FRENCH),
          formatter("d MMMM yyyy", Locale.forLanguageTag("nl")),
          formatter("d MMMM yyyy", Locale.forLanguageTag("es")));

  private static DateTimeFormatter formatter(String pattern) {
    return formatter(pattern, Locale.ENGLISH);
  }

  private static DateTimeFormatter formatter(String pattern, Locale locale) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(locale)
        .withResolverStyle(ResolverStyle.SMART);
  }

  static String date(String v, boolean monthFirst) {
    Matcher m = NUMERIC_DATE.matcher(v);
    if (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int c = Integer.parseInt(m.group(3));
      boolean iso = m.group(1).length() == 4;
      LocalDate d = iso ? safe(a, b, c) : monthFirst ? safe(year(c), a, b) : safe(year(c), b, a);
      if (d == null && !iso) {
        // the other order, when the first is impossible (e.g. 12/25/2019 day first)
        d = monthFirst ? safe(year(c), b, a) : safe(year(c), a, b);
      }
      if (d != null) {
        return d.toString();
      }
    }
    String words =
        ORDINAL
            .matcher(v)
            .replaceAll("$1")
            // OCR that drops word spaces glues a printed date together ("25Dec2018").
            .replaceAll("(?<=\\d)(?=\\p{L})|(?<=\\p{L})(?=\\d)", " ")
            .replaceAll("(?i)\\bday of\\b", " ")
            .replaceAll("(?i)(?<=\\p{L}|\\d)\\s+de\\s+(?=\\p{L}|\\d)", " ")
            .replaceAll("[,.]", " ")
            .replaceAll("-", " ")
            .replaceAll("\\s+", " ")
            .strip();
    // A printed time after the date ("OCT 3, 2016 12:16:25") is not part of it.
    String undated = words.replaceAll("\\s*\\d{1,2}:\\d{2}(:\\d{2})?(\\s*(?i)[ap]m)?$", "");
    List<String> candidates =
        List.of(words, words.replaceAll("^(?i)(the|dated|as of) ", ""), undated);
    for (DateTimeFormatter f : WORDY) {
      for (String candidate : candidates) {
        try {
          LocalDate d = LocalDate.parse(candidate, f);
          return (d.getYear() < 100 ? d.plusYears(2000) : d).toString();
        } catch (DateTimeParseException ignored) {
          // try the next layout
        }
      }
    }
    for (DateTimeFormatter f : WORDY_OTHER_LANGUAGES) {
      try {
        return LocalDate.parse(words, f).toString();
      } catch (DateTimeParseException ignored) {
        // try the next language
      }
    }
    return text(v);
  }

  /** A two-digit year as POSIX strptime's %y reads it: 69-99 are 1969-1999, 00-68 2000-2068. */
  private static int year(int y) {
    return y >= 100 ? y : y >= 69 ? 1900 + y : 2000 + y;
  }

  private static LocalDate safe(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,. ]*");

  static String amount(String v) {
    // Swiss and Liechtenstein print thousands with an apostrophe (1'234.56).
    Matcher m =
        NUMBER.matcher(v.replace('\u00a0', ' ').replaceAll("(?<=\\d)['\u2019](?=\\d{3})", ""));
    if (!m.find()) {
      return text(v);
    }
    String n = m.group().replace(" ", "");
    int lastDot = n.lastIndexOf('.');
    int lastComma = n.lastIndexOf(',');
    // The last separator followed by exactly 1-2 digits is the decimal mark, whichever it is.
    int dec = Math.max(lastDot, lastComma);
    String digits;
    if (dec >= 0 && n.length() - dec - 1 <= 2 && n.length() - dec - 1 > 0) {
      digits = n.substring(0, dec).replaceAll("[.,]", "") + "." + n.substring(dec + 1);
    } else {
      digits = n.replaceAll("[.,]", "");
    }
    try {
      return new BigDecimal(digits).setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException e) {
      return text(v);
    }
  }

  /** A field's values in compared form: one per list item, empty ones dropped, in order. */
  public static Set<String> values(JsonNode node, Normaliser normaliser) {
    Set<String> out = new LinkedHashSet<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (JsonNode item : items) {
      if (item == null || item.isNull()) {
        continue;
      }
      String raw = item.isValueNode() ? item.asText() : item.toString();
      String v = normaliser.apply(raw);
      if (!v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }
}
