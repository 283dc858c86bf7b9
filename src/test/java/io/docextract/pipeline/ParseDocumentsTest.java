package io.docextract.pipeline;

import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ParseDocumentsTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void parsesGoodFilesAndRoutesEveryFailureWithItsReason() throws Exception {
    Path dir = tmp.getRoot().toPath();
    Files.writeString(dir.resolve("note.txt"), "Invoice INV-1 from Acme, total 12.00 USD");
    Files.copy(Path.of("sample-docs/invoices/invoice-acme.pdf"), dir.resolve("acme.pdf"));
    Files.copy(Path.of("sample-docs/broken/corrupt.pdf"), dir.resolve("corrupt.pdf"));
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.writeString(dir.resolve("big.txt"), "x".repeat(5000));

    PCollectionTuple out =
        p.apply(FileIO.match().filepattern(dir + "/*"))
            .apply(FileIO.readMatches())
            .apply(ParseDocuments.create().withLimits(new ParseLimits(4000, 100_000)));

    PAssert.that(
            out.get(ParseDocuments.PARSED)
                .apply(
                    "Names",
                    MapElements.into(TypeDescriptors.strings())
                        .via((ParsedDocument d) -> name(d.source()) + ":" + d.contentType())))
        .containsInAnyOrder("note.txt:text/plain", "acme.pdf:application/pdf");
    PAssert.that(
            out.get(ParseDocuments.FAILURES)
                .apply(
                    "Reasons",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (ReviewItem r) ->
                                name(r.source()) + ":" + r.reason().code() + ":" + r.stage())))
        .containsInAnyOrder(
            "corrupt.pdf:tika_error:ParseDocuments",
            "empty.txt:empty_text:ParseDocuments",
            "big.txt:too_large:ParseDocuments");
    p.run().waitUntilFinish();
  }

  /** A file that vanished between matching and reading is routed, not lost. */
  @Test
  public void aFileThatCannotBeReadIsRoutedAsReadError() throws Exception {
    Path gone = tmp.getRoot().toPath().resolve("gone.txt");
    MatchResult.Metadata meta =
        MatchResult.Metadata.builder()
            .setResourceId(FileSystems.matchNewResource(gone.toString(), false))
            .setSizeBytes(10)
            .setIsReadSeekEfficient(true)
            .setLastModifiedMillis(0)
            .build();
    PCollectionTuple out =
        p.apply(Create.of(meta).withCoder(MetadataCoderV2.of()))
            .apply(FileIO.readMatches())
            .apply(ParseDocuments.create());
    PAssert.that(out.get(ParseDocuments.PARSED)).empty();
    PAssert.that(
            out.get(ParseDocuments.FAILURES)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via((ReviewItem r) -> name(r.source()) + ":" + r.reason().code())))
        .containsInAnyOrder("gone.txt:read_error");
    p.run().waitUntilFinish();
  }

  static String name(String source) {
    return source.substring(source.lastIndexOf('/') + 1);
  }
}
