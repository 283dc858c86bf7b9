package io.docextract.pipeline;

import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;

/**
 * Where a job's records and review items go. The run is balanced from the counts taken on the way
 * in ({@link CountDone}), so a sink that writes no files (a database, BigQuery) balances as the
 * JSON-lines files do; those files are additionally checked line by line ({@link JsonLinesCheck}).
 */
public interface Sinks {

  PTransform<? super PCollection<ExtractedRecord>, ? extends POutput> records();

  PTransform<? super PCollection<ReviewItem>, ? extends POutput> review();

  /** {@code records*.jsonl} and {@code review*.jsonl} in {@code layout}. */
  static Sinks jsonLines(OutputLayout layout) {
    return new Sinks() {
      @Override
      public PTransform<? super PCollection<ExtractedRecord>, ? extends POutput> records() {
        return WriteJsonLines.to(layout.recordsPrefix());
      }

      @Override
      public PTransform<? super PCollection<ReviewItem>, ? extends POutput> review() {
        return WriteJsonLines.to(layout.reviewPrefix());
      }
    };
  }
}
