package io.docextract.classify;

import java.io.Serializable;
import java.util.List;

/**
 * How a pipeline with several document types tells them apart when paths do not.
 *
 * @param profiles one per document type, in the pipeline's order
 * @param useModel ask the model when the signals do not decide
 * @param minSignals distinct signals the leading type needs before the signals decide alone
 * @param headChars characters from the start of the text the model sees
 */
public record Classification(
    List<TypeProfile> profiles, boolean useModel, int minSignals, int headChars)
    implements Serializable {

  public static final int DEFAULT_MIN_SIGNALS = 2;
  public static final int DEFAULT_HEAD_CHARS = 1500;

  /** The model's answer for a document of none of the types. */
  public static final String OTHER = "other";

  public Classification {
    profiles = List.copyOf(profiles);
    if (minSignals < 1) {
      throw new IllegalArgumentException("minSignals must be >= 1, got " + minSignals);
    }
    if (headChars < 100) {
      throw new IllegalArgumentException("headChars must be >= 100, got " + headChars);
    }
  }
}
