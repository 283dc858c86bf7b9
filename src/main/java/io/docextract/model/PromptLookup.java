package io.docextract.model;

import de.kherud.llama.InferenceParameters;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;

/**
 * Prompt-lookup drafting, a request option of docextract's patched native library (native/): while
 * decoding, the server guesses the next tokens from what followed the answer's last n-gram in the
 * prompt, and the model checks the guess in one batch, keeping only what it would have produced
 * anyway. An extraction copies most of its answer from the document, so guesses are often right and
 * several tokens come out of one pass over the weights.
 *
 * @param ngramMin shortest n-gram (tokens) trusted as a match; 0 turns drafting off
 * @param draftMax longest guess checked at once
 */
public record PromptLookup(int ngramMin, int draftMax) implements Serializable {

  public static final PromptLookup OFF = new PromptLookup(0, 0);

  public PromptLookup {
    if (ngramMin < 0 || draftMax < 0 || (ngramMin > 0) != (draftMax > 0)) {
      throw new IllegalArgumentException(
          "prompt lookup needs ngramMin and draftMax both > 0 (or both 0 for off), got "
              + ngramMin
              + ", "
              + draftMax);
    }
  }

  public boolean on() {
    return ngramMin > 0;
  }

  /**
   * Adds the request keys the patched server reads, with the keys of the object {@code grammar}
   * asks for as drafts of their own ({@link KeyDrafts}). java-llama.cpp 4.2.0 has no setter for
   * them and is no longer maintained, so they go into its request map directly.
   */
  void applyTo(InferenceParameters params, String grammar) {
    if (!on()) {
      return;
    }
    Map<String, String> json = requestMap(params);
    json.put("lookup_ngram_min", Integer.toString(ngramMin));
    json.put("speculative.n_max", Integer.toString(draftMax));
    json.put("speculative.n_min", "1");
    if (grammar != null) {
      KeyDrafts.requestValue(grammar).ifPresent(keys -> json.put("lookup_keys", keys));
    }
  }

  /**
   * Tokens drafted and accepted by prompt lookup in this JVM so far, or empty when the loaded
   * native library is not docextract's (it has no such counters). Call after a model is loaded.
   */
  public static Optional<Counts> counts() {
    if (!NativeLibrary.tokenProbabilities()) {
      return Optional.empty();
    }
    try {
      long[] c = LookupCounters.counters();
      return Optional.of(new Counts(c[0], c[1]));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /** Drafted and accepted token totals; subtract two readings for the figures in between. */
  public record Counts(long drafted, long accepted) {
    public Counts minus(Counts earlier) {
      return new Counts(drafted - earlier.drafted, accepted - earlier.accepted);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> requestMap(InferenceParameters params) {
    try {
      Field field = params.getClass().getSuperclass().getDeclaredField("parameters");
      field.setAccessible(true);
      return (Map<String, String>) field.get(params);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("java-llama.cpp's InferenceParameters changed shape", e);
    }
  }
}
