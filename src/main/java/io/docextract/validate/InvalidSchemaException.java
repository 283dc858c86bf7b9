package io.docextract.validate;

/** A schema file that cannot serve as a document type's contract; the message names the file. */
public final class InvalidSchemaException extends Exception {
  public InvalidSchemaException(String message) {
    super(message);
  }
}
