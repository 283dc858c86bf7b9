package io.docextract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PaddleOCR's DB text detector: the model gives each pixel a probability of being inside text;
 * pixels over {@link #THRESHOLD} are grouped into connected regions, a region whose mean
 * probability is under {@link #BOX_THRESHOLD} is dropped, and each kept region's bounding box is
 * grown by DB's unclip distance (the model is trained to mark a shrunken core of each text line).
 * Boxes are axis-aligned: scans and flatbed photos of receipts are upright, and the
 * recogniser reads a horizontal crop.
 */
final class DbDetector implements AutoCloseable {

  static final float THRESHOLD = 0.3f;
  static final double BOX_THRESHOLD = 0.5;
  static final double UNCLIP_RATIO = 1.6;
  /** The short side is scaled up to this (PaddleOCR's limit_side_len with limit_type min). */
  static final int MIN_SIDE = 736;
  /** ...and the long side down to this, which bounds the time of a long receipt. */
  static final int MAX_SIDE = 2560;

  private final Onnx model;

  DbDetector(Path model, int threads) throws IOException {
    this.model = new Onnx(model, threads);
  }

  /** Text regions in the page's own pixels, in no particular order. */
  List<double[]> detect(BufferedImage page) throws IOException {
    int w = page.getWidth();
    int h = page.getHeight();
    double ratio = Math.min(w, h) < MIN_SIDE ? (double) MIN_SIDE / Math.min(w, h) : 1;
    if (Math.max(w, h) * ratio > MAX_SIDE) {
      ratio = (double) MAX_SIDE / Math.max(w, h);
    }
    int rw = Math.max(32, (int) Math.round(w * ratio / 32) * 32);
    int rh = Math.max(32, (int) Math.round(h * ratio / 32) * 32);
    BufferedImage resized = Images.rgb(page, rw, rh);
    float[] input = new float[3 * rw * rh];
    Onnx.putBgr(resized, input, 0, rw, rh);
    Onnx.Output out = model.run(input, new long[] {1, 3, rh, rw});
    float[] prob = out.values();
    List<double[]> boxes = new ArrayList<>();
    for (int[] r : regions(prob, rw, rh)) {
      double bw = r[2] - r[0] + 1;
      double bh = r[3] - r[1] + 1;
      if (Math.min(bw, bh) < 3) {
        continue;
      }
      double d = bw * bh * UNCLIP_RATIO / (2 * (bw + bh));
      double sx = (double) w / rw;
      double sy = (double) h / rh;
      double x0 = Math.max(0, (r[0] - d) * sx);
      double y0 = Math.max(0, (r[1] - d) * sy);
      double x1 = Math.min(w, (r[2] + 1 + d) * sx);
      double y1 = Math.min(h, (r[3] + 1 + d) * sy);
      if (x1 - x0 >= 5 && y1 - y0 >= 5) {
        boxes.add(new double[] {x0, y0, x1, y1});
      }
    }
    return boxes;
  }

  /**
   * Connected regions (8-neighbours) of the thresholded and 2x2-dilated map, as {minX, minY, maxX,
   * maxY}, kept when their mean probability reaches {@link #BOX_THRESHOLD}.
   */
  static List<int[]> regions(float[] prob, int w, int h) {
    boolean[] on = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // Dilation with a 2x2 kernel, as PaddleOCR's use_dilation: joins letters split by a hair.
        on[y * w + x] = prob[y * w + x] > THRESHOLD
            || (x > 0 && prob[y * w + x - 1] > THRESHOLD)
            || (y > 0 && prob[(y - 1) * w + x] > THRESHOLD)
            || (x > 0 && y > 0 && prob[(y - 1) * w + x - 1] > THRESHOLD);
      }
    }
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    List<int[]> out = new ArrayList<>();
    for (int start = 0; start < on.length; start++) {
      if (!on[start] || seen[start]) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      seen[start] = true;
      int minX = w;
      int minY = h;
      int maxX = -1;
      int maxY = -1;
      double sum = 0;
      int count = 0;
      while (top > 0) {
        int p = stack[--top];
        int x = p % w;
        int y = p / w;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        sum += prob[p];
        count++;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
              int q = ny * w + nx;
              if (on[q] && !seen[q]) {
                seen[q] = true;
                stack[top++] = q;
              }
            }
          }
        }
      }
      if (sum / count >= BOX_THRESHOLD) {
        out.add(new int[] {minX, minY, maxX, maxY});
      }
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
