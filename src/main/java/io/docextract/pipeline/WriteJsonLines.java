package io.docextract.pipeline;

import io.docextract.values.JsonLines;
import java.util.Objects;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes elements as JSON lines with Beam's TextIO, which writes to temporary files and renames
 * them when the write is finalized, so a failed run leaves no half-written output.
 *
 * <p>The number of files is fixed ({@link #SHARDS}), not left to the runner. With runner-determined
 * sharding a temporary file is written per bundle and the final names ({@code -SSSSS-of-NNNNN}) are
 * handed out at finalize, in whatever order that attempt lists its temporary files. A runner that
 * runs the finalize again after part of the job was restarted (Flink's region failover re-runs
 * every region that consumes a restarted one, finished or not) then either writes a second set of
 * files under other names beside the first, so every line in them is there twice, or gives a name
 * to a temporary file the first finalize already moved away, so another file's lines land under
 * that name and the lines that were there are lost (both seen in FlinkRetryTest). With a fixed
 * count the names are the same on every attempt ({@code -00000-of-00001}, written even when empty):
 * a finalize that runs again moves the restarted attempt's file, which holds every line once, onto
 * the name it wrote before.
 */
public final class WriteJsonLines<T> extends PTransform<PCollection<T>, PDone> {

  /** Files per sink. One: the model, not the write, bounds a job, and one file is easy to read. */
  static final int SHARDS = 1;

  private final String prefix;

  private WriteJsonLines(String prefix) {
    this.prefix = prefix;
  }

  /** One file, {@code <prefix>-00000-of-00001.jsonl}. */
  public static <T> WriteJsonLines<T> to(String prefix) {
    return new WriteJsonLines<>(Objects.requireNonNull(prefix, "prefix"));
  }

  @Override
  public PDone expand(PCollection<T> input) {
    return input
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(JsonLines::toLine))
        .apply("Write", TextIO.write().to(prefix).withSuffix(".jsonl").withNumShards(SHARDS));
  }
}
