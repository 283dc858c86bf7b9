package io.docextract.ingest;

import io.docextract.review.Reason;
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
 * <p>Expected failures (corrupt, encrypted, empty files, parts past a limit) come back as {@link
 * ParseOutcome}s with a reason; anything else is a bug and is thrown. Thread-safe; close it
 * when done (a parser never closed is stopped when the JVM exits).
 */
public final class DocumentParser implements AutoCloseable {

  private final ParseLimits limits;
  private final ParserPool pool;
  private boolean closed;

  public DocumentParser(ParseLimits limits) {
    this.limits = limits;
    this.pool = ParserPool.acquire(limits);
  }

  /**
   * Every document the file yields: the file itself, or for a container (e-mail, archive, PDF
   * with attachments) its own body when it has text and each part, with {@link Provenance}. Never
   * empty: a file that yields nothing comes back as one failure.
   */
  public List<ParseOutcome> parseAll(byte[] bytes, String source) {
    String id = sha256(bytes);
    if (bytes.length > limits.maxFileBytes()) {
      return List.of(withSource(ParseOutcome.failed(id, Reason.TOO_LARGE,
          "file has " + bytes.length + " bytes, limit is " + limits.maxFileBytes(), null),
          source));
    }
    try {
      return pool.parse(source, bytes);
    } catch (ParserProcess.Failure f) {
      return List.of(withSource(ParseOutcome.failed(id,
          f.timedOut ? Reason.PARSE_TIMEOUT : Reason.PARSE_CRASHED, f.getMessage(), null),
          source));
    }
  }

  /**
   * The file as one document, for callers that want a file's whole text (eval, review export):
   * the texts of everything it yields joined in document order, under the file's own id. The
   * first failure when nothing yields text.
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
      return ParseOutcome.failed(sha256(bytes), first.failure(), first.message(),
          first.contentType(), source, Provenance.file());
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
    return ParseOutcome.parsed(new ParsedDocument(sha256(bytes), source,
        first.provenance().isPart() ? all.get(0).contentType() : first.contentType(),
        text.toString(), cut, metadata, bytes.length, millis));
  }

  private static ParseOutcome withSource(ParseOutcome o, String source) {
    return ParseOutcome.failed(o.id(), o.failure(), o.message(), o.contentType(), source,
        Provenance.file());
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
