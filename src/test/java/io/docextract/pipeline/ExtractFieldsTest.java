package io.docextract.pipeline;

import static org.junit.Assert.assertTrue;

import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** The real model runtime inside the DoFn, with the 1.2 MB stories model. */
public class ExtractFieldsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static ExtractionRequest request(String id, String text) {
    return new ExtractionRequest(id, "/in/" + id, "text/plain", "receipt", text, false, 0);
  }

  @Test
  public void everyRequestOfABatchGetsAReplyAndALongOneIsCutToFit() {
    List<ExtractionRequest> batch =
        List.of(
            request("a", "SHOP ONE SDN BHD TOTAL 9.00"),
            request("b", "SHOP TWO SDN BHD TOTAL 19.00"),
            request("long", "once upon a time ".repeat(1500)));
    PCollectionTuple out =
        p.apply(
                Create.<Iterable<ExtractionRequest>>of(List.of(batch))
                    .withCoder(IterableCoder.of(SerializableCoder.of(ExtractionRequest.class))))
            .apply(
                ExtractFields.with(
                    Fixtures.stories(2048, 96), List.of(Fixtures.type("receipt", List.of()))));

    PAssert.that(out.get(ExtractFields.EXTRACTIONS))
        .satisfies(
            all -> {
              int n = 0;
              for (Extraction e : all) {
                n++;
                assertTrue(e.completion().text(), e.completion().text().startsWith("{"));
                assertTrue(e.completion().generatedTokens() > 0);
                boolean isLong = e.request().id().equals("long");
                assertTrue(
                    e.request().id() + " cut: " + e.request().textCut(),
                    e.request().textCut() == isLong);
                if (isLong) {
                  // The head is kept and prompt plus reply fit the 2048-token slot.
                  assertTrue(e.request().text().startsWith("once upon a time"));
                  assertTrue(e.request().text().length() < 1500 * 17);
                  assertTrue(e.completion().promptTokens() + 96 <= 2048);
                }
              }
              assertTrue("three replies expected, got " + n, n == 3);
              return null;
            });
    PAssert.that(out.get(ExtractFields.FAILURES)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void aPromptThatCannotFitEvenEmptyGoesToReview() {
    // 256 tokens of context minus 200 for the reply leaves less than the schema alone needs.
    PCollectionTuple out =
        p.apply(
                Create.<Iterable<ExtractionRequest>>of(List.of(List.of(request("a", "SHOP"))))
                    .withCoder(IterableCoder.of(SerializableCoder.of(ExtractionRequest.class))))
            .apply(
                ExtractFields.with(
                    Fixtures.stories(256, 200), List.of(Fixtures.type("receipt", List.of()))));
    PAssert.that(out.get(ExtractFields.EXTRACTIONS)).empty();
    PAssert.that(
            out.get(ExtractFields.FAILURES)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((ReviewItem r) -> r.id() + ":" + r.reason().code() + ":" + r.stage())))
        .containsInAnyOrder("a:context_overflow:ExtractFields");
    p.run().waitUntilFinish();
  }

  @Test
  public void everyInstanceSharesOneLoadedModel() {
    // Settings no other test uses, so this test's first acquire is a real load.
    var settings = Fixtures.stories(1664, 40);
    var types = List.of(Fixtures.type("receipt", List.of()));
    int loadsBefore = io.docextract.model.ModelRuntime.loadCount();
    int acquiredBefore = io.docextract.model.ModelRuntime.acquireCount();
    var batches =
        p.apply(
            Create.<Iterable<ExtractionRequest>>of(
                    List.of(List.of(request("a", "SHOP ONE")), List.of(request("b", "SHOP TWO"))))
                .withCoder(IterableCoder.of(SerializableCoder.of(ExtractionRequest.class))));
    // Three transforms: at least three DoFn instances, each acquiring the runtime in @Setup.
    for (String name : List.of("First", "Second", "Third")) {
      PAssert.that(
              batches
                  .apply(name, ExtractFields.with(settings, types))
                  .get(ExtractFields.EXTRACTIONS))
          .satisfies(
              all -> {
                int n = 0;
                for (Extraction e : all) {
                  n++;
                }
                assertTrue("two replies expected, got " + n, n == 2);
                return null;
              });
    }
    p.run().waitUntilFinish();
    int acquired = io.docextract.model.ModelRuntime.acquireCount() - acquiredBefore;
    assertTrue("DoFn instances acquired the runtime " + acquired + " times", acquired >= 3);
    org.junit.Assert.assertEquals(
        "one model copy in the JVM", 1, io.docextract.model.ModelRuntime.loadCount() - loadsBefore);
  }
}
