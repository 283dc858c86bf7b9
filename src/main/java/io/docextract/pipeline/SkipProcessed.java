package io.docextract.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.ingest.ParseLimits;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Drops the files whose document id is already in an earlier run's records or review files, so a
 * scheduled re-run over a growing folder parses and extracts only what is new. Ids are content
 * hashes, so a renamed copy of a processed file is skipped too. The earlier ids reach the filter as
 * a map side input; each skipped file is counted in {@code SkipProcessed/skipped}.
 *
 * <p>The earlier files are read before this run writes anything: TextIO writes to a temporary
 * folder and renames its files only when the whole write finishes, after every skip decision.
 */
public final class SkipProcessed
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollection<FileIO.ReadableFile>> {

  static final String STAGE = "SkipProcessed";

  private final List<String> earlierOutputs;
  private final ParseLimits limits;

  private SkipProcessed(List<String> earlierOutputs, ParseLimits limits) {
    this.earlierOutputs = earlierOutputs;
    this.limits = limits;
  }

  /** Skips documents named in the JSON-lines files matching these globs (none may match). */
  public static SkipProcessed inOutputs(List<String> globs) {
    if (globs == null
        || globs.isEmpty()
        || globs.stream().anyMatch(g -> g == null || g.isBlank())) {
      throw new IllegalArgumentException("globs must name at least one file pattern, got " + globs);
    }
    return new SkipProcessed(List.copyOf(globs), ParseLimits.defaults());
  }

  /** The parse limits, whose size limit decides which files ParseDocuments ids by path. */
  public SkipProcessed withLimits(ParseLimits limits) {
    return new SkipProcessed(earlierOutputs, Objects.requireNonNull(limits, "limits"));
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionView<Map<String, Boolean>> done =
        files
            .getPipeline()
            .apply("EarlierOutputs", Create.of(earlierOutputs))
            .apply(
                "MatchEarlier",
                FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply("ReadEarlier", FileIO.readMatches())
            .apply("EarlierLines", TextIO.readFiles())
            .apply("EarlierIds", ParDo.of(new IdFn()))
            .setCoder(StringUtf8Coder.of())
            .apply("DistinctIds", Distinct.create())
            .apply("AsEntries", ParDo.of(new EntryFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), BooleanCoder.of()))
            .apply("AsMap", View.asMap());
    return files
        .apply("SkipDone", ParDo.of(new SkipFn(done, limits)).withSideInputs(done))
        .setCoder(files.getCoder());
  }

  /** The id of one output line; a line that is not one of ours is a bug and fails the bundle. */
  private static final class IdFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String line, OutputReceiver<String> out) throws IOException {
      if (line.isBlank()) {
        return;
      }
      JsonNode id = JsonLines.mapper().readTree(line).get("id");
      if (id == null || !id.isTextual()) {
        throw new IllegalStateException(
            "an earlier output line has no id: " + line.substring(0, Math.min(80, line.length())));
      }
      out.output(id.asText());
    }
  }

  private static final class EntryFn extends DoFn<String, KV<String, Boolean>> {
    @ProcessElement
    public void process(@Element String id, OutputReceiver<KV<String, Boolean>> out) {
      out.output(KV.of(id, Boolean.TRUE));
    }
  }

  private static final class SkipFn extends DoFn<FileIO.ReadableFile, FileIO.ReadableFile> {
    private final PCollectionView<Map<String, Boolean>> done;
    private final ParseLimits limits;
    private final Counter skipped = Metrics.counter(STAGE, "skipped");

    SkipFn(PCollectionView<Map<String, Boolean>> done, ParseLimits limits) {
      this.done = done;
      this.limits = limits;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      FileIO.ReadableFile file = c.element();
      if (c.sideInput(done).containsKey(DocumentIds.of(file, limits))) {
        skipped.inc();
      } else {
        c.output(file);
      }
    }
  }
}
