package io.docextract.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.ocr.PaddleEngine;
import io.docextract.ocr.PaddleModels;
import io.docextract.ocr.ReadingOrder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A page drawn from SROIE boxes is a real, degraded image that the pipeline's own OCR reads back
 * close to the lines it was drawn from (so training on what OCR makes of it teaches OCR's errors,
 * not a different document).
 */
class ScanRenderTest {

  private static final Path BOXES = Path.of("../shared/data/sroie-train-text/ocr_boxes/100.csv");

  @Test
  void aRowsTextKeepsItsCommas() {
    ScanRender.Box b = ScanRender.Box.parse("224,280,577,280,577,312,224,312,NO 290, JALAN AIR");
    assertEquals(new ScanRender.Box(224, 280, 353, 32, "NO 290, JALAN AIR"), b);
    assertThrows(IllegalArgumentException.class, () -> ScanRender.Box.parse("1,2,3,text"));
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherPage() throws Exception {
    List<ScanRender.Box> boxes = ScanRender.parse(Files.readAllLines(BOXES));
    byte[] a = ScanRender.jpeg(boxes, 7);
    assertArrayEquals(a, ScanRender.jpeg(boxes, 7));
    assertFalse(Arrays.equals(a, ScanRender.jpeg(boxes, 8)));
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(a));
    int right = boxes.stream().mapToInt(b -> b.x() + b.w()).max().orElseThrow();
    // Scaled down like a small scan: between 0.4 and 0.85 of the drawn page.
    assertTrue(page.getWidth() < right && page.getWidth() > right * 0.35, "" + page.getWidth());
  }

  @Test
  void paddleOcrReadsTheDrawnReceiptBack() throws Exception {
    List<ScanRender.Box> boxes = ScanRender.parse(Files.readAllLines(BOXES));
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(ScanRender.jpeg(boxes, 42)));
    String text;
    try (PaddleEngine ocr =
        new PaddleEngine(
            PaddleModels.fromEnvironment(PaddleModels.Release.PP_OCRV4),
            1,
            ReadingOrder.Layout.BOXES)) {
      text = ocr.read(page);
    }
    String alnum = text.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    assertTrue(alnum.contains("SYARIKATPERNIAGAANGINKEE"), text);
    assertTrue(text.lines().anyMatch(l -> l.strip().matches("7[.,]42\\.?")), text); // the total
    assertTrue(text.lines().count() > boxes.size() / 2, text);
  }
}
