package io.docextract.classify;

import java.io.Serializable;
import java.util.Map;

/**
 * A classification: the type (null when none fits), how it was decided ({@code path}, {@code
 * signals}, {@code model}, or {@code none}) and the signal counts behind it.
 */
public record Decision(String type, String method, Map<String, Integer> scores)
    implements Serializable {

  public boolean decided() {
    return type != null;
  }
}
