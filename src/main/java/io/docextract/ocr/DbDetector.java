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
 * Each region is an oriented rectangle along its principal axis (as PaddleOCR's minimum-area
 * rectangle): a line a few degrees off level then gets a thin box, not a tall upright one that
 * reaches into the lines above and below.
 */
final class DbDetector implements AutoCloseable {

  /** PP-OCRv4's post-processing as first measured here; other releases bring their own. */
  static final float THRESHOLD = 0.3f;

  static final double BOX_THRESHOLD = 0.5;
  static final double UNCLIP_RATIO = 1.6;

  /** The short side is scaled up to this (PaddleOCR's limit_side_len with limit_type min). */
  static final int MIN_SIDE = 736;

  /** ...and the long side down to this, which bounds the time of a long receipt. */
  static final int MAX_SIDE = 2560;

  private final Onnx model;
  private final PaddleModels.DetectorSettings settings;

  DbDetector(Path model, int threads, PaddleModels.DetectorSettings settings) throws IOException {
    this.model = new Onnx(model, threads);
    this.settings = settings;
  }

  /** Text regions in the page's own pixels, in no particular order. */
  List<TextRegion> detect(BufferedImage page) throws IOException {
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
    if (settings.imageNetNormalised()) {
      Onnx.putBgrImageNet(resized, input, rw, rh);
    } else {
      Onnx.putBgr(resized, input, 0, rw, rh);
    }
    Onnx.Output out = model.run(input, new long[] {1, 3, rh, rw});
    float[] prob = out.values();
    List<TextRegion> boxes = new ArrayList<>();
    double sx = (double) w / rw;
    double sy = (double) h / rh;
    for (double[] r : regions(prob, rw, rh, settings.threshold(), settings.boxThreshold())) {
      // r: centre x, y, angle, half length, half thickness (detector pixels); DB's unclip grows
      // each side by area * ratio / perimeter.
      double len = 2 * r[3];
      double thick = 2 * r[4];
      if (Math.min(len, thick) < 3) {
        continue;
      }
      double d = len * thick * settings.unclipRatio() / (2 * (len + thick));
      double a = r[3] + d;
      double b = r[4] + d;
      double cos = Math.cos(r[2]);
      double sin = Math.sin(r[2]);
      double[] xs = new double[4];
      double[] ys = new double[4];
      double[][] corners = {{-a, -b}, {a, -b}, {a, b}, {-a, b}};
      for (int k = 0; k < 4; k++) {
        xs[k] = (r[0] + corners[k][0] * cos - corners[k][1] * sin) * sx;
        ys[k] = (r[1] + corners[k][0] * sin + corners[k][1] * cos) * sy;
      }
      TextRegion region = TextRegion.ofCorners(xs, ys);
      if (region.halfLength() >= 2.5 && region.halfThickness() >= 2.5) {
        boxes.add(region);
      }
    }
    return boxes;
  }

  /** Past this tilt a region is taken as level: receipts are read upright, not vertical text. */
  static final double MAX_TILT = Math.toRadians(20);

  /**
   * Connected regions (8-neighbours) of the thresholded and 2x2-dilated map, kept when their mean
   * probability reaches {@link #BOX_THRESHOLD}, each as {centre x, centre y, angle, half length,
   * half thickness}: the angle of the pixels' principal axis (0 for a blob too short to have one),
   * the halves from the pixels' extent along and across it.
   */
  static List<double[]> regions(float[] prob, int w, int h) {
    return regions(prob, w, h, THRESHOLD, BOX_THRESHOLD);
  }

  static List<double[]> regions(float[] prob, int w, int h, float threshold, double boxThreshold) {
    boolean[] on = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // Dilation with a 2x2 kernel, as PaddleOCR's use_dilation: joins letters split by a hair.
        on[y * w + x] =
            prob[y * w + x] > threshold
                || (x > 0 && prob[y * w + x - 1] > threshold)
                || (y > 0 && prob[(y - 1) * w + x] > threshold)
                || (x > 0 && y > 0 && prob[(y - 1) * w + x - 1] > threshold);
      }
    }
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    int[] members = new int[w * h];
    List<double[]> out = new ArrayList<>();
    for (int start = 0; start < on.length; start++) {
      if (!on[start] || seen[start]) {
        continue;
      }
      int top = 0;
      int n = 0;
      stack[top++] = start;
      seen[start] = true;
      double sum = 0;
      double mx = 0;
      double my = 0;
      while (top > 0) {
        int p = stack[--top];
        members[n++] = p;
        int x = p % w;
        int y = p / w;
        sum += prob[p];
        mx += x;
        my += y;
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
      if (n < 4 || sum / n < boxThreshold) {
        continue;
      }
      mx /= n;
      my /= n;
      double cxx = 0;
      double cyy = 0;
      double cxy = 0;
      for (int k = 0; k < n; k++) {
        double x = members[k] % w - mx;
        double y = members[k] / w - my;
        cxx += x * x;
        cyy += y * y;
        cxy += x * y;
      }
      double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
      if (Math.abs(angle) > MAX_TILT || cxx < 2.25 * cyy) {
        angle = 0; // vertical, or too short to have a direction
      }
      double cos = Math.cos(angle);
      double sin = Math.sin(angle);
      double minU = Double.MAX_VALUE;
      double maxU = -Double.MAX_VALUE;
      double minV = Double.MAX_VALUE;
      double maxV = -Double.MAX_VALUE;
      for (int k = 0; k < n; k++) {
        double x = members[k] % w - mx;
        double y = members[k] / w - my;
        double u = x * cos + y * sin;
        double v = -x * sin + y * cos;
        minU = Math.min(minU, u);
        maxU = Math.max(maxU, u);
        minV = Math.min(minV, v);
        maxV = Math.max(maxV, v);
      }
      // Pixel centres: the region spans half a pixel beyond the outermost ones.
      double midU = (minU + maxU) / 2;
      double midV = (minV + maxV) / 2;
      out.add(
          new double[] {
            mx + midU * cos - midV * sin,
            my + midU * sin + midV * cos,
            angle,
            (maxU - minU + 1) / 2,
            (maxV - minV + 1) / 2
          });
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
