package io.docextract.model;

/** llama.cpp refused or failed a request; the request can be routed, the model stays usable. */
public final class ModelFailureException extends RuntimeException {
  public ModelFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
