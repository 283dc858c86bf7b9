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
    Provenance provenance)
    implements Serializable {

  public ExtractionRequest {
    provenance = provenance == null ? Provenance.file() : provenance;
  }

  /** A request for a plain file (not a container's part). */
  public ExtractionRequest(String id, String source, String contentType, String documentType,
      String text, boolean textCut, long parseMillis) {
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
    return new ExtractionRequest(id, source, contentType, documentType, cutText, true, parseMillis,
        provenance);
  }
}
