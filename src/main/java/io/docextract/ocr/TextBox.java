package io.docextract.ocr;

/**
 * One piece of text an engine read, with where it sits on the page (pixels of the original image, y
 * growing downwards).
 */
public record TextBox(double x0, double y0, double x1, double y1, String text, double score) {

  public double height() {
    return y1 - y0;
  }

  public double centreY() {
    return (y0 + y1) / 2;
  }
}
