package io.docextract.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.passages.ChunkPlan;
import io.docextract.passages.FieldMerge;
import io.docextract.passages.PassageSelector;
import io.docextract.validate.DocumentSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A type's {@code longText:}: the opening, the passages that fit each field, or chunks. */
final class LongTextSection {

  private LongTextSection() {}

  /** Per field: the declared merge policy, else union for a list and first for anything else. */
  static ChunkPlan chunks(PipelineDefinition.LongText l, DocumentSchema schema, String where)
      throws InvalidPipelineException {
    if (l.queries() != null) {
      throw new InvalidPipelineException(where + ": queries need select: passages");
    }
    JsonNode props = schema.tree().path("properties");
    Map<String, FieldMerge.Policy> merge = new LinkedHashMap<>();
    props
        .fieldNames()
        .forEachRemaining(
            f ->
                merge.put(
                    f,
                    props.path(f).path("type").asText().equals("array")
                        ? FieldMerge.Policy.UNION
                        : FieldMerge.Policy.FIRST));
    if (l.merge() != null) {
      for (var e : l.merge().entrySet()) {
        if (!merge.containsKey(e.getKey())) {
          throw new InvalidPipelineException(
              where + ".merge: the schema has no field '" + e.getKey() + "'");
        }
        try {
          merge.put(e.getKey(), FieldMerge.Policy.valueOf(e.getValue().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
          throw new InvalidPipelineException(
              where
                  + ".merge."
                  + e.getKey()
                  + ": '"
                  + e.getValue()
                  + "' is not one of [first, union, majority]");
        }
      }
    }
    try {
      return new ChunkPlan(
          l.windowChars() == null ? Defaults.WINDOW_CHARS : l.windowChars(),
          l.maxChunks() == null ? Defaults.MAX_CHUNKS : l.maxChunks(),
          merge);
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": " + e.getMessage());
    }
  }

  /**
   * Null for the default (keep the opening). Each field's query is its name, its schema description
   * and the words listed under {@code queries}.
   */
  static PassageSelector passages(
      PipelineDefinition.LongText l, DocumentSchema schema, String where)
      throws InvalidPipelineException {
    if (l == null || l.select() == null || l.select().equals("head")) {
      if (l != null
          && (l.queries() != null
              || l.windowChars() != null
              || l.maxChunks() != null
              || l.merge() != null)) {
        throw new InvalidPipelineException(
            where
                + ": queries, windowChars, maxChunks and merge"
                + " need select: passages or chunks");
      }
      return null;
    }
    if (!l.select().equals("passages")) {
      throw new InvalidPipelineException(
          where + ".select: '" + l.select() + "' is not one of [head, passages, chunks]");
    }
    if (l.maxChunks() != null || l.merge() != null) {
      throw new InvalidPipelineException(where + ": maxChunks and merge need select: chunks");
    }
    JsonNode props = schema.tree().path("properties");
    Map<String, List<String>> queries = new LinkedHashMap<>();
    props
        .fieldNames()
        .forEachRemaining(
            f -> {
              List<String> words = new ArrayList<>(List.of(f.replace('_', ' ')));
              words.add(props.path(f).path("description").asText(""));
              queries.put(f, words);
            });
    if (l.queries() != null) {
      for (var e : l.queries().entrySet()) {
        if (!queries.containsKey(e.getKey())) {
          throw new InvalidPipelineException(
              where + ".queries: the schema has no field '" + e.getKey() + "'");
        }
        queries.get(e.getKey()).addAll(e.getValue());
      }
    }
    try {
      return new PassageSelector(
          queries, l.windowChars() == null ? Defaults.WINDOW_CHARS : l.windowChars());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": " + e.getMessage());
    }
  }
}
