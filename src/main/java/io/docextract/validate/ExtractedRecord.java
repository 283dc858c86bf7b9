package io.docextract.validate;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated extraction: one line of records*.jsonl.
 *
 * @param fields the extracted JSON object, compact, already checked against the schema
 * @param lineage what produced it: model and adapter sha256, schema id and version, prompt hash,
 *     token counts and timings
 */
public record ExtractedRecord(
    String id,
    String source,
    String contentType,
    String documentType,
    @JsonRawValue String fields,
    Map<String, Object> lineage)
    implements Serializable {

  public ExtractedRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fields, "fields");
    lineage =
        lineage == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lineage));
  }
}
