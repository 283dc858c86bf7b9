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

  public static void build(Pipeline pipeline, JobConfig config) {
    PCollectionTuple results = pipeline.apply("ExtractDocuments", ExtractDocuments.from(config));
    results.get(ExtractDocuments.RECORDS)
        .apply("WriteRecords", WriteJsonLines.<ExtractedRecord>to(prefix(config.output(), "records")));
    results.get(ExtractDocuments.REVIEW)
        .apply("RouteFailures", WriteJsonLines.<ReviewItem>to(prefix(config.review(), "review")));
  }

  static String prefix(String dir, String name) {
    return FileSystems.matchNewResource(dir, true)
        .resolve(name, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }
}
