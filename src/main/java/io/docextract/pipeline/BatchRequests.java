package io.docextract.pipeline;

import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Groups requests of one document type into batches for the model. Sharded keys let the runner
 * spread one type's batches over workers instead of funnelling them through one hot key.
 */
public final class BatchRequests
    extends PTransform<PCollection<ExtractionRequest>, PCollection<Iterable<ExtractionRequest>>> {

  private final int batchSize;

  private BatchRequests(int batchSize) {
    this.batchSize = batchSize;
  }

  public static BatchRequests ofSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    return new BatchRequests(batchSize);
  }

  @Override
  public PCollection<Iterable<ExtractionRequest>> expand(PCollection<ExtractionRequest> requests) {
    return requests
        .apply(
            "KeyByType",
            WithKeys.of(ExtractionRequest::documentType).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ExtractionRequest.class)))
        .apply(
            "GroupIntoBatches",
            GroupIntoBatches.<String, ExtractionRequest>ofSize(batchSize).withShardedKey())
        .apply("DropKeys", Values.create())
        .setCoder(IterableCoder.of(SerializableCoder.of(ExtractionRequest.class)));
  }
}
