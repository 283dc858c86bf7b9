package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.ocr.PaddleModels;
import io.docextract.ocr.PagePrep;
import io.docextract.ocr.ReadingOrder;
import org.junit.jupiter.api.Test;

class OcrSettingsTest {

  @Test
  void theDefaultIsTikasTesseractAsBefore() {
    OcrSettings s = OcrSettings.defaults();
    assertEquals(OcrSettings.Engine.TIKA, s.engine());
    assertEquals(s, s.with(null, null, null, null, null, null, null, null, null));
  }

  @Test
  void aPipelineFilesKeysApplyOneByOne() {
    OcrSettings s =
        OcrSettings.defaults().with("tesseract", 4, true, 1400, null, null, null, null, null);
    assertEquals(OcrSettings.Engine.TESSERACT, s.engine());
    assertEquals(4, s.psm());
    assertEquals(new PagePrep(true, 1400, false), s.prep());

    OcrSettings p =
        OcrSettings.defaults().with("Paddle", null, null, null, null, "rows", null, null, null);
    assertEquals(OcrSettings.Engine.PADDLE, p.engine());
    assertEquals(ReadingOrder.Layout.ROWS, p.layout());
    assertEquals(2, p.threads(), "a parser process's two cores");
    assertEquals("paddle(PP-OCRv4, rows, 2 threads)", p.describe());
    assertEquals(
        "paddle(PP-OCRv4, rows, 1 thread)",
        p.with(null, null, null, null, null, null, 1, null, null).describe());
  }

  @Test
  void thePaddleModelsAreChosenByName() {
    OcrSettings p =
        OcrSettings.defaults().with("paddle", null, null, null, null, null, null, null, null);
    assertEquals(
        PaddleModels.Release.PP_OCRV4, p.model(), "the models measured first stay default");
    OcrSettings v6 = p.with(null, null, null, null, null, null, null, "PP-OCRv6-small", null);
    assertEquals(PaddleModels.Release.PP_OCRV6_SMALL, v6.model());
    assertEquals("paddle(PP-OCRv6-small, boxes, 2 threads)", v6.describe());
  }

  @Test
  void eachBadValueIsNamed() {
    OcrSettings d = OcrSettings.defaults();
    assertMessage(
        "ocr.engine", () -> d.with("easyocr", null, null, null, null, null, null, null, null));
    assertMessage("ocr.psm", () -> d.with(null, 14, null, null, null, null, null, null, null));
    assertMessage(
        "ocr.layout", () -> d.with(null, null, null, null, null, "columns", null, null, null));
    assertMessage("ocr.threads", () -> d.with(null, null, null, null, null, null, 0, null, null));
    assertMessage("ocr.minWidth", () -> d.with(null, null, null, -1, null, null, null, null, null));
    assertMessage("ocr.model", () -> d.with(null, null, null, null, null, null, null, "v9", null));
    assertMessage(
        "ocr.lexicon",
        () -> d.with(null, null, null, null, null, null, null, null, "no/words.txt"));
  }

  private static final String LEXICON = "pipelines/lexicon/receipt-words.txt";

  @Test
  void aLexiconIsKeptAsAnAbsolutePathAndNamedInTheDescription() {
    OcrSettings d = OcrSettings.defaults();
    OcrSettings p = d.with("paddle", null, null, null, null, null, null, null, LEXICON);
    assertTrue(java.nio.file.Path.of(p.lexicon()).isAbsolute(), p.lexicon());
    assertEquals("paddle(PP-OCRv4, boxes, 2 threads, lexicon receipt-words.txt)", p.describe());
  }

  private static void assertMessage(String key, org.junit.jupiter.api.function.Executable e) {
    var ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(key), ex.getMessage());
  }
}
