package io.docextract.model;

/** The prompt plus the reply budget do not fit one slot's share of the context. */
public final class ContextOverflowException extends RuntimeException {
  public ContextOverflowException(int promptTokens, int maxTokens, int slotContext) {
    super(
        "prompt has "
            + promptTokens
            + " tokens; with "
            + maxTokens
            + " for the reply it exceeds the "
            + slotContext
            + "-token context of one slot");
  }
}
