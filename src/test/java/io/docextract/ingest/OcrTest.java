package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.testing.HostileInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans through Tika's Tesseract integration (Debian tesseract-ocr): an image, and a PDF whose
 * second page has no text layer. Generated here, rendered headless.
 */
class OcrTest {

  private static final String[] SCAN = {"KEDAI SCANNED SDN BHD", "TOTAL 42.50", "THANK YOU"};
  private static DocumentParser parser;

  @BeforeAll
  static void needsTesseract() {
    assumeTrue(
        ParserIsolationTest.onPath("tesseract"), "needs tesseract-ocr (.ci/run installs it)");
    parser = new DocumentParser(ParseLimits.defaults());
  }

  @AfterAll
  static void close() {
    if (parser != null) {
      parser.close();
    }
  }

  @Test
  void anImageOfTextIsRead() throws IOException {
    ParseOutcome out = parser.parse(HostileInputs.textImage(SCAN, 900, 300), "scan.png");

    assertTrue(out.ok(), () -> out.failure() + " " + out.message());
    assertEquals("image/png", out.contentType());
    String text = out.document().text().toUpperCase(Locale.ROOT);
    assertTrue(text.contains("KEDAI SCANNED") && text.contains("42.50"), text);
  }

  @Test
  void onlyThePdfPageWithoutATextLayerIsOcred() throws IOException {
    ParseOutcome out = parser.parse(mixedPdf(), "mixed.pdf");

    assertTrue(out.ok(), () -> out.failure() + " " + out.message());
    String text = out.document().text();
    assertTrue(text.contains("Page one has a text layer"), text);
    // Rendered smaller on the page than in the image test; the exact first word may vary.
    assertTrue(
        text.toUpperCase(Locale.ROOT).contains("SCANNED SDN BHD") && text.contains("42.50"), text);
    assertEquals(
        "1",
        out.document().metadata().get("pdf:ocrPageCount"),
        out.document().metadata().toString());
  }

  @Test
  void ocrCanBeSwitchedOff() throws IOException {
    try (DocumentParser noOcr =
        new DocumentParser(ParseLimits.defaults().withOcr(OcrSettings.off()))) {
      ParseOutcome out = noOcr.parse(HostileInputs.textImage(SCAN, 900, 300), "scan.png");
      assertFalse(out.ok());
      assertEquals(io.docextract.values.Reason.EMPTY_TEXT, out.failure());
    }
  }

  /** Page 1: a text layer. Page 2: only an image of text, as a scanner makes it. */
  private static byte[] mixedPdf() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage first = new PDPage();
      doc.addPage(first);
      try (PDPageContentStream cs = new PDPageContentStream(doc, first)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("Page one has a text layer");
        cs.endText();
      }
      PDPage second = new PDPage();
      doc.addPage(second);
      PDImageXObject image =
          PDImageXObject.createFromByteArray(
              doc, HostileInputs.textImage(SCAN, 900, 300), "scan.png");
      try (PDPageContentStream cs = new PDPageContentStream(doc, second)) {
        cs.drawImage(image, 36, 500, 540, 180);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
