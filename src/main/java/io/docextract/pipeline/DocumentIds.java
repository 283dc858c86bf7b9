package io.docextract.pipeline;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;

/**
 * The id {@link ParseDocuments} gives a file, computed without parsing it: the sha256 of its
 * bytes, or, for a file over the size limit or one that cannot be read, the sha256 of its path
 * prefixed {@code path-}. SkipProcessedTest checks the two agree on the same files.
 */
final class DocumentIds {

  private DocumentIds() {}

  static String of(FileIO.ReadableFile file, ParseLimits limits) {
    String source = file.getMetadata().resourceId().toString();
    if (file.getMetadata().sizeBytes() > limits.maxFileBytes()) {
      return pathId(source);
    }
    try {
      return DocumentParser.sha256(file.readFullyAsBytes());
    } catch (IOException e) {
      return pathId(source);
    }
  }

  private static String pathId(String source) {
    return "path-" + DocumentParser.sha256(source.getBytes(StandardCharsets.UTF_8));
  }
}
