package io.docextract.pipeline;

import io.docextract.config.JobConfig;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.PCollectionTuple;

/** Wires a job: the extraction and its two sinks, records and the review queue. */
public final class ExtractionPipeline {

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
    ExtractDocuments extract = ExtractDocuments.from(config);
    if (layout.incremental()) {
      extract = extract.skippingDocumentsIn(layout.allRunsGlobs());
    }
    PCollectionTuple results = pipeline.apply("ExtractDocuments", extract);
    results.get(ExtractDocuments.RECORDS)
        .apply("CountRecords", CountDone.<ExtractedRecord>as("records"))
        .apply("WriteRecords", WriteJsonLines.<ExtractedRecord>to(layout.recordsPrefix()));
    results.get(ExtractDocuments.REVIEW)
        .apply("CountReview", CountDone.<ReviewItem>as("review"))
        .apply("RouteFailures", WriteJsonLines.<ReviewItem>to(layout.reviewPrefix()));
  }

  static String prefix(String dir, String name) {
    return FileSystems.matchNewResource(dir, true)
        .resolve(name, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }
}
