package io.docextract.ingest;

import io.docextract.values.Reason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's bytes into documents with Tika, within {@link ParseLimits}. The parse runs in a
 * separate JVM ({@link ParserProcess}, shared through {@link ParserPool}) with its own heap and a
 * per-file timeout, so a parser that hangs or runs out of memory yields {@code parse_timeout} or
 * {@code parse_crashed} for that file and the next file is parsed by a fresh process.
 *
 * <p>In a container, the failure costs only the part it happened in: the parts the parser finished
 * before it are kept, the part it was inside of gets the reason, and the file is parsed again
 * without those parts (at most {@link #MAX_ATTEMPTS} attempts, each with its own timeout) for its
 * own body and the parts after.
 *
 * <p>Expected failures (corrupt, encrypted, empty files, parts past a limit) come back as {@link
 * ParseOutcome}s with a reason; anything else is a bug and is thrown. Thread-safe; close it when
 * done (a parser never closed is stopped when the JVM exits).
 */
public final class DocumentParser implements AutoCloseable {

  /** Attempts at one file whose parts hang or crash the parser; each costs up to the timeout. */
  public static final int MAX_ATTEMPTS = 3;

  private final ParseLimits limits;
  private final ParserPool pool;
  private boolean closed;

  public DocumentParser(ParseLimits limits) {
    this.limits = limits;
    this.pool = ParserPool.acquire(limits);
  }

  public ParseLimits limits() {
    return limits;
  }

  /**
   * Every document the file yields: the file itself, or for a container (e-mail, archive, PDF with
   * attachments) its own body when it has text and each part, with {@link Provenance}. Never empty:
   * a file that yields nothing comes back as one failure. A PDF that carries an e-invoice's XML is
   * one document with it ({@link EInvoiceParts}) unless the limits say otherwise.
   */
  public List<ParseOutcome> parseAll(byte[] bytes, String source) {
    List<ParseOutcome> all = parseParts(bytes, source);
    return limits.eInvoices() ? EInvoiceParts.fold(all) : all;
  }

  private List<ParseOutcome> parseParts(byte[] bytes, String source) {
    String id = sha256(bytes);
    if (bytes.length > limits.maxFileBytes()) {
      return List.of(
          withSource(
              ParseOutcome.failed(
                  id,
                  Reason.TOO_LARGE,
                  "file has " + bytes.length + " bytes, limit is " + limits.maxFileBytes(),
                  null),
              source));
    }
    List<ParseOutcome> kept = new ArrayList<>();
    java.util.Set<String> skip = new java.util.HashSet<>();
    for (int attempt = 1; ; attempt++) {
      try {
        List<ParseOutcome> rest = pool.parse(source, bytes, skip);
        if (kept.isEmpty()) {
          return rest;
        }
        // A retry that yields nothing says empty_text for the file; the kept parts say more.
        if (rest.size() == 1
            && rest.get(0).failure() == Reason.EMPTY_TEXT
            && !rest.get(0).provenance().isPart()) {
          rest = List.of();
        }
        return fileFirst(kept, rest);
      } catch (ParserProcess.Failure f) {
        Reason reason = f.timedOut ? Reason.PARSE_TIMEOUT : Reason.PARSE_CRASHED;
        kept.addAll(f.finished);
        skip.addAll(f.ended);
        ParseWorker.Begun in = f.inside;
        if (in == null || !in.where().isPart()) {
          // The file itself (or a parser that died before saying where): the file gets the reason.
          kept.add(
              ParseOutcome.failed(id, reason, f.getMessage(), null, source, Provenance.file()));
          return fileFirst(kept, List.of());
        }
        kept.add(
            ParseOutcome.failed(
                in.id(),
                reason,
                f.getMessage()
                    + " (in this part; the "
                    + "container's other parts were parsed without it)",
                null,
                in.source(),
                in.where()));
        skip.add(in.source());
        if (attempt == MAX_ATTEMPTS) {
          kept.add(
              ParseOutcome.failed(
                  id,
                  reason,
                  "parts of this file hung or crashed the parser "
                      + MAX_ATTEMPTS
                      + " times; its own text and the parts after were not read",
                  null,
                  source,
                  Provenance.file()));
          return fileFirst(kept, List.of());
        }
      }
    }
  }

  /** The outcomes of all attempts at one file: the file's own first, then the parts. */
  private static List<ParseOutcome> fileFirst(List<ParseOutcome> kept, List<ParseOutcome> rest) {
    List<ParseOutcome> all = new ArrayList<>();
    rest.stream().filter(o -> !o.provenance().isPart()).forEach(all::add);
    kept.stream().filter(o -> !o.provenance().isPart()).forEach(all::add);
    kept.stream().filter(o -> o.provenance().isPart()).forEach(all::add);
    rest.stream().filter(o -> o.provenance().isPart()).forEach(all::add);
    return all;
  }

  /**
   * The file as one document, for callers that want a file's whole text (eval, review export): the
   * texts of everything it yields joined in document order, under the file's own id. The first
   * failure when nothing yields text.
   */
  public ParseOutcome parse(byte[] bytes, String source) {
    List<ParseOutcome> all = parseAll(bytes, source);
    List<ParsedDocument> docs = new ArrayList<>();
    for (ParseOutcome o : all) {
      if (o.ok()) {
        docs.add(o.document());
      }
    }
    if (docs.isEmpty()) {
      ParseOutcome first = all.get(0);
      return ParseOutcome.failed(
          sha256(bytes),
          first.failure(),
          first.message(),
          first.contentType(),
          source,
          Provenance.file());
    }
    if (docs.size() == 1 && !docs.get(0).provenance().isPart()) {
      return ParseOutcome.parsed(docs.get(0));
    }
    StringBuilder text = new StringBuilder();
    boolean cut = false;
    long millis = 0;
    for (ParsedDocument d : docs) {
      text.append(text.length() == 0 ? "" : "\n\n").append(d.text());
      cut |= d.textCut();
      millis += d.parseMillis();
    }
    ParsedDocument first = docs.get(0);
    Map<String, String> metadata = first.provenance().isPart() ? Map.of() : first.metadata();
    return ParseOutcome.parsed(
        new ParsedDocument(
            sha256(bytes),
            source,
            first.provenance().isPart() ? all.get(0).contentType() : first.contentType(),
            text.toString(),
            cut,
            metadata,
            bytes.length,
            millis));
  }

  private static ParseOutcome withSource(ParseOutcome o, String source) {
    return ParseOutcome.failed(
        o.id(), o.failure(), o.message(), o.contentType(), source, Provenance.file());
  }

  /** Lets go of the shared parser processes; the last parser with these limits stops them. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      pool.release();
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
