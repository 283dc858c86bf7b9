package io.docextract.pipeline;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A matched file's id and stored bytes, the one way {@link ParseDocuments} and {@link
 * SkipProcessed} both get them: the sha256 of the bytes as stored, or, for a file over the size
 * limit or one that cannot be read, the sha256 of its path prefixed {@code path-}.
 */
final class DocumentIds {

  private DocumentIds() {}

  /** The id {@link ParseDocuments} gives the file, computed without parsing it. */
  static String of(FileIO.ReadableFile file, ParseLimits limits) {
    String source = file.getMetadata().resourceId().toString();
    if (file.getMetadata().sizeBytes() > limits.maxFileBytes()) {
      return pathId(source);
    }
    try {
      byte[] bytes = readStored(file, limits);
      return bytes.length > limits.maxFileBytes() ? pathId(source) : DocumentParser.sha256(bytes);
    } catch (IOException e) {
      return pathId(source);
    }
  }

  /**
   * The file's bytes as stored, at most maxFileBytes + 1 of them. Not {@code readFullyAsBytes()}:
   * FileIO.readMatches() decompresses by extension by default, which would hand Tika the first
   * entry of a .zip (and inflate a zip bomb in this JVM's heap) instead of the archive, whose parts
   * Tika reads within the container limits.
   */
  static byte[] readStored(FileIO.ReadableFile file, ParseLimits limits) throws IOException {
    try (InputStream in =
        Channels.newInputStream(FileSystems.open(file.getMetadata().resourceId()))) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes() + 1));
    }
  }

  /** A file that cannot be read has no content hash; its path stands in for it. */
  static String pathId(String source) {
    return "path-" + DocumentParser.sha256(source.getBytes(StandardCharsets.UTF_8));
  }
}
