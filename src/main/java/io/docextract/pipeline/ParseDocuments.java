package io.docextract.pipeline;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.Reason;
import io.docextract.review.ReviewItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads each matched file and parses it with Tika. Files that cannot be read or parsed leave
 * through {@link #FAILURES} with a reason; none is dropped and none fails the bundle.
 */
public final class ParseDocuments
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  public static final TupleTag<ParsedDocument> PARSED = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "ParseDocuments";

  private final ParseLimits limits;

  private ParseDocuments(ParseLimits limits) {
    this.limits = limits;
  }

  public static ParseDocuments create() {
    return new ParseDocuments(ParseLimits.defaults());
  }

  public ParseDocuments withLimits(ParseLimits limits) {
    return new ParseDocuments(Objects.requireNonNull(limits, "limits"));
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple out =
        files.apply(
            "TikaParse",
            ParDo.of(new ParseFn(limits)).withOutputTags(PARSED, TupleTagList.of(FAILURES)));
    out.get(PARSED).setCoder(SerializableCoder.of(ParsedDocument.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class ParseFn extends DoFn<FileIO.ReadableFile, ParsedDocument> {
    private final ParseLimits limits;
    private final Counter parsed = Metrics.counter(STAGE, "parsed");
    private transient DocumentParser parser;

    ParseFn(ParseLimits limits) {
      this.limits = limits;
    }

    @Setup
    public void setup() {
      parser = new DocumentParser(limits);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = file.getMetadata().resourceId().toString();
      long size = file.getMetadata().sizeBytes();
      if (size > limits.maxFileBytes()) {
        fail(out, pathId(source), source, Reason.TOO_LARGE,
            "file has " + size + " bytes, limit is " + limits.maxFileBytes(), null);
        return;
      }
      byte[] bytes;
      try {
        bytes = file.readFullyAsBytes();
      } catch (IOException e) {
        fail(out, pathId(source), source, Reason.READ_ERROR, e.toString(), null);
        return;
      }
      ParseOutcome outcome = parser.parse(bytes, source);
      if (outcome.ok()) {
        parsed.inc();
        out.get(PARSED).output(outcome.document());
      } else {
        fail(out, outcome.id(), source, outcome.failure(), outcome.message(),
            outcome.contentType());
      }
    }

    private static void fail(MultiOutputReceiver out, String id, String source, Reason reason,
        String message, String contentType) {
      Metrics.counter(STAGE, reason.code()).inc();
      out.get(FAILURES)
          .output(new ReviewItem(id, source, contentType, null, STAGE, reason, message, List.of(),
              null, null, Map.of()));
    }

    /** A file that cannot be read has no content hash; its path stands in for it. */
    private static String pathId(String source) {
      return "path-" + DocumentParser.sha256(source.getBytes(StandardCharsets.UTF_8));
    }
  }
}
