package io.docextract.values;

import java.io.Serializable;

/**
 * Where a value was found: character offsets into the text (UTF-16 code units, Java's and
 * JavaScript's string indices), the text found there, how it was found, and how closely it matches.
 *
 * @param method {@code exact}, {@code folded} (case and whitespace ignored) or {@code fuzzy}
 * @param score 1.0 for exact and folded matches; 1 − edit distance ÷ value length for fuzzy ones
 */
public record Span(int start, int end, String matched, String method, double score)
    implements Serializable {}
