package io.docextract.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A document's lines as the bytes of a file: plain text, an HTML page, or a one-page PDF. */
final class Render {

  // PDFBox stamps the creation time and a random document id; fixed values keep a seed's bytes.
  private static final Calendar FIXED =
      new GregorianCalendar(TimeZone.getTimeZone("UTC")) {{ setTimeInMillis(0); }};

  private Render() {}

  static byte[] bytes(SynthDocument doc) throws IOException {
    return switch (doc.format()) {
      case TXT -> (String.join("\n", doc.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
      case HTML -> html(doc).getBytes(StandardCharsets.UTF_8);
      case PDF -> pdf(doc.lines());
    };
  }

  /** Lines in a pre block (the columns stay aligned), under a title, as a web shop would mail. */
  private static String html(SynthDocument doc) {
    StringBuilder sb = new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\">")
        .append("<title>").append(doc.type()).append("</title></head><body>\n<pre>\n");
    for (String line : doc.lines()) {
      sb.append(escape(line)).append('\n');
    }
    return sb.append("</pre>\n</body></html>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] pdf(List<String> lines) throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      pdf.getDocumentInformation().setCreationDate(FIXED);
      org.apache.pdfbox.cos.COSArray id = new org.apache.pdfbox.cos.COSArray();
      id.add(new org.apache.pdfbox.cos.COSString(new byte[16]));
      id.add(new org.apache.pdfbox.cos.COSString(new byte[16]));
      pdf.getDocument().setDocumentID(id);
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), 9);
        cs.setLeading(11);
        cs.newLineAtOffset(48, 740);
        for (String line : lines) {
          cs.showText(line);
          cs.newLine();
        }
        cs.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }
}
