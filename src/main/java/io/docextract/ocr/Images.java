package io.docextract.ocr;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
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
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
    g.dispose();
    return out;
  }

  /**
   * A w x h RGB crop of {@code src} through {@code pageToCrop} (bilinear); what falls outside the
   * page is white, as paper.
   */
  static BufferedImage crop(BufferedImage src, AffineTransform pageToCrop, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, pageToCrop, null);
    g.dispose();
    return out;
  }
}
