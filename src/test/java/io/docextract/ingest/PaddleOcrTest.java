package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.ocr.PaddleModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real SROIE receipt scan read by the PaddleOCR engine (on ONNX Runtime, weights from the package
 * index) through the pipeline's parser, with the first models measured (PP-OCRv4) and the receipt
 * pipeline's (PP-OCRv6 small): as a JPG, and as the only page of a PDF without a text layer. Its
 * gold values must be in the text.
 */
class PaddleOcrTest {

  /** SROIE 001.jpg, 439 x 1004 px: a small scan whose letters are ~10 px high. */
  private static final Path SCAN = Path.of("../shared/data/sroie-train/001.jpg");

  private static final Map<PaddleModels.Release, DocumentParser> PARSERS =
      new EnumMap<>(PaddleModels.Release.class);

  @BeforeAll
  static void open() {
    assumeTrue(Files.isRegularFile(SCAN), "needs ../shared/data/sroie-train");
  }

  @AfterAll
  static void close() {
    PARSERS.values().forEach(DocumentParser::close);
  }

  private static DocumentParser parser(PaddleModels.Release release) {
    return PARSERS.computeIfAbsent(
        release,
        r ->
            new DocumentParser(
                ParseLimits.defaults()
                    .withOcr(
                        OcrSettings.defaults()
                            .withEngine(OcrSettings.Engine.PADDLE)
                            .withModel(r))));
  }

  @ParameterizedTest
  @EnumSource(names = {"PP_OCRV4", "PP_OCRV6_SMALL"})
  void aReceiptScanIsReadWithItsGoldValues(PaddleModels.Release release) throws IOException {
    ParseOutcome out = parser(release).parse(Files.readAllBytes(SCAN), SCAN.toString());

    assertTrue(out.ok(), () -> out.failure() + " " + out.message());
    assertEquals("image/jpeg", out.contentType());
    assertTrue(out.document().readByOcr());
    assertGold(out.document().text());
  }

  @ParameterizedTest
  @EnumSource(names = {"PP_OCRV4", "PP_OCRV6_SMALL"})
  void anImageOnlyPdfPageTakesTheSamePath(PaddleModels.Release release) throws IOException {
    ParseOutcome out = parser(release).parse(imageOnlyPdf(), "scan.pdf");

    assertTrue(out.ok(), () -> out.failure() + " " + out.message());
    assertEquals("application/pdf", out.contentType());
    assertEquals("1", out.document().metadata().get("pdf:ocrPageCount"));
    assertTrue(out.document().readByOcr(), "an image-only page is OCR text");
    assertGold(out.document().text());
  }

  /**
   * SROIE 032.jpg prints "Jalan" in a face where PP-OCRv6 small's best reading of the l is an i;
   * the receipt pipeline's lexicon (the words of the training receipts) puts it back, because the
   * recogniser itself gave "Jalan" more than a tenth of the probability of "Jaian".
   */
  @Test
  void theReceiptLexiconPutsBackALetterTheRecogniserNearlyRead() throws IOException {
    Path scan = Path.of("../shared/data/sroie-train/032.jpg");
    OcrSettings v6 =
        OcrSettings.defaults()
            .withEngine(OcrSettings.Engine.PADDLE)
            .withModel(PaddleModels.Release.PP_OCRV6_SMALL);
    String plain =
        parser(PaddleModels.Release.PP_OCRV6_SMALL)
            .parse(Files.readAllBytes(scan), scan.toString())
            .document()
            .text();
    String corrected;
    try (DocumentParser withLexicon =
        new DocumentParser(
            ParseLimits.defaults()
                .withOcr(v6.withLexicon(Path.of(LEXICON).toAbsolutePath().toString())))) {
      corrected = withLexicon.parse(Files.readAllBytes(scan), scan.toString()).document().text();
    }

    assertTrue(plain.contains("12, Jaian Tampoi"), plain);
    assertTrue(corrected.contains("12, Jalan Tampoi"), corrected);
    assertEquals(
        plain.lines().count(), corrected.lines().count(), "words are corrected, lines kept");
  }

  private static final String LEXICON = "pipelines/lexicon/receipt-words.txt";

  /**
   * SROIE's gold for 001.jpg: the date and total as printed; the company and a line of the address
   * on letters and digits, as the receipt pipeline compares them (the recogniser's spacing around
   * '&' and a 0 read as O differ between the JPG and the page rendered from PDF).
   */
  private static void assertGold(String text) {
    String alnum = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    assertTrue(alnum.contains("INDAHGIFTHOMEDECO"), text);
    assertTrue(alnum.contains("TAMANJOHORJAYA"), text);
    assertTrue(text.contains("19/10/2018"), text);
    assertTrue(text.contains("60.30"), text);
    // Reading order: the shop's name before the date, the date before the total.
    assertTrue(
        text.indexOf("HOME DECO") < text.indexOf("19/10/2018")
            && text.indexOf("19/10/2018") < text.lastIndexOf("60.30"),
        text);
  }

  /** The scan as the one page of a PDF, at the scan's size in points (72 dpi, no text layer). */
  private static byte[] imageOnlyPdf() throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDImageXObject image = PDImageXObject.createFromFile(SCAN.toString(), doc);
      PDPage page = new PDPage(new PDRectangle(image.getWidth(), image.getHeight()));
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(image, 0, 0, image.getWidth(), image.getHeight());
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
