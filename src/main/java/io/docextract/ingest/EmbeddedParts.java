package io.docextract.ingest;

import io.docextract.values.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;

/**
 * Tika hands every embedded resource (attachment, archive entry, file inside a PDF) to this
 * extractor. Instead of appending its text to the container's, each part is read (bounded) and
 * parsed as a document of its own, with provenance. A part past a limit is not read: it becomes a
 * {@code limit_exceeded} outcome and the container's other parts go on.
 *
 * <p>A compressed stream (gzip, bzip2, xz, ...) is not a container but a wrapper: Tika hands its
 * one decompressed stream over as an embedded resource, and that stream is parsed as the wrapper
 * itself (same id, source and depth), so {@code batch.tar.gz}'s entries are {@code
 * batch.tar.gz!/a.pdf} at depth 1, not {@code batch.tar.gz!/batch.tar/a.pdf} at depth 2.
 */
final class EmbeddedParts implements EmbeddedDocumentExtractor {

  /** What one file's parts have used so far, shared by every level of nesting. */
  static final class Budget {
    int parts;
    long expandedBytes;
    int skipped;
    ParseOutcome firstSkipped;

    /**
     * Past {@code maxParts} only the first skipped part becomes an outcome, saying how many more
     * followed; a million-entry archive should not make a million review items.
     */
    void summariseSkipped(List<ParseOutcome> out) {
      int i = out.indexOf(firstSkipped);
      if (skipped > 1 && i >= 0) {
        out.set(
            i,
            firstSkipped.withMessage(
                firstSkipped.message()
                    + "; "
                    + (skipped - 1)
                    + " further part(s) past the limit were not read"));
      }
    }
  }

  /** Tika's CompressorParser types: one stream inside, no container of its own. */
  private static final java.util.Set<String> COMPRESSED =
      java.util.Set.of(
          "application/gzip",
          "application/x-gzip",
          "application/x-bzip",
          "application/x-bzip2",
          "application/x-xz",
          "application/x-lzma",
          "application/x-compress",
          "application/zstd",
          "application/x-lz4",
          "application/x-snappy-framed",
          "application/x-brotli",
          "application/x-lzip",
          "application/deflate64",
          "application/x-deflate");

  private final TikaParse tika;
  private final ParseLimits limits;
  private final String fileSource;
  private final String containerId;
  private final Provenance container;
  private final Budget budget;
  private final List<ParseOutcome> out;
  private final Metadata containerMetadata;
  private int unnamed;
  private boolean unwrapped;

  EmbeddedParts(
      TikaParse tika,
      ParseLimits limits,
      String fileSource,
      String containerId,
      Provenance container,
      Budget budget,
      List<ParseOutcome> out,
      Metadata containerMetadata) {
    this.tika = tika;
    this.limits = limits;
    this.fileSource = fileSource;
    this.containerId = containerId;
    this.container = container;
    this.budget = budget;
    this.out = out;
    this.containerMetadata = containerMetadata;
  }

  @Override
  public boolean shouldParseEmbedded(Metadata metadata) {
    return true;
  }

  @Override
  public void parseEmbedded(
      InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
      throws IOException {
    if (!unwrapped && COMPRESSED.contains(TikaParse.contentType(containerMetadata))) {
      unwrapped = true;
      unwrap(stream);
      return;
    }
    Provenance part = container.child(containerId, name(metadata));
    String source = part.sourceIn(fileSource);
    if (tika.skipped(source)) {
      // An earlier attempt at this file finished this part or hung on it: count it, unread.
      budget.expandedBytes += stream.transferTo(OutputStream.nullOutputStream());
      if (budget.parts >= limits.maxParts()) {
        budget.skipped++;
      } else {
        budget.parts++;
      }
      return;
    }
    if (budget.parts >= limits.maxParts()) {
      budget.skipped++;
      if (budget.skipped == 1) {
        budget.firstSkipped =
            limit(part, source, "the file already gave maxParts=" + limits.maxParts() + " parts");
        tika.refused(budget.firstSkipped, out);
      }
      return;
    }
    budget.parts++;
    if (part.depth() > limits.maxDepth()) {
      tika.refused(
          limit(
              part,
              source,
              "nested " + part.depth() + " containers deep, maxDepth=" + limits.maxDepth()),
          out);
      return;
    }
    long room = limits.maxExpandedBytes() - budget.expandedBytes;
    long cap = Math.min(limits.maxFileBytes(), room);
    // Reading a part can be what kills the parser (inflating it): say which part, under the id
    // its place gives it, until it is read and has a content hash.
    tika.begin(placeId(part), source, part);
    byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, cap) + 1));
    budget.expandedBytes += bytes.length;
    if (bytes.length > cap) {
      tika.refused(
          limit(
              part,
              source,
              cap == room
                  ? "the file's parts expand past maxExpandedBytes=" + limits.maxExpandedBytes()
                  : "the part expands past maxFileBytes=" + limits.maxFileBytes()),
          out);
      return;
    }
    tika.parseOne(bytes, DocumentParser.sha256(bytes), fileSource, part, budget, out);
  }

  /** The decompressed stream of a compressed file, parsed as that file (same id and place). */
  private void unwrap(InputStream stream) throws IOException {
    long room = limits.maxExpandedBytes() - budget.expandedBytes;
    long cap = Math.min(limits.maxFileBytes(), room);
    byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, cap) + 1));
    budget.expandedBytes += bytes.length;
    String source = container.sourceIn(fileSource);
    if (bytes.length > cap) {
      tika.refused(
          ParseOutcome.failed(
              containerId,
              Reason.LIMIT_EXCEEDED,
              cap == room
                  ? "the file decompresses past maxExpandedBytes=" + limits.maxExpandedBytes()
                  : "the file decompresses past maxFileBytes=" + limits.maxFileBytes(),
              TikaParse.contentType(containerMetadata),
              source,
              container),
          out);
      return;
    }
    tika.parseOne(bytes, containerId, fileSource, container, budget, out);
  }

  private ParseOutcome limit(Provenance part, String source, String message) {
    return ParseOutcome.failed(placeId(part), Reason.LIMIT_EXCEEDED, message, null, source, part);
  }

  /** The id of a part not read in full, so without a content hash: its place stands in for it. */
  private String placeId(Provenance part) {
    return "part-"
        + DocumentParser.sha256(
            (containerId + "!/" + part.path()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private String name(Metadata metadata) {
    String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
    if (name == null || name.isBlank()) {
      name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
    }
    if (name == null || name.isBlank()) {
      name = "part-" + (++unnamed);
    }
    return name.replace('\\', '/');
  }
}
