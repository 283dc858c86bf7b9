package io.docextract.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Lays the boxes an engine found out as text in reading order: boxes are grouped into rows by
 * vertical overlap, rows run top to bottom and boxes left to right within a row. A detector returns
 * boxes in no useful order, and the receipt model was trained on SROIE's OCR lines, which run row
 * by row in this way.
 */
public final class ReadingOrder {

  /** How a row's boxes are written. */
  public enum Layout {
    /** One box a line, row by row: the shape of SROIE's own OCR lines (the model's training). */
    BOXES,
    /** A row's boxes on one line, separated by a space, as the page prints them. */
    ROWS;

    public static Layout of(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ocr.layout must be boxes or rows, got " + name);
      }
    }
  }

  /** Two boxes share a row when their vertical overlap is this share of the shorter one. */
  static final double ROW_OVERLAP = 0.5;

  private ReadingOrder() {}

  public static String text(List<TextBox> boxes, Layout layout) {
    StringBuilder out = new StringBuilder();
    for (List<TextBox> row : rows(boxes)) {
      if (layout == Layout.ROWS) {
        appendLine(out, String.join(" ", row.stream().map(TextBox::text).toList()));
      } else {
        row.forEach(b -> appendLine(out, b.text()));
      }
    }
    return out.toString();
  }

  /** Rows top to bottom, each left to right; boxes without text are left out. */
  static List<List<TextBox>> rows(List<TextBox> boxes) {
    List<TextBox> sorted =
        new ArrayList<>(boxes.stream().filter(b -> !b.text().isBlank()).toList());
    sorted.sort(Comparator.comparingDouble(TextBox::centreY));
    List<List<TextBox>> rows = new ArrayList<>();
    List<double[]> spans = new ArrayList<>();
    for (TextBox b : sorted) {
      int best = -1;
      double bestOverlap = 0;
      // Only the last few rows can hold it: boxes come sorted by centre.
      for (int r = Math.max(0, rows.size() - 3); r < rows.size(); r++) {
        double[] s = spans.get(r);
        double overlap = Math.min(s[1], b.y1()) - Math.max(s[0], b.y0());
        double shorter = Math.min(s[1] - s[0], b.height());
        if (shorter > 0 && overlap >= ROW_OVERLAP * shorter && overlap > bestOverlap) {
          best = r;
          bestOverlap = overlap;
        }
      }
      if (best < 0) {
        rows.add(new ArrayList<>(List.of(b)));
        spans.add(new double[] {b.y0(), b.y1()});
      } else {
        rows.get(best).add(b);
        // The row keeps its first box's span, so a tall or skewed box cannot swallow the next row.
      }
    }
    rows.forEach(r -> r.sort(Comparator.comparingDouble(TextBox::x0)));
    return rows;
  }

  private static void appendLine(StringBuilder out, String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(s);
  }
}
