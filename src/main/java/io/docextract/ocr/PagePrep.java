package io.docextract.ocr;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Serializable;

/**
 * What is done to a page image before Tesseract reads it. Tesseract's LSTM reads best at a cap
 * height of roughly 20-30 px; many receipt scans are ~460 px wide, so their letters are ~10 px high
 * and come out as guesses until the page is scaled up.
 *
 * @param grayscale convert to 8-bit grey (colour carries nothing on a receipt)
 * @param minWidth scale up (bicubic) to at least this width in pixels; 0 leaves the size
 * @param binarise Otsu's global threshold to black on white
 */
public record PagePrep(boolean grayscale, int minWidth, boolean binarise) implements Serializable {

  public static final int MAX_MIN_WIDTH = 6000;

  public PagePrep {
    if (minWidth < 0 || minWidth > MAX_MIN_WIDTH) {
      throw new IllegalArgumentException(
          "ocr.minWidth must be 0.." + MAX_MIN_WIDTH + ", got " + minWidth);
    }
  }

  public static PagePrep none() {
    return new PagePrep(false, 0, false);
  }

  public boolean isNone() {
    return !grayscale && minWidth == 0 && !binarise;
  }

  public String describe() {
    if (isNone()) {
      return "as scanned";
    }
    StringBuilder sb = new StringBuilder();
    if (grayscale) {
      sb.append("grey");
    }
    if (minWidth > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append("width >= ").append(minWidth);
    }
    if (binarise) {
      sb.append(sb.length() > 0 ? ", " : "").append("Otsu");
    }
    return sb.toString();
  }

  public BufferedImage apply(BufferedImage page) {
    BufferedImage img = page;
    if (grayscale || binarise) {
      img = gray(img);
    }
    if (minWidth > 0 && img.getWidth() < minWidth) {
      img = scaled(img, (double) minWidth / img.getWidth());
    }
    if (binarise) {
      img = otsu(img);
    }
    return img;
  }

  static BufferedImage gray(BufferedImage in) {
    if (in.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return in;
    }
    BufferedImage out =
        new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    var g = out.createGraphics();
    g.drawImage(in, 0, 0, null);
    g.dispose();
    return out;
  }

  static BufferedImage scaled(BufferedImage in, double factor) {
    int w = (int) Math.round(in.getWidth() * factor);
    int h = (int) Math.round(in.getHeight() * factor);
    int type =
        in.getType() == BufferedImage.TYPE_BYTE_GRAY
            ? BufferedImage.TYPE_BYTE_GRAY
            : BufferedImage.TYPE_INT_RGB;
    BufferedImage out = new BufferedImage(w, h, type);
    var g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(in, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Otsu's threshold over the grey histogram: the split that best separates ink from paper. */
  static BufferedImage otsu(BufferedImage grayImage) {
    var raster = grayImage.getRaster();
    int w = grayImage.getWidth();
    int h = grayImage.getHeight();
    int[] px = raster.getPixels(0, 0, w, h, (int[]) null);
    long[] hist = new long[256];
    for (int v : px) {
      hist[v]++;
    }
    long total = px.length;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += (double) i * hist[i];
    }
    double sumBack = 0;
    long back = 0;
    double best = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      back += hist[t];
      if (back == 0 || back == total) {
        continue;
      }
      sumBack += (double) t * hist[t];
      double mb = sumBack / back;
      double mf = (sum - sumBack) / (total - back);
      double between = (double) back * (total - back) * (mb - mf) * (mb - mf);
      if (between > best) {
        best = between;
        threshold = t;
      }
    }
    for (int i = 0; i < px.length; i++) {
      px[i] = px[i] <= threshold ? 0 : 255;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    out.getRaster().setPixels(0, 0, w, h, px);
    return out;
  }
}
