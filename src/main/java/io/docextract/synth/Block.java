package io.docextract.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a laid-out document: a line of text (left, centred or right), a table, or a page
 * break. Text and PDF print the blocks as {@link #lines}; HTML and DOCX keep tables as tables.
 */
sealed interface Block {

  /** Width of a printed line, in characters. */
  int WIDTH = 84;

  /** The line that stands for a page break in {@link SynthDocument#lines()}. */
  String PAGE_BREAK = "\f";

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  record Line(String text, Align align) implements Block {
    Line(String text) {
      this(text, Align.LEFT);
    }
  }

  /** Rows of cells under a header; every column after the first is right-aligned. */
  record Table(List<String> head, List<List<String>> rows) implements Block {}

  record PageBreak() implements Block {}

  /** The blocks as printed lines: padded columns, aligned text, page breaks as a form feed. */
  static List<String> lines(List<Block> blocks) {
    List<String> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Line l) {
        out.add(
            switch (l.align()) {
              case LEFT -> l.text();
              case RIGHT -> " ".repeat(Math.max(0, WIDTH - l.text().length())) + l.text();
              case CENTER -> " ".repeat(Math.max(0, (WIDTH - l.text().length()) / 2)) + l.text();
            });
      } else if (b instanceof Table t) {
        out.addAll(table(t));
      } else {
        out.add(PAGE_BREAK);
      }
    }
    return out;
  }

  private static List<String> table(Table t) {
    int cols = t.head().size();
    int[] w = new int[cols];
    List<List<String>> all = new ArrayList<>();
    all.add(t.head());
    all.addAll(t.rows());
    for (List<String> row : all) {
      for (int c = 0; c < cols; c++) {
        w[c] = Math.max(w[c], row.get(c).length());
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      StringBuilder sb = new StringBuilder();
      List<String> row = all.get(i);
      for (int c = 0; c < cols; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(w[c] - cell.length());
        sb.append(c == 0 ? cell + pad : "   " + pad + cell);
      }
      out.add(sb.toString().stripTrailing());
      if (i == 0) {
        out.add("-".repeat(sb.length()));
      }
    }
    return out;
  }
}
