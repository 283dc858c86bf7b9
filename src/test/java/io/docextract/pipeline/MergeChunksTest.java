package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.model.Completion;
import io.docextract.model.StopReason;
import io.docextract.passages.ChunkPlan;
import io.docextract.passages.FieldMerge;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.testing.LlamaCppPython;
import io.docextract.validate.ExtractedRecord;
import io.docextract.values.Reason;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Chunk answers become one document again; a failed chunk is left out, never doubled. */
public class MergeChunksTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final String TEXT =
      "MUTUAL NDA between Acme Corp and Bolt LLC.\n\n"
          + "Effective May 1, 2004.\n\nGoverned by the laws of Delaware.";

  private static DocumentTypeConfig nda() {
    DocumentTypeConfig t = Fixtures.type("nda", List.of());
    return new DocumentTypeConfig(
        t.name(),
        t.schema(),
        t.match(),
        t.prompt(),
        Map.of(),
        null,
        false,
        null,
        null,
        new ChunkPlan(
            100,
            8,
            Map.of(
                "effective_date",
                FieldMerge.Policy.FIRST,
                "jurisdiction",
                FieldMerge.Policy.FIRST,
                "party",
                FieldMerge.Policy.UNION,
                "term",
                FieldMerge.Policy.FIRST)));
  }

  private static ExtractionRequest chunk(String id, int i, int n, int start, int end) {
    return new ExtractionRequest(id, "/in/" + id + ".txt", "text/plain", "nda", TEXT, true, 1, null)
        .asChunk(i, n, start, TEXT.substring(start, end));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Extraction answer(ExtractionRequest r, String json) {
    return new Extraction(r, new Completion(json, StopReason.COMPLETE_JSON, 100, 20, 5, 50));
  }

  @Test
  public void mergesChunkAnswersAndRoutesADocumentWhoseChunksAllFailedOnce() {
    int a = TEXT.indexOf("Effective");
    int b = TEXT.indexOf("Governed");
    ExtractionRequest whole =
        new ExtractionRequest("d", "/in/d.txt", "text/plain", "nda", "short", false, 1, null);
    PCollectionTuple in =
        PCollectionTuple.of(
                ExtractFields.EXTRACTIONS,
                p.apply(
                    "Answers",
                    Create.of(
                            answer(
                                chunk("a", 0, 3, 0, a),
                                "{\"effective_date\":null,\"jurisdiction\":null,"
                                    + "\"party\":[\"Acme Corp\",\"Bolt LLC\"],\"term\":null}"),
                            answer(
                                chunk("a", 1, 3, TEXT.indexOf("\n\n") + 2, b),
                                "{\"effective_date\":\"2004-05-01\",\"jurisdiction\":null,\"party\":"
                                    + "[\"ACME CORP\"],\"term\":null}"),
                            answer(
                                chunk("a", 2, 3, a, TEXT.length()),
                                "{\"effective_date\":\"1999-01-01\","
                                    + "\"jurisdiction\":\"Delaware\",\"party\":[],\"term\":null}"),
                            answer(
                                chunk("b", 1, 2, a, TEXT.length()),
                                "{\"effective_date\":null,"
                                    + "\"jurisdiction\":\"Delaware\",\"party\":[\"Bolt LLC\"],\"term\":null}"),
                            answer(whole, "{\"party\":[\"X\"]}"))
                        .withCoder(SerializableCoder.of(Extraction.class))))
            .and(
                ExtractFields.FAILURES,
                p.apply(
                        "Failures",
                        Create.of(
                            Failures.ofRequest(
                                "ExtractFields",
                                chunk("b", 0, 2, 0, a),
                                Reason.MODEL_ERROR,
                                "boom",
                                List.of(),
                                null,
                                Map.of("chunk", 0, "chunks", 2)),
                            Failures.ofRequest(
                                "ExtractFields",
                                chunk("c", 0, 2, 0, a),
                                Reason.CONTEXT_OVERFLOW,
                                "too long",
                                List.of(),
                                null,
                                Map.of("chunk", 0, "chunks", 2)),
                            Failures.ofRequest(
                                "ExtractFields",
                                chunk("c", 1, 2, a, TEXT.length()),
                                Reason.MODEL_ERROR,
                                "boom",
                                List.of(),
                                null,
                                Map.of("chunk", 1, "chunks", 2))))
                    .setCoder(SerializableCoder.of(ReviewItem.class)));

    PCollectionTuple out = in.apply(MergeChunks.forTypes(List.of(nda())));
    PAssert.that(out.get(MergeChunks.EXTRACTIONS))
        .satisfies(
            xs -> {
              Set<String> ids = new HashSet<>();
              for (Extraction x : xs) {
                assertTrue("one answer per document", ids.add(x.request().id()));
                assertEquals(1, x.request().chunks());
                switch (x.request().id()) {
                  case "a" -> {
                    assertEquals(TEXT, x.request().text());
                    assertEquals(
                        json(
                            "{\"effective_date\":\"2004-05-01\",\"jurisdiction\":"
                                + "\"Delaware\",\"party\":[\"Acme Corp\",\"Bolt LLC\"],\"term\":null}"),
                        json(x.completion().text()));
                    assertEquals(300, x.completion().promptTokens());
                  }
                  case "b" ->
                      assertTrue(
                          x.completion().text(),
                          x.completion().text().contains("\"party\":[\"Bolt LLC\"]"));
                  case "d" -> assertEquals("short", x.request().text());
                  default -> throw new AssertionError("unexpected " + x.request().id());
                }
              }
              assertEquals(Set.of("a", "b", "d"), ids);
              return null;
            });
    PAssert.that(out.get(MergeChunks.FAILURES))
        .satisfies(
            items -> {
              ReviewItem only = items.iterator().next();
              assertEquals("c", only.id());
              assertEquals(Reason.CONTEXT_OVERFLOW, only.reason());
              int n = 0;
              for (ReviewItem ignored : items) {
                n++;
              }
              assertEquals("a document whose chunks all failed is reviewed once", 1, n);
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  public void aLongDocumentEndsOnceThroughTheRealPipeline() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(
        in.resolve("long.txt"), "Section. Confidential terms apply here. ".repeat(200));
    Files.writeString(in.resolve("short.txt"), "NDA between Acme and Bolt.");
    String out = tmp.getRoot() + "/out";
    JobConfig job =
        new JobConfig(
            "chunks",
            "test",
            in + "/*",
            out,
            out,
            Fixtures.stories(2048, 48),
            4,
            io.docextract.ingest.ParseLimits.defaults(),
            1500,
            List.of(nda()),
            null);
    PCollectionTuple result = p.apply(ExtractDocuments.from(LlamaCppPython.servedIfAsked(job)));
    // Exactly once across records and review, though the long one went as several chunks.
    PAssert.that(
            org.apache.beam.sdk.values.PCollectionList.of(
                    result
                        .get(ExtractDocuments.RECORDS)
                        .apply(
                            "RecordSources",
                            org.apache.beam.sdk.transforms.MapElements.into(
                                    org.apache.beam.sdk.values.TypeDescriptors.strings())
                                .via((ExtractedRecord r) -> r.source().replaceAll(".*/", ""))))
                .and(
                    result
                        .get(ExtractDocuments.REVIEW)
                        .apply(
                            "ReviewSources",
                            org.apache.beam.sdk.transforms.MapElements.into(
                                    org.apache.beam.sdk.values.TypeDescriptors.strings())
                                .via((ReviewItem r) -> r.source().replaceAll(".*/", ""))))
                .apply(org.apache.beam.sdk.transforms.Flatten.pCollections()))
        .containsInAnyOrder("long.txt", "short.txt");
    p.run().waitUntilFinish();
  }
}
