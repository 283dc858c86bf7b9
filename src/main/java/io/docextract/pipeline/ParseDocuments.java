package io.docextract.pipeline;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import io.docextract.ingest.ParsedDocument;
import io.docextract.ingest.Provenance;
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads each matched file and parses it with Tika in a separate parser process, within the
 * pipeline's limits. A file yields one document, or for a container (e-mail, archive, PDF with
 * attachments) one per part with text, each with its provenance. Files and parts that cannot be
 * read or parsed leave through {@link #FAILURES} with a reason; none is dropped and none fails the
 * bundle.
 */
public final class ParseDocuments
    extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {

  public static final TupleTag<ParsedDocument> PARSED = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "ParseDocuments";

  /** Documents beyond one per file: a container that yields n documents adds n - 1. */
  static final String EXTRA_DOCUMENTS = "extra_documents";

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

  /**
   * How many more documents than files the run parsed (containers count as their documents), from
   * the runner's metrics; 0 when the runner has none.
   */
  static long extraDocuments(MetricResults metrics) {
    if (metrics == null) {
      return 0;
    }
    long n = 0;
    for (MetricResult<Long> c :
        metrics
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(STAGE, EXTRA_DOCUMENTS))
                    .build())
            .getCounters()) {
      n += c.getAttempted();
    }
    return n;
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
    private final Counter containers = Metrics.counter(STAGE, "containers");
    private final Counter parts = Metrics.counter(STAGE, "parts");
    private final Counter extraDocuments = Metrics.counter(STAGE, EXTRA_DOCUMENTS);
    private transient DocumentParser parser;

    ParseFn(ParseLimits limits) {
      this.limits = limits;
    }

    @Setup
    public void setup() {
      parser = new DocumentParser(limits);
    }

    @Teardown
    public void teardown() {
      if (parser != null) {
        parser.close();
      }
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = file.getMetadata().resourceId().toString();
      long size = file.getMetadata().sizeBytes();
      if (size > limits.maxFileBytes()) {
        fail(
            out,
            DocumentIds.pathId(source),
            source,
            Reason.TOO_LARGE,
            "file has " + size + " bytes, limit is " + limits.maxFileBytes(),
            null);
        return;
      }
      byte[] bytes;
      try {
        bytes = DocumentIds.readStored(file, limits);
      } catch (IOException e) {
        fail(out, DocumentIds.pathId(source), source, Reason.READ_ERROR, e.toString(), null);
        return;
      }
      if (bytes.length > limits.maxFileBytes()) {
        fail(
            out,
            DocumentIds.pathId(source),
            source,
            Reason.TOO_LARGE,
            "file grew past the limit of " + limits.maxFileBytes() + " bytes while read",
            null);
        return;
      }
      List<ParseOutcome> outcomes = parser.parseAll(bytes, source);
      if (outcomes.size() > 1) {
        containers.inc();
        extraDocuments.inc(outcomes.size() - 1);
      }
      for (ParseOutcome outcome : outcomes) {
        if (outcome.provenance().isPart()) {
          parts.inc();
        }
        if (outcome.ok()) {
          parsed.inc();
          out.get(PARSED).output(outcome.document());
        } else {
          fail(
              out,
              outcome.id(),
              outcome.source() == null ? source : outcome.source(),
              outcome.failure(),
              outcome.message(),
              outcome.contentType(),
              provenance(outcome.provenance()));
        }
      }
    }

    private static void fail(
        MultiOutputReceiver out,
        String id,
        String source,
        Reason reason,
        String message,
        String contentType) {
      fail(out, id, source, reason, message, contentType, Map.of());
    }

    private static void fail(
        MultiOutputReceiver out,
        String id,
        String source,
        Reason reason,
        String message,
        String contentType,
        Map<String, Object> lineage) {
      Metrics.counter(STAGE, reason.code()).inc();
      out.get(FAILURES)
          .output(
              new ReviewItem(
                  id,
                  source,
                  contentType,
                  null,
                  STAGE,
                  reason,
                  message,
                  List.of(),
                  null,
                  null,
                  lineage));
    }

    private static Map<String, Object> provenance(Provenance p) {
      return ExtractionRequest.provenanceLineage(p);
    }
  }
}
