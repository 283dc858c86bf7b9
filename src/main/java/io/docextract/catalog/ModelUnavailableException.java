package io.docextract.catalog;

/** No source could supply a model with the expected checksum; the message says what was tried. */
public final class ModelUnavailableException extends Exception {
  public ModelUnavailableException(String message) {
    super(message);
  }
}
