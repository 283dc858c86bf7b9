package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Point2D;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbDetectorTest {

  /** A probability map with a bar 200 px long, 6 px thick, tilted by {@code degrees}. */
  private static float[] bar(int w, int h, double degrees, float p) {
    float[] map = new float[w * h];
    double a = Math.toRadians(degrees);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = (x - w / 2.0) * Math.cos(a) + (y - h / 2.0) * Math.sin(a);
        double v = -(x - w / 2.0) * Math.sin(a) + (y - h / 2.0) * Math.cos(a);
        if (Math.abs(u) <= 100 && Math.abs(v) <= 3) {
          map[y * w + x] = p;
        }
      }
    }
    return map;
  }

  @Test
  void aTiltedLineGetsAThinRegionAlongIt() {
    List<double[]> regions = DbDetector.regions(bar(300, 120, 4, 0.9f), 300, 120);

    assertEquals(1, regions.size());
    double[] r = regions.get(0);
    assertEquals(150, r[0], 1.5);
    assertEquals(60, r[1], 1.5);
    assertEquals(4, Math.toDegrees(r[2]), 0.5);
    assertEquals(100, r[3], 2);
    // An upright box around it would be 6 + 200 * sin(4°) = 20 px thick; along the line it is ~7.
    assertEquals(3.5, r[4], 1.0);
  }

  @Test
  void aFaintRegionIsDropped() {
    assertEquals(List.of(), DbDetector.regions(bar(300, 120, 0, 0.4f), 300, 120));
  }

  @Test
  void theCropMapsTheRegionOntoItsWholeWidthAndHeight() {
    TextRegion r = new TextRegion(150, 60, Math.toRadians(4), 100, 4);
    Point2D start =
        r.toCrop(400, 48)
            .transform(
                new Point2D.Double(150 - 100 * Math.cos(r.angle()), 60 - 100 * Math.sin(r.angle())),
                null);
    assertEquals(0, start.getX(), 1e-6);
    assertEquals(24, start.getY(), 1e-6);
    assertEquals(25, r.ratio(), 1e-9);
  }
}
