package io.docextract.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A page image drawn from a document's OCR boxes, each line at its own place and height, then
 * degraded the way receipt scans and phone photos are (small, tilted, blurred, speckled, JPEG). The
 * pipeline's own OCR reads it back, so a model can learn the text OCR makes of scans — its glued
 * words and misread letters — from documents whose scans we do not have.
 */
public final class ScanRender {

  /** One line of text and its upright bounding box, in the original page's pixels. */
  public record Box(int x, int y, int w, int h, String text) {

    /** SROIE's row: {@code x1,y1,x2,y2,x3,y3,x4,y4,text} (the text may hold commas). */
    public static Box parse(String row) {
      String[] parts = row.split(",", 9);
      if (parts.length < 9) {
        throw new IllegalArgumentException("not an OCR box row (8 coordinates, then text): " + row);
      }
      int[] c = new int[8];
      for (int i = 0; i < 8; i++) {
        c[i] = Integer.parseInt(parts[i].strip());
      }
      int x0 = Math.min(Math.min(c[0], c[2]), Math.min(c[4], c[6]));
      int x1 = Math.max(Math.max(c[0], c[2]), Math.max(c[4], c[6]));
      int y0 = Math.min(Math.min(c[1], c[3]), Math.min(c[5], c[7]));
      int y1 = Math.max(Math.max(c[1], c[3]), Math.max(c[5], c[7]));
      return new Box(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0), parts[8].strip());
    }
  }

  private static final String[] FACES = {Font.MONOSPACED, Font.SANS_SERIF, Font.SERIF};
  private static final int MARGIN = 24;

  private ScanRender() {}

  /** Boxes parsed from SROIE rows; blank rows and rows without text are skipped. */
  public static List<Box> parse(List<String> rows) {
    List<Box> boxes = new ArrayList<>();
    for (String row : rows) {
      if (!row.isBlank()) {
        Box b = Box.parse(row);
        if (!b.text().isEmpty()) {
          boxes.add(b);
        }
      }
    }
    return boxes;
  }

  /** The degraded page as JPEG bytes; the same boxes and seed give the same bytes. */
  public static byte[] jpeg(List<Box> boxes, long seed) throws IOException {
    if (boxes.isEmpty()) {
      throw new IllegalArgumentException("no boxes to draw");
    }
    Random r = new Random(seed);
    BufferedImage page = draw(boxes, r);
    page = tilt(page, (r.nextDouble() - 0.5) * Math.toRadians(3), r);
    // Scans in the wild are often small: letters 8-15 px high is where OCR starts to misread.
    double scale = 0.4 + 0.45 * r.nextDouble();
    page = resize(page, scale);
    if (r.nextBoolean()) {
      page = blur(page);
    }
    speckle(page, r);
    return encode(page, 0.45f + 0.4f * r.nextFloat());
  }

  private static BufferedImage draw(List<Box> boxes, Random r) {
    int width = boxes.stream().mapToInt(b -> b.x() + b.w()).max().orElse(1) + MARGIN;
    int height = boxes.stream().mapToInt(b -> b.y() + b.h()).max().orElse(1) + MARGIN;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      int paper = 215 + r.nextInt(41);
      g.setColor(new Color(paper, paper, paper));
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      // Thermal receipts fade: ink from black to mid grey.
      int ink = r.nextInt(130);
      g.setColor(new Color(ink, ink, ink));
      String face = FACES[r.nextInt(FACES.length)];
      int style = r.nextInt(3) == 0 ? Font.BOLD : Font.PLAIN;
      FontRenderContext frc = g.getFontRenderContext();
      for (Box b : boxes) {
        Font font = new Font(face, style, Math.max(6, Math.round(b.h() * 0.8f)));
        Rectangle2D bounds = font.getStringBounds(b.text(), frc);
        // Squeeze or stretch each line into its box, so the page keeps the receipt's geometry.
        double sx = Math.max(0.5, Math.min(1.8, b.w() / Math.max(1.0, bounds.getWidth())));
        g.setFont(font.deriveFont(AffineTransform.getScaleInstance(sx, 1.0)));
        float baseline =
            b.y()
                + (float) (b.h() + font.getLineMetrics(b.text(), frc).getAscent()) / 2f
                - b.h() * 0.08f;
        g.drawString(b.text(), b.x(), baseline);
      }
      // Worn print heads and dust break strokes: small paper-coloured flecks over the ink.
      g.setColor(new Color(paper, paper, paper));
      int flecks = width * height / (120 + r.nextInt(400));
      for (int i = 0; i < flecks; i++) {
        g.fillRect(r.nextInt(width), r.nextInt(height), 1 + r.nextInt(2), 1 + r.nextInt(2));
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static BufferedImage tilt(BufferedImage src, double radians, Random r) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), src.getType());
    Graphics2D g = out.createGraphics();
    try {
      int edge = 150 + r.nextInt(80);
      g.setColor(new Color(edge, edge, edge));
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.rotate(radians, src.getWidth() / 2.0, src.getHeight() / 2.0);
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage resize(BufferedImage src, double scale) {
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, src.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage blur(BufferedImage src) {
    float[] k = new float[9];
    java.util.Arrays.fill(k, 1f / 9f);
    return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
  }

  private static void speckle(BufferedImage img, Random r) {
    int n = img.getWidth() * img.getHeight() / 400;
    for (int i = 0; i < n; i++) {
      int v = r.nextBoolean() ? r.nextInt(120) : 200 + r.nextInt(56);
      img.getRaster().setSample(r.nextInt(img.getWidth()), r.nextInt(img.getHeight()), 0, v);
    }
  }

  private static byte[] encode(BufferedImage img, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
