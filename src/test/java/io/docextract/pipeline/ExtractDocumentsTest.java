package io.docextract.pipeline;

import io.docextract.config.JobConfig;
import io.docextract.ingest.ParseLimits;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.testing.LlamaCppPython;
import io.docextract.validate.ExtractedRecord;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole graph on real files with the real runtime: each input ends exactly once. */
public class ExtractDocumentsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  static JobConfig job(Path in, Path out) {
    return LlamaCppPython.servedIfAsked(
        job(in, out, acceptingAll(Fixtures.type("receipt", List.of("**/receipts/*")))));
  }

  /** The test job over {@code in} with one document type, on the test model. */
  static JobConfig job(Path in, Path out, io.docextract.config.DocumentTypeConfig type) {
    return new JobConfig(
        "test",
        "test.yaml",
        in + "/*/*",
        out.toString(),
        out.toString(),
        Fixtures.stories(1024, 160),
        2,
        ParseLimits.defaults(),
        2000,
        List.of(type),
        null);
  }

  /**
   * The type with an explicit accept threshold of 0: stories260K writes nonsense at confidence 0,
   * which an uncalibrated type sends to review, and these tests need records to route.
   */
  static io.docextract.config.DocumentTypeConfig acceptingAll(
      io.docextract.config.DocumentTypeConfig t) {
    return new io.docextract.config.DocumentTypeConfig(
        t.name(),
        t.schema(),
        t.match(),
        t.prompt(),
        t.normalise(),
        t.rules(),
        t.candidates(),
        new io.docextract.config.ReviewPolicy(java.util.Set.of(), 0.85, List.of(), 0.0),
        t.passages(),
        t.chunks(),
        t.decodeValues());
  }

  static Path folder(Path root) throws Exception {
    Fixtures.write(
        root, "receipts/one.txt", "SHOP ONE SDN BHD\nNO 1, JALAN SATU\n01/02/2019\nTOTAL 9.00");
    Fixtures.write(
        root, "receipts/two.txt", "SHOP TWO SDN BHD\nNO 2, JALAN DUA\n03/04/2019\nTOTAL 19.50");
    Fixtures.write(root, "receipts/three.txt", "KEDAI TIGA\nLOT 3, TAMAN\n05/06/2019\nTOTAL 3.30");
    Fixtures.write(root, "other/letter.txt", "Dear Sir, this is not a receipt.");
    Files.createDirectories(root.resolve("broken"));
    Files.copy(Path.of("sample-docs/broken/corrupt.pdf"), root.resolve("broken/corrupt.pdf"));
    return root;
  }

  @Test
  public void everyInputEndsAsOneRecordOrOneReviewItem() throws Exception {
    Path in = folder(tmp.newFolder("in").toPath());
    PCollectionTuple out = p.apply(ExtractDocuments.from(job(in, tmp.newFolder("out").toPath())));

    PCollection<String> recordSources =
        out.get(ExtractDocuments.RECORDS)
            .apply(
                "RecordSources",
                MapElements.into(TypeDescriptors.strings())
                    .via((ExtractedRecord r) -> ParseDocumentsTest.name(r.source())));
    PCollection<String> reviewSources =
        out.get(ExtractDocuments.REVIEW)
            .apply(
                "ReviewSources",
                MapElements.into(TypeDescriptors.strings())
                    .via((ReviewItem r) -> ParseDocumentsTest.name(r.source())));
    PAssert.that(PCollectionList.of(recordSources).and(reviewSources).apply(Flatten.pCollections()))
        .containsInAnyOrder("one.txt", "two.txt", "three.txt", "letter.txt", "corrupt.pdf");
    PAssert.that(
            out.get(ExtractDocuments.REVIEW)
                .apply(
                    "Known",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem r) ->
                                ParseDocumentsTest.name(r.source()) + ":" + r.reason().code())))
        .satisfies(
            all -> {
              List<String> list = new java.util.ArrayList<>();
              all.forEach(list::add);
              org.junit.Assert.assertTrue(
                  list.toString(), list.contains("letter.txt:unknown_type"));
              org.junit.Assert.assertTrue(list.toString(), list.contains("corrupt.pdf:tika_error"));
              return null;
            });
    p.run().waitUntilFinish();
  }
}
