package io.docextract.classify;

import java.io.Serializable;
import java.util.List;

/**
 * What marks one document type in a text.
 *
 * @param name the document type
 * @param description a few words the model is told (e.g. "a shop or restaurant receipt")
 * @param signals words or phrases typical of the type, matched whole and ignoring case
 * @param maxChars a longer text is not of this type (null: any length)
 */
public record TypeProfile(String name, String description, List<String> signals, Integer maxChars)
    implements Serializable {

  public TypeProfile {
    description = description == null || description.isBlank() ? name : description.strip();
    signals = signals == null ? List.of() : List.copyOf(signals);
    if (maxChars != null && maxChars < 1) {
      throw new IllegalArgumentException(name + ": maxChars must be >= 1, got " + maxChars);
    }
  }

  public TypeProfile(String name, String description, List<String> signals) {
    this(name, description, signals, null);
  }

  /** Whether a text of this length can be of this type at all. */
  public boolean admits(String text) {
    return maxChars == null || text.length() <= maxChars;
  }
}
