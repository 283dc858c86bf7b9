package io.docextract.passages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a document type extracts a text longer than the prompt budget chunk by chunk: passage size,
 * how many chunks at most, and how each field's answers are merged.
 */
public record ChunkPlan(int windowChars, int maxChunks, Map<String, FieldMerge.Policy> merge)
    implements Serializable {

  public ChunkPlan {
    if (windowChars < 50) {
      throw new IllegalArgumentException("windowChars must be >= 50, got " + windowChars);
    }
    if (maxChunks < 1 || maxChunks > 64) {
      throw new IllegalArgumentException("maxChunks must be 1..64, got " + maxChunks);
    }
    merge = new LinkedHashMap<>(merge);
  }

  public List<int[]> ranges(String text, int maxChars) {
    return Chunks.ranges(text, maxChars, windowChars, maxChunks);
  }

  public String covered(String text, int maxChars) {
    return Chunks.covered(text, maxChars, windowChars, maxChunks);
  }
}
