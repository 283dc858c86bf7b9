package io.docextract.model;

/**
 * The GBNF grammar of a JSON string value that copies a stretch of one document's text: the value
 * starts at a word (a run of letters or digits) the text prints and runs on through what follows it
 * there, ending anywhere; a run of white space may be written as one space or as {@code \n}. So a
 * copied value is grounded by construction, where a free string lets a small model write a number
 * or a name the document never printed. Built per document, for the scaffold's string slots (see
 * {@link ValueScaffold#copying}).
 *
 * <p>Each piece of the text (a word, one other character, a run of white space) is a rule that
 * matches it and may go on to the next piece, so the grammar grows with the text, not with the
 * number of stretches in it. A quote, a backslash or a control character, which JSON would have to
 * escape, ends a stretch: a value never crosses one. The value may also be empty, or open with one
 * space.
 */
final class CopyGrammar {

  private CopyGrammar() {}

  /**
   * The grammar of the value inside its string, the opening quote already written: root ::= a
   * copied stretch (or nothing), the closing quote, an optional space, as {@link
   * Grammars#afterOpeningQuote} gives for a free string.
   */
  static String insideString(String text) {
    StringBuilder rules = new StringBuilder();
    StringBuilder starts = new StringBuilder();
    int piece = 0;
    int i = 0;
    int n = text.length();
    boolean chained = false; // whether the rule of the previous piece is waiting for this one
    while (i < n) {
      int cp = text.codePointAt(i);
      int end;
      String literal;
      boolean word = false;
      if (breaksCopy(cp) || isSpace(cp) && !chained) {
        // A space that no stretch reaches (at the start, after a break) is no piece.
        if (chained) {
          rules.append('\n');
          chained = false;
        }
        i += Character.charCount(cp);
        continue;
      } else if (isSpace(cp)) {
        end = i;
        while (end < n && isSpace(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        literal = "(\" \" | \"\\\\n\")";
      } else if (Character.isLetterOrDigit(cp)) {
        end = i;
        while (end < n && Character.isLetterOrDigit(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        literal = quoted(text.substring(i, end));
        word = true;
      } else {
        end = i + Character.charCount(cp);
        literal = quoted(text.substring(i, end));
      }
      String name = "copy-" + piece;
      if (chained) {
        rules.append(' ').append(name).append("?\n");
      }
      rules.append(name).append(" ::= ").append(literal);
      chained = true;
      if (word) {
        starts.append(starts.length() == 0 ? "" : " | ").append(name);
      }
      piece++;
      i = end;
    }
    if (chained) {
      rules.append('\n');
    }
    // A tuned model often opens a value with a space-led token (" Lieferant"): allowing the space
    // keeps it on its own path, where forbidding it pushed it to another stretch of the text.
    String value = starts.length() == 0 ? "" : "(\" \"? (" + starts + "))? ";
    return "root ::= " + value + "\"\\\"\" space\nspace ::= \" \"?\n" + rules;
  }

  private static boolean breaksCopy(int cp) {
    return cp == '"' || cp == '\\' || Character.isISOControl(cp) && !isSpace(cp);
  }

  /** White space, the no-break spaces PDFs print included. */
  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** A GBNF string literal: ASCII as is, everything else as a code point escape. */
  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
              } else if (cp <= 0xFFFF) {
                out.append(String.format("\\u%04X", cp));
              } else {
                out.append(String.format("\\U%08X", cp));
              }
            });
    return out.append('"').toString();
  }
}
