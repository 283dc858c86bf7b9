package io.docextract.ingest;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document after Tika: its identity, what it is, its text and where it was found.
 *
 * @param id sha256 of the document's bytes (of the part's bytes for a container part), so the same
 *     content gets the same id on every run
 * @param source the file, or for a container part {@code file!/path/inside}
 * @param textCut true when the text was cut at {@link ParseLimits#maxTextChars()}
 * @param provenance the container, path and depth of a part; {@link Provenance#file()} otherwise
 */
public record ParsedDocument(
    String id,
    String source,
    String contentType,
    String text,
    boolean textCut,
    Map<String, String> metadata,
    long sizeBytes,
    long parseMillis,
    Provenance provenance)
    implements Serializable {

  public ParsedDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    provenance = provenance == null ? Provenance.file() : provenance;
  }

  /** A plain file (not found inside a container). */
  public ParsedDocument(
      String id,
      String source,
      String contentType,
      String text,
      boolean textCut,
      Map<String, String> metadata,
      long sizeBytes,
      long parseMillis) {
    this(
        id,
        source,
        contentType,
        text,
        textCut,
        metadata,
        sizeBytes,
        parseMillis,
        Provenance.file());
  }

  /**
   * Whether OCR read some of this text: a photo or scan, or a PDF with pages that had no text layer
   * (Tika's {@code pdf:ocrPageCount}). A threshold chosen on text does not hold for it.
   */
  public boolean readByOcr() {
    if (contentType != null && contentType.startsWith("image/")) {
      return true;
    }
    String pages = metadata.get("pdf:ocrPageCount");
    return pages != null && !pages.isBlank() && !pages.strip().equals("0");
  }
}
