package io.docextract.eval;

/**
 * Counts for one field over many documents. Values are compared as sets of normalised strings, so a
 * list field scores each value (multi-label) and a single-valued field scores 0 or 1.
 *
 * @param exact documents where the predicted set equals the gold set (both empty counts)
 */
public record FieldScore(long tp, long fp, long fn, long exact, long documents) {

  public static final FieldScore ZERO = new FieldScore(0, 0, 0, 0, 0);

  public FieldScore plus(FieldScore o) {
    return new FieldScore(
        tp + o.tp, fp + o.fp, fn + o.fn, exact + o.exact, documents + o.documents);
  }

  public double precision() {
    return tp + fp == 0 ? (fn == 0 ? 1 : 0) : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Share of documents whose value for this field is exactly right. */
  public double accuracy() {
    return documents == 0 ? 0 : (double) exact / documents;
  }
}
