package io.docextract.ocr;

import java.awt.geom.AffineTransform;

/**
 * A detected line of text as an oriented rectangle in the page's pixels: its centre, the angle of
 * its long side (radians, y down) and half its length and thickness. A receipt photographed or
 * scanned a few degrees off level gives lines whose upright bounding boxes overlap the lines above
 * and below; cropping along the line keeps the neighbours out of what the recogniser reads.
 */
record TextRegion(double cx, double cy, double angle, double halfLength, double halfThickness) {

  /** From the rectangle's corners in order along the long side, then back: c0-c1-c2-c3. */
  static TextRegion ofCorners(double[] x, double[] y) {
    double cx = (x[0] + x[1] + x[2] + x[3]) / 4;
    double cy = (y[0] + y[1] + y[2] + y[3]) / 4;
    double length = Math.hypot(x[1] - x[0], y[1] - y[0]);
    double thickness = Math.hypot(x[3] - x[0], y[3] - y[0]);
    double angle = Math.atan2(y[1] - y[0], x[1] - x[0]);
    return new TextRegion(cx, cy, angle, length / 2, thickness / 2);
  }

  /** Width over height, as the recogniser will see the crop. */
  double ratio() {
    return halfLength / Math.max(0.5, halfThickness);
  }

  /** Maps the page onto an upright w x h crop of this region. */
  AffineTransform toCrop(int w, int h) {
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0, h / 2.0);
    t.scale(w / (2 * halfLength), h / (2 * halfThickness));
    t.rotate(-angle);
    t.translate(-cx, -cy);
    return t;
  }

  /** The upright box around the region's centre line, for reading order. */
  TextBox box(String text, double score) {
    double dx = Math.abs(Math.cos(angle)) * halfLength;
    return new TextBox(cx - dx, cy - halfThickness, cx + dx, cy + halfThickness, text, score);
  }
}
