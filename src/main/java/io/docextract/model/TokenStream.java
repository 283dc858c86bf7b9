package io.docextract.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;

/**
 * One generation request on a loaded model, token by token: greedy, under a grammar, with the
 * adapter and drafting asked for, stopped as soon as the JSON value closes or the text repeats. The
 * caller holds a slot for it ({@link ModelRuntime}).
 */
final class TokenStream {

  /** What one generation request produced: its text, why it stopped, tokens, first-token time. */
  record Piece(String text, StopReason reason, int generated, long firstTokenMillis) {}

  private final LlamaModel model;
  private final AdapterSet adapters;
  private final boolean tokenProbabilities;

  TokenStream(LlamaModel model, AdapterSet adapters) {
    this.model = model;
    this.adapters = adapters;
    // Fixed once the native library is loaded, which happened before the model could be.
    this.tokenProbabilities = NativeLibrary.tokenProbabilities();
  }

  /**
   * One request under a grammar at temperature 0, stopped as soon as {@code end} says so, or cut
   * where {@code repeats} finds an array starting over.
   */
  Piece generate(
      String prompt,
      String grammar,
      int maxTokens,
      JsonEndDetector end,
      RepeatedElements repeats,
      TokenProbabilities probs,
      boolean cachePrompt,
      String adapter,
      PromptLookup lookup) {
    InferenceParameters params =
        new InferenceParameters(prompt)
            .setTemperature(0f)
            .setNPredict(maxTokens)
            .setCachePrompt(cachePrompt);
    if (grammar != null) {
      params.setGrammar(grammar);
    }
    adapters.applyTo(params, adapter);
    if (tokenProbabilities) {
      params.setNProbs(1);
    }
    if (tokenProbabilities) {
      // Only docextract's patched library (the one that gives probabilities) drafts.
      lookup.applyTo(params, grammar);
    }
    long start = System.nanoTime();
    long firstToken = -1;
    StringBuilder text = new StringBuilder();
    TokenProbabilities own = new TokenProbabilities();
    RepetitionDetector loop = new RepetitionDetector();
    int generated = 0;
    StopReason reason = StopReason.END_OF_TEXT;
    LlamaIterator it = model.generate(params).iterator();
    while (it.hasNext()) {
      LlamaOutput out = it.next();
      if (firstToken < 0) {
        firstToken = (System.nanoTime() - start) / 1_000_000;
      }
      text.append(out.text);
      if (tokenProbabilities) {
        own.add(out.text, out.probabilities.get(out.text));
      }
      if (!it.hasNext()) {
        break;
      }
      generated++;
      if (end.accept(out.text)) {
        it.cancel();
        reason = StopReason.COMPLETE_JSON;
        break;
      }
      if (repeats.accept(out.text)) {
        it.cancel();
        reason = StopReason.REPEATED_ELEMENT;
        break;
      }
      if (loop.accept(out.text)) {
        it.cancel();
        reason = StopReason.REPETITION;
        break;
      }
    }
    if (reason == StopReason.REPEATED_ELEMENT) {
      text.setLength(repeats.cut());
      probs.appendCut(own, repeats.cut());
      text.append(repeats.closing());
      probs.add(repeats.closing(), null);
    } else {
      probs.appendCut(own, text.length());
    }
    if (reason == StopReason.END_OF_TEXT) {
      end.accept("");
      if (generated >= maxTokens && !end.complete()) {
        reason = StopReason.TOKEN_LIMIT;
      }
    }
    return new Piece(text.toString(), reason, generated, firstToken);
  }
}
