package io.docextract.ocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back the lower-case l that a line recogniser reads as the digit 1 inside a word. In the
 * thermal and dot-matrix fonts of receipts the two are one stroke, and PP-OCR reads "Blvd" as
 * "B1vd", "Bellflower" as "Be11flower" and "Roswell" as "Roswe11", which no value written with
 * letters then matches. A run of 1s is taken for l only where a word's letters surround it: after a
 * letter and before a lower-case one, or as the word's last two characters after a lower-case
 * letter (the -ll of "Roswell", "Haverhill"). A 1 that starts a token ("1st", "10am", "1kg"), a
 * single trailing 1 ("Apt1", "Tax1") and upper-case codes ("SW1A", "A1") stay as read.
 */
final class LookAlikes {

  private static final Pattern ONES_IN_WORD =
      Pattern.compile("(?<=\\p{L})1+(?=\\p{Ll})|(?<=\\p{Ll})11(?![\\p{L}\\p{N}])");

  private LookAlikes() {}

  static String fix(String line) {
    if (line.indexOf('1') < 0) {
      return line;
    }
    Matcher m = ONES_IN_WORD.matcher(line);
    StringBuilder out = new StringBuilder(line.length());
    while (m.find()) {
      m.appendReplacement(out, "l".repeat(m.group().length()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
