package io.docextract.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A document's lines as the bytes of a file: plain text, an HTML page, a PDF with a text layer (a
 * new page at each page break, or when a page is full) or a DOCX ({@link RenderDocx}). A document
 * with blocks gets real tables in HTML; one without keeps its lines in a pre block.
 */
final class Render {

  // PDFBox stamps the creation time and a random document id; fixed values keep a seed's bytes.
  static final Calendar FIXED =
      new GregorianCalendar(TimeZone.getTimeZone("UTC")) {
        {
          setTimeInMillis(0);
        }
      };

  private static final int TOP = 740;
  private static final int BOTTOM = 48;
  private static final int LEADING = 11;

  private Render() {}

  static byte[] bytes(SynthDocument doc) throws IOException {
    return switch (doc.format()) {
      case TXT -> (String.join("\n", doc.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
      case HTML ->
          (doc.blocks().isEmpty() ? html(doc) : RenderHtml.html(doc))
              .getBytes(StandardCharsets.UTF_8);
      case PDF -> pdf(doc.lines());
      case PDF_RUNS -> RenderPdfRuns.pdf(doc.lines());
      case DOCX -> RenderDocx.docx(doc);
    };
  }

  /** Lines in a pre block (the columns stay aligned), under a title, as a web shop would mail. */
  private static String html(SynthDocument doc) {
    StringBuilder sb =
        new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(doc.type())
            .append("</title></head><body>\n<pre>\n");
    for (String line : doc.lines()) {
      sb.append(escape(line)).append('\n');
    }
    return sb.append("</pre>\n</body></html>\n").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A new PDF whose creation time and id are fixed, so a seed's PDFs are the same bytes. */
  static PDDocument fixedPdf() {
    PDDocument pdf = new PDDocument();
    pdf.getDocumentInformation().setCreationDate(FIXED);
    COSArray id = new COSArray();
    id.add(new COSString(new byte[16]));
    id.add(new COSString(new byte[16]));
    pdf.getDocument().setDocumentID(id);
    return pdf;
  }

  static byte[] saved(PDDocument pdf) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }

  private static byte[] pdf(List<String> lines) throws IOException {
    try (PDDocument pdf = fixedPdf()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
      int at = 0;
      while (at < lines.size()) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
          cs.beginText();
          cs.setFont(font, 9);
          cs.setLeading(LEADING);
          cs.newLineAtOffset(48, TOP);
          int y = TOP;
          for (; at < lines.size() && y > BOTTOM; at++, y -= LEADING) {
            if (lines.get(at).equals(Block.PAGE_BREAK)) {
              at++;
              break;
            }
            cs.showText(lines.get(at));
            cs.newLine();
          }
          cs.endText();
        }
      }
      return saved(pdf);
    }
  }
}
