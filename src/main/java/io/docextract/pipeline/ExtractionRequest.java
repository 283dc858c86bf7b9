package io.docextract.pipeline;

import io.docextract.ingest.Provenance;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed document assigned to a document type, with its text clipped to the prompt budget, and
 * where it was found when it is a container's part.
 */
public record ExtractionRequest(
    String id,
    String source,
    String contentType,
    String documentType,
    String text,
    boolean textCut,
    long parseMillis,
    Provenance provenance,
    int chunk,
    int chunks,
    int chunkStart,
    boolean readByOcr)
    implements Serializable {

  public ExtractionRequest {
    provenance = provenance == null ? Provenance.file() : provenance;
    if (chunks < 1 || chunk < 0 || chunk >= chunks) {
      throw new IllegalArgumentException("chunk " + chunk + " of " + chunks);
    }
  }

  /** A whole document (one chunk). */
  public ExtractionRequest(
      String id,
      String source,
      String contentType,
      String documentType,
      String text,
      boolean textCut,
      long parseMillis,
      Provenance provenance) {
    this(
        id,
        source,
        contentType,
        documentType,
        text,
        textCut,
        parseMillis,
        provenance,
        0,
        1,
        0,
        false);
  }

  /**
   * Chunk {@code chunk} of {@code chunks} of this request's document: the text from offset {@code
   * start} of the document's fitted text.
   */
  public ExtractionRequest asChunk(int chunk, int chunks, int start, String chunkText) {
    return new ExtractionRequest(
        id,
        source,
        contentType,
        documentType,
        chunkText,
        textCut,
        parseMillis,
        provenance,
        chunk,
        chunks,
        start,
        readByOcr);
  }

  /** The document again, whole, with the text its chunks covered. */
  public ExtractionRequest whole(String coveredText) {
    return new ExtractionRequest(
        id,
        source,
        contentType,
        documentType,
        coveredText,
        textCut,
        parseMillis,
        provenance,
        0,
        1,
        0,
        readByOcr);
  }

  public boolean chunked() {
    return chunks > 1;
  }

  /** A request for a plain file (not a container's part). */
  public ExtractionRequest(
      String id,
      String source,
      String contentType,
      String documentType,
      String text,
      boolean textCut,
      long parseMillis) {
    this(id, source, contentType, documentType, text, textCut, parseMillis, Provenance.file());
  }

  /** parent_id, container_path and depth for a container's part, for lineage; empty otherwise. */
  public static Map<String, Object> provenanceLineage(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p.isPart()) {
      m.put("parent_id", p.parentId());
      m.put("container_path", p.path());
      m.put("depth", p.depth());
    }
    return m;
  }

  /** The same request with its text cut to fit the model's context. */
  public ExtractionRequest withCutText(String cutText) {
    return new ExtractionRequest(
        id,
        source,
        contentType,
        documentType,
        cutText,
        true,
        parseMillis,
        provenance,
        chunk,
        chunks,
        chunkStart,
        readByOcr);
  }
}
