package io.docextract.config;

/** A pipeline file that cannot run; the message names the file and the key at fault. */
public final class InvalidPipelineException extends Exception {

  private final boolean modelProblem;

  public InvalidPipelineException(String message) {
    this(message, false);
  }

  private InvalidPipelineException(String message, boolean modelProblem) {
    super(message);
    this.modelProblem = modelProblem;
  }

  /** The pipeline is fine but its model is missing, unreadable or fails its checksum. */
  static InvalidPipelineException model(String message) {
    return new InvalidPipelineException(message, true);
  }

  public boolean modelProblem() {
    return modelProblem;
  }
}
