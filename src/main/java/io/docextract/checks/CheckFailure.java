package io.docextract.checks;

import java.io.Serializable;

/** A check that did not hold: its name, and what was wrong, for the reviewer. */
public record CheckFailure(String check, String message) implements Serializable {

  @Override
  public String toString() {
    return check + ": " + message;
  }
}
