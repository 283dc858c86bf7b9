package io.docextract.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A PDF as invoicing software writes one: each run of text (the pieces of a line between column
 * gaps) drawn by itself at its place, in a proportional face, and the runs of a page's right-hand
 * column drawn after its left-hand ones. A parser that follows the drawing order, as Tika's does,
 * then reads what real invoices give: columns one after the other, a label away from its value,
 * single spaces where the page had a gap. {@link Render}'s monospaced lines read back as printed.
 */
final class RenderPdfRuns {

  private static final Pattern RUN = Pattern.compile("\\S+(?: \\S+)*");
  private static final int TOP = 740;
  private static final int BOTTOM = 48;
  private static final int LEADING = 12;

  /** Where a character column of the monospaced layout lands, in points. */
  private static final float COLUMN = 5.6f;

  /** Runs that start this far right belong to the right-hand column. */
  private static final int RIGHT_COLUMN = 36;

  /** A run that is an amount, with or without its currency. */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "[^A-Za-z]*[0-9][^A-Za-z]*|[A-Z$€£]{1,3}\\s?[-0-9][0-9.,' ]*|[-0-9][0-9.,' ]*\\s?[A-Z$€£]{1,3}");

  private RenderPdfRuns() {}

  record Run(int line, int column, String text) {}

  /**
   * The runs of one page's lines in drawing order. Where two or more lines in a row hold text on
   * both sides of the page (a seller's and a customer's address side by side), their right-hand
   * text is drawn after the whole page's left-hand runs, as a second column; an amount stays on its
   * row, and every other line is drawn left to right.
   */
  static List<Run> runs(List<String> page) {
    List<List<Run>> byLine = new ArrayList<>();
    boolean[] paired = new boolean[page.size()];
    for (int i = 0; i < page.size(); i++) {
      List<Run> line = new ArrayList<>();
      Matcher m = RUN.matcher(page.get(i));
      while (m.find()) {
        line.add(new Run(i, m.start(), m.group()));
      }
      byLine.add(line);
      paired[i] =
          line.stream().anyMatch(r -> r.column() < RIGHT_COLUMN)
              && line.stream().anyMatch(RenderPdfRuns::movable);
    }
    List<Run> left = new ArrayList<>();
    List<Run> right = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      boolean inBlock =
          paired[i] && (i > 0 && paired[i - 1] || i + 1 < page.size() && paired[i + 1]);
      for (Run r : byLine.get(i)) {
        (inBlock && movable(r) ? right : left).add(r);
      }
    }
    left.addAll(right);
    return left;
  }

  /** Text in the right half that is not an amount. */
  private static boolean movable(Run r) {
    return r.column() >= RIGHT_COLUMN && !AMOUNT.matcher(r.text()).matches();
  }

  static byte[] pdf(List<String> lines) throws IOException {
    try (PDDocument pdf = Render.fixedPdf()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      List<List<String>> pages = new ArrayList<>();
      List<String> page = new ArrayList<>();
      for (String line : lines) {
        if (line.equals(Block.PAGE_BREAK) || page.size() >= (TOP - BOTTOM) / LEADING) {
          pages.add(page);
          page = new ArrayList<>();
        }
        if (!line.equals(Block.PAGE_BREAK)) {
          page.add(line);
        }
      }
      pages.add(page);
      for (List<String> p : pages) {
        PDPage pdPage = new PDPage();
        pdf.addPage(pdPage);
        try (PDPageContentStream cs = new PDPageContentStream(pdf, pdPage)) {
          for (Run run : runs(p)) {
            cs.beginText();
            cs.setFont(font, 9);
            cs.newLineAtOffset(40 + run.column() * COLUMN, TOP - run.line() * LEADING);
            cs.showText(run.text());
            cs.endText();
          }
        }
      }
      return Render.saved(pdf);
    }
  }
}
