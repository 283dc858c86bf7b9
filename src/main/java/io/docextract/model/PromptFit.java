package io.docextract.model;

import java.util.function.UnaryOperator;

/**
 * Fits a document into one slot's context, counting tokens with the model's own tokenizer before
 * anything is sent. Policy: keep the head of the document — the part that holds parties, dates and
 * totals on receipts, invoices and contracts — and cut the tail until prompt and reply fit. The
 * caller records that the text was cut.
 *
 * @param prompt the rendered prompt to send
 * @param text the document text inside it
 * @param cut whether the text had to be shortened
 * @param promptTokens the prompt's length in tokens
 */
public record PromptFit(String prompt, String text, boolean cut, int promptTokens) {

  private static final int MAX_ROUNDS = 6;

  /**
   * @param render turns document text into the full prompt (instructions, examples, candidates)
   * @throws ContextOverflowException when even an empty document leaves no room for the reply
   */
  public static PromptFit fit(ModelRuntime runtime, UnaryOperator<String> render, String text) {
    return fit(runtime, render, text, runtime.settings().maxTokens());
  }

  /** The same for a reply budget of {@code maxTokens} (a type's own, on a shared model). */
  public static PromptFit fit(
      ModelRuntime runtime, UnaryOperator<String> render, String text, int maxTokens) {
    int budget = runtime.settings().slotContext() - maxTokens;
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String prompt = render.apply(current);
      int tokens = runtime.countTokens(prompt);
      if (tokens <= budget) {
        return new PromptFit(prompt, current, current.length() < text.length(), tokens);
      }
      if (current.isEmpty()) {
        throw new ContextOverflowException(tokens, maxTokens, runtime.settings().slotContext());
      }
      // Shrink in proportion to the overshoot, a little more than needed so it converges fast.
      double keep = Math.max(0, (double) budget / tokens - 0.02);
      int length = (int) Math.min(current.length() - 1, Math.floor(current.length() * keep));
      current = current.substring(0, Math.max(0, length));
    }
    String prompt = render.apply("");
    throw new ContextOverflowException(
        runtime.countTokens(prompt), maxTokens, runtime.settings().slotContext());
  }
}
