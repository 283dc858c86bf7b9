package io.docextract.pipeline;

import io.docextract.review.JsonLines;
import java.util.Objects;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes elements as JSON lines with Beam's TextIO, which writes to temporary files and renames
 * them when the bundle commits, so a failed run leaves no half-written output.
 */
public final class WriteJsonLines<T> extends PTransform<PCollection<T>, PDone> {

  private final String prefix;

  private WriteJsonLines(String prefix) {
    this.prefix = prefix;
  }

  /** Files named {@code <prefix>-SSSSS-of-NNNNN.jsonl}. */
  public static <T> WriteJsonLines<T> to(String prefix) {
    return new WriteJsonLines<>(Objects.requireNonNull(prefix, "prefix"));
  }

  @Override
  public PDone expand(PCollection<T> input) {
    return input
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(JsonLines::toLine))
        .apply("Write", TextIO.write().to(prefix).withSuffix(".jsonl"));
  }
}
