package io.docextract.config;

/** A pipeline file that cannot run; the message names the file and the key at fault. */
public final class InvalidPipelineException extends Exception {
  public InvalidPipelineException(String message) {
    super(message);
  }
}
