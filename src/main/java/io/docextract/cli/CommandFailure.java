package io.docextract.cli;

/** A command cannot go on; the message is printed as one line and the code returned. */
final class CommandFailure extends RuntimeException {

  private final int exitCode;

  CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
