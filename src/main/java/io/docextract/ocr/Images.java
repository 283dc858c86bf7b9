package io.docextract.ocr;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Small image helpers shared by the engines. */
final class Images {

  private Images() {}

  /** The image (or a region of it) scaled to w x h as 8-bit RGB, bilinear. */
  static BufferedImage rgb(BufferedImage src, int w, int h) {
    return rgb(src, 0, 0, src.getWidth(), src.getHeight(), w, h);
  }

  static BufferedImage rgb(BufferedImage src, int sx, int sy, int sw, int sh, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
    g.dispose();
    return out;
  }
}
