package io.docextract.ingest;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A document after Tika: its identity, what it is and its text.
 *
 * @param id sha256 of the file's bytes, so the same content gets the same id on every run
 * @param textCut true when the text was cut at {@link ParseLimits#maxTextChars()}
 */
public record ParsedDocument(
    String id,
    String source,
    String contentType,
    String text,
    boolean textCut,
    Map<String, String> metadata,
    long sizeBytes,
    long parseMillis)
    implements Serializable {

  public ParsedDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }
}
