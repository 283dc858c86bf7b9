package io.docextract.pipeline;

import io.docextract.config.JobConfig;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.PCollectionTuple;

/** Wires a job: the extraction and its two sinks, records and the review queue. */
public final class ExtractionPipeline {

  /** The counters ({@link CountDone}) of what reached the sinks. */
  static final String RECORDS = "records";

  static final String REVIEW = "review";

  private ExtractionPipeline() {}

  /** A full run: records and review replace what an earlier run wrote at the output. */
  public static void build(Pipeline pipeline, JobConfig config) {
    build(pipeline, config, OutputLayout.replacing(config.output(), config.review()));
  }

  /**
   * A run written in {@code layout}; an incremental layout also leaves out documents that earlier
   * runs' records or review files at the same location already hold.
   */
  public static void build(Pipeline pipeline, JobConfig config, OutputLayout layout) {
    build(pipeline, config, layout, Sinks.jsonLines(layout));
  }

  /** The same run with its records and review items sent to {@code sinks}. */
  public static void build(Pipeline pipeline, JobConfig config, OutputLayout layout, Sinks sinks) {
    ExtractDocuments extract = ExtractDocuments.from(config);
    if (layout.incremental()) {
      extract = extract.skippingDocumentsIn(layout.allRunsGlobs());
    }
    PCollectionTuple results = pipeline.apply("ExtractDocuments", extract);
    results
        .get(ExtractDocuments.RECORDS)
        .apply("CountRecords", CountDone.<ExtractedRecord>as(RECORDS).by(ExtractionPipeline::tier))
        .apply("WriteRecords", sinks.records());
    results
        .get(ExtractDocuments.REVIEW)
        .apply("CountReview", CountDone.<ReviewItem>as(REVIEW).by(r -> r.reason().code()))
        .apply("RouteFailures", sinks.review());
  }

  /** The tier that answered a record, as its lineage says (tier1 when it does not). */
  static String tier(ExtractedRecord r) {
    Object tier = r.lineage().get("tier");
    return "tier" + (tier == null ? 1 : tier);
  }

  static String prefix(String dir, String name) {
    return FileSystems.matchNewResource(dir, true)
        .resolve(name, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }
}
