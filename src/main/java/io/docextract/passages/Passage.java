package io.docextract.passages;

/** A stretch of the document: [start, end) in UTF-16 offsets of the full text. */
public record Passage(int index, int start, int end, String text) {}
