package io.docextract.synth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A laid-out document as a Word file (Apache POI): a paragraph per line with its alignment, a table
 * for the items, a page break between pages. Timestamps are fixed, so a seed gives the same bytes.
 */
final class RenderDocx {

  private RenderDocx() {}

  static byte[] docx(SynthDocument doc) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.getProperties().getCoreProperties().setCreated(Optional.of(Render.FIXED.getTime()));
      d.getProperties().getCoreProperties().setModified(Optional.of(Render.FIXED.getTime()));
      if (doc.blocks().isEmpty()) {
        doc.lines().forEach(l -> d.createParagraph().createRun().setText(l));
      }
      for (Block b : doc.blocks()) {
        if (b instanceof Block.Line l) {
          XWPFParagraph p = d.createParagraph();
          p.setAlignment(
              switch (l.align()) {
                case LEFT -> ParagraphAlignment.LEFT;
                case CENTER -> ParagraphAlignment.CENTER;
                case RIGHT -> ParagraphAlignment.RIGHT;
              });
          p.createRun().setText(l.text().strip());
        } else if (b instanceof Block.Table t) {
          XWPFTable table = d.createTable(t.rows().size() + 1, t.head().size());
          for (int i = 0; i <= t.rows().size(); i++) {
            XWPFTableRow row = table.getRow(i);
            var cells = i == 0 ? t.head() : t.rows().get(i - 1);
            for (int c = 0; c < cells.size(); c++) {
              row.getCell(c).setText(cells.get(c));
            }
          }
        } else {
          d.createParagraph().createRun().addBreak(BreakType.PAGE);
        }
      }
      d.write(raw);
    }
    return fixedTimes(raw.toByteArray());
  }

  /** The same zip with every entry's time set to the epoch. */
  private static byte[] fixedTimes(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(Render.FIXED.getTimeInMillis());
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
