package io.docextract.cli;

/** Exit codes a scheduler can act on. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_CONFIG = 2;
  public static final int NO_INPUT = 3;
  public static final int MODEL_UNAVAILABLE = 4;
  public static final int JOB_FAILED = 5;

  /** promote: the challenger was refused and nothing changed. */
  public static final int REFUSED = 6;

  private ExitCodes() {}
}
