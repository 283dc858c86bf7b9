package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PagePrepTest {

  @Test
  void aSmallScanIsGreyedScaledUpAndTurnedBlackOnWhite() {
    BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    var g = page.createGraphics();
    g.setColor(new Color(230, 225, 210)); // yellowed paper
    g.fillRect(0, 0, 200, 100);
    g.setColor(new Color(60, 60, 80)); // faded ink
    g.fillRect(20, 40, 100, 10);
    g.dispose();

    BufferedImage out = new PagePrep(true, 600, true).apply(page);

    assertEquals(600, out.getWidth());
    assertEquals(300, out.getHeight());
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, out.getType());
    assertEquals(0, out.getRaster().getSample(200, 135, 0));
    assertEquals(255, out.getRaster().getSample(10, 10, 0));
  }

  @Test
  void aWideEnoughPageKeepsItsSize() {
    BufferedImage page = new BufferedImage(800, 100, BufferedImage.TYPE_INT_RGB);
    assertEquals(800, new PagePrep(false, 600, false).apply(page).getWidth());
    assertTrue(PagePrep.none().isNone());
  }

  @Test
  void anAbsurdWidthIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new PagePrep(true, 90000, false));
    assertTrue(e.getMessage().contains("ocr.minWidth"), e.getMessage());
  }
}
