package io.docextract.eval;

import java.util.Locale;

/** A 95 % bootstrap interval around a figure, printed as {@code 0.928 [0.901–0.951]}. */
public record Interval(double low, double high) {

  public String format(double point) {
    return String.format(Locale.ROOT, "%.3f [%.3f–%.3f]", point, low, high);
  }
}
