package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class BuildRequestsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static ParsedDocument doc(String path, String text) {
    return new ParsedDocument(
        "id-" + path.hashCode(), path, "text/plain", text, false, Map.of(), text.length(), 1);
  }

  @Test
  public void assignsTypesByPathClipsTextAndRoutesUnclaimedFiles() {
    List<DocumentTypeConfig> types =
        List.of(
            Fixtures.type("receipt", List.of("**/receipts/*")),
            Fixtures.type("nda", List.of("**/nda/*")));
    PCollectionTuple typed =
        p.apply(
                Create.of(
                        doc("/in/receipts/a.txt", "TOTAL 9.00"),
                        doc("/in/nda/b.txt", "y".repeat(500)),
                        doc("/in/misc/c.txt", "who am I"))
                    .withCoder(SerializableCoder.of(ParsedDocument.class)))
            .apply(ClassifyDocuments.byPath(types));
    PCollectionTuple out =
        typed
            .get(ClassifyDocuments.TYPED)
            .apply(BuildRequests.forTypes(types).withMaxPromptChars(200));

    PAssert.that(
            out.get(BuildRequests.REQUESTS)
                .apply(
                    "Describe",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ExtractionRequest r) ->
                                r.source()
                                    + ":"
                                    + r.documentType()
                                    + ":"
                                    + r.text().length()
                                    + ":"
                                    + r.textCut())))
        .containsInAnyOrder("/in/receipts/a.txt:receipt:10:false", "/in/nda/b.txt:nda:200:true");
    PAssert.that(out.get(BuildRequests.FAILURES)).empty();
    PAssert.that(
            typed
                .get(ClassifyDocuments.FAILURES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem r) ->
                                r.source() + ":" + r.reason().code() + ":" + r.excerpt())))
        .containsInAnyOrder("/in/misc/c.txt:unknown_type:who am I");
    p.run().waitUntilFinish();
  }

  @Test(expected = IllegalArgumentException.class)
  public void refusesATinyPromptBudget() {
    BuildRequests.forTypes(List.of(Fixtures.type("receipt", List.of()))).withMaxPromptChars(10);
  }
}
