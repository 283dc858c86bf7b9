package io.docextract.model;

/** The prompt-lookup counters of docextract's native library (a record cannot declare natives). */
final class LookupCounters {

  private LookupCounters() {}

  /** {drafted, accepted} tokens since the library was loaded. */
  static native long[] counters();
}
