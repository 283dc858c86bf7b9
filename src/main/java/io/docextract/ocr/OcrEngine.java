package io.docextract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Reads the text of one page image, laid out line by line in reading order. Implementations are
 * expensive to build (models, processes) and are made once per parser process; {@link #read} is
 * called from one thread at a time.
 */
public interface OcrEngine extends AutoCloseable {

  /** The page's text; empty when nothing legible was found. */
  String read(BufferedImage page) throws IOException;

  /** What was used, for logs and bench reports, e.g. {@code paddle(PP-OCRv4)}. */
  String describe();

  @Override
  default void close() {}
}
