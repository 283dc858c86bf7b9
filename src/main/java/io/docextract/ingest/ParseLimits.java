package io.docextract.ingest;

import java.io.Serializable;
import java.util.Objects;

/**
 * Bounds on what one document may cost to parse, and how scans are read. Checked when the pipeline
 * file loads, so a bad value fails the job before any file is read.
 *
 * @param maxFileBytes files (and container parts) larger than this are routed to review unread
 * @param maxTextChars Tika stops writing text past this many characters; the rest is cut
 * @param timeoutSeconds one file's parse, all its parts and OCR included; past it the parser
 *     process is killed and the file goes to review as {@code parse_timeout} — in a container, the
 *     part it hung in, and the file is parsed again without it (see {@link DocumentParser})
 * @param maxParts documents one container may yield; later parts go to review
 * @param maxDepth how deep containers may nest (a file is depth 0, its attachments depth 1)
 * @param maxExpandedBytes bytes all parts of one container may expand to together
 * @param parserHeapMb heap of the separate parser JVM; a parse that needs more kills only it
 * @param ocr how images and pages without a text layer are read
 * @param eInvoices whether an e-invoice's XML is read as the invoice ({@link EInvoiceText}; a PDF
 *     that carries one becomes one document, its labelled data before its print); off, the XML is a
 *     part like any other, as Tika gives it
 */
public record ParseLimits(
    long maxFileBytes,
    int maxTextChars,
    int timeoutSeconds,
    int maxParts,
    int maxDepth,
    long maxExpandedBytes,
    int parserHeapMb,
    OcrSettings ocr,
    boolean eInvoices)
    implements Serializable {

  public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARS = 200_000;
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;
  public static final int DEFAULT_MAX_PARTS = 100;
  public static final int DEFAULT_MAX_DEPTH = 5;
  public static final long DEFAULT_MAX_EXPANDED_BYTES = 200L * 1024 * 1024;
  public static final int DEFAULT_PARSER_HEAP_MB = 384;

  public ParseLimits {
    positive("maxFileBytes", maxFileBytes);
    positive("maxTextChars", maxTextChars);
    positive("timeoutSeconds", timeoutSeconds);
    positive("maxParts", maxParts);
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
    }
    positive("maxExpandedBytes", maxExpandedBytes);
    if (parserHeapMb < 32) {
      throw new IllegalArgumentException("parserHeapMb must be >= 32, got " + parserHeapMb);
    }
    Objects.requireNonNull(ocr, "ocr");
  }

  /** The two limits every caller used to set; the rest at their defaults. */
  public ParseLimits(long maxFileBytes, int maxTextChars) {
    this(
        maxFileBytes,
        maxTextChars,
        DEFAULT_TIMEOUT_SECONDS,
        DEFAULT_MAX_PARTS,
        DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_EXPANDED_BYTES,
        DEFAULT_PARSER_HEAP_MB,
        OcrSettings.defaults(),
        true);
  }

  public static ParseLimits defaults() {
    return new ParseLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TEXT_CHARS);
  }

  public ParseLimits withTimeoutSeconds(int seconds) {
    return new ParseLimits(
        maxFileBytes,
        maxTextChars,
        seconds,
        maxParts,
        maxDepth,
        maxExpandedBytes,
        parserHeapMb,
        ocr,
        eInvoices);
  }

  public ParseLimits withContainerLimits(int parts, int depth, long expandedBytes) {
    return new ParseLimits(
        maxFileBytes,
        maxTextChars,
        timeoutSeconds,
        parts,
        depth,
        expandedBytes,
        parserHeapMb,
        ocr,
        eInvoices);
  }

  public ParseLimits withParserHeapMb(int mb) {
    return new ParseLimits(
        maxFileBytes,
        maxTextChars,
        timeoutSeconds,
        maxParts,
        maxDepth,
        maxExpandedBytes,
        mb,
        ocr,
        eInvoices);
  }

  public ParseLimits withOcr(OcrSettings settings) {
    return new ParseLimits(
        maxFileBytes,
        maxTextChars,
        timeoutSeconds,
        maxParts,
        maxDepth,
        maxExpandedBytes,
        parserHeapMb,
        settings,
        eInvoices);
  }

  public ParseLimits withEInvoices(boolean read) {
    return new ParseLimits(
        maxFileBytes,
        maxTextChars,
        timeoutSeconds,
        maxParts,
        maxDepth,
        maxExpandedBytes,
        parserHeapMb,
        ocr,
        read);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
