package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.docextract.classify.Classification;
import io.docextract.classify.TypeProfile;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.values.Reason;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/** A mixed folder: paths first, then signals, then the real model under an enum grammar. */
public class ClassifyDocumentsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final List<DocumentTypeConfig> TYPES =
      List.of(
          Fixtures.type("invoice", List.of("**/invoices/*")),
          Fixtures.type("receipt", List.of()),
          Fixtures.type("nda", List.of()));
  private static final List<TypeProfile> PROFILES =
      List.of(
          new TypeProfile("invoice", "an invoice", List.of()),
          new TypeProfile("receipt", "a shop receipt", List.of("cashier", "total", "change")),
          new TypeProfile(
              "nda",
              "a non-disclosure agreement",
              List.of("confidential information", "agreement", "disclosing party")));

  private static ParsedDocument doc(String path, String text) {
    return new ParsedDocument(
        "id-" + path.hashCode(), path, "text/plain", text, false, Map.of(), text.length(), 1);
  }

  private PCollectionTuple classify(Classification c) {
    return p.apply(
            Create.of(
                    doc("/in/invoices/s.txt", "balance brought forward"),
                    doc("/in/a.txt", "KEDAI MAJU\nCashier: 3\nTOTAL 9.00\nCHANGE 1.00"),
                    doc(
                        "/in/b.txt",
                        "This Agreement protects Confidential Information of the"
                            + " Disclosing Party."),
                    doc("/in/c.txt", "Once upon a time a cat sat on a mat."))
                .withCoder(SerializableCoder.of(ParsedDocument.class)))
        .apply(ClassifyDocuments.byPath(TYPES).withClassification(c, Fixtures.stories(2048, 32)));
  }

  private static PCollection<String> describe(PCollectionTuple out) {
    return out.get(ClassifyDocuments.TYPED)
        .apply(
            "Describe",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (KV<String, ParsedDocument> kv) -> kv.getValue().source() + ":" + kv.getKey()));
  }

  @Test
  public void pathsThenSignalsDecideAndTheRestIsUnknownWithoutTheModel() {
    PCollectionTuple out = classify(new Classification(PROFILES, false, 2, 500));
    PAssert.that(describe(out))
        .containsInAnyOrder("/in/invoices/s.txt:invoice", "/in/a.txt:receipt", "/in/b.txt:nda");
    PAssert.that(out.get(ClassifyDocuments.FAILURES))
        .satisfies(
            items -> {
              ReviewItem r = items.iterator().next();
              assertEquals("/in/c.txt", r.source());
              assertEquals(Reason.UNKNOWN_TYPE, r.reason());
              assertTrue(r.message(), r.message().contains("{receipt=0, nda=0}"));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  public void theModelAnswersOnlyWithADeclaredTypeOrOther() {
    // minSignals 4: no text has that many, so every open document goes to the (nonsense) stories
    // model; the grammar still holds it to "receipt", "nda" or "other".
    PCollectionTuple out = classify(new Classification(PROFILES, true, 4, 500));
    PAssert.that(describe(out))
        .satisfies(
            described -> {
              for (String d : described) {
                assertTrue(
                    d,
                    d.equals("/in/invoices/s.txt:invoice")
                        || d.endsWith(":receipt")
                        || d.endsWith(":nda"));
              }
              return null;
            });
    PAssert.that(out.get(ClassifyDocuments.FAILURES))
        .satisfies(
            items -> {
              for (ReviewItem r : items) {
                assertEquals(Reason.UNKNOWN_TYPE, r.reason());
                assertTrue(r.message(), r.message().contains("the model answered other"));
              }
              return null;
            });
    p.run().waitUntilFinish();
  }
}
