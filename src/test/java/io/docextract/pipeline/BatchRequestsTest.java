package io.docextract.pipeline;

import static org.junit.Assert.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class BatchRequestsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void everyRequestLandsInExactlyOneBatchOfAtMostTheSize() {
    List<ExtractionRequest> requests = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String type = i % 2 == 0 ? "receipt" : "nda";
      requests.add(new ExtractionRequest("d" + i, "/x/" + i, "text/plain", type, "t", false, 0));
      ids.add("d" + i);
    }
    PCollection<Iterable<ExtractionRequest>> batches =
        p.apply(Create.of(requests).withCoder(SerializableCoder.of(ExtractionRequest.class)))
            .apply(BatchRequests.ofSize(3));

    PAssert.that(batches)
        .satisfies(
            all -> {
              for (Iterable<ExtractionRequest> batch : all) {
                List<String> types = new ArrayList<>();
                batch.forEach(r -> types.add(r.documentType()));
                assertTrue("batch too large: " + types, types.size() <= 3);
                assertTrue("one type per batch: " + types, types.stream().distinct().count() == 1);
              }
              return null;
            });
    PAssert.that(
            batches.apply(
                FlatMapElements.into(TypeDescriptors.strings())
                    .via(
                        (Iterable<ExtractionRequest> b) -> {
                          List<String> out = new ArrayList<>();
                          b.forEach(r -> out.add(r.id()));
                          return out;
                        })))
        .containsInAnyOrder(ids);
    p.run().waitUntilFinish();
  }

  @Test(expected = IllegalArgumentException.class)
  public void refusesAZeroSize() {
    BatchRequests.ofSize(0);
  }
}
