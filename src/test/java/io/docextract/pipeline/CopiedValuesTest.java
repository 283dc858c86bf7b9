package io.docextract.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
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
import org.junit.Assert;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code prompt.copied} through the whole graph on the real runtime: the test model (stories260K,
 * which knows nothing of receipts) answers every receipt, and each copied value it wrote, in a
 * record or a review item's reply, is a stretch of that receipt's own text.
 */
public class CopiedValuesTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final List<String> COPIED = List.of("company", "address");

  @Test
  public void copiedValuesComeFromTheirOwnDocument() throws Exception {
    Path in = ExtractDocumentsTest.folder(tmp.newFolder("in").toPath());
    DocumentTypeConfig t =
        ExtractDocumentsTest.acceptingAll(Fixtures.type("receipt", List.of("**/receipts/*")));
    DocumentTypeConfig copying =
        new DocumentTypeConfig(
                t.name(),
                t.schema(),
                t.match(),
                t.prompt(),
                t.normalise(),
                t.rules(),
                t.candidates(),
                t.review(),
                t.passages(),
                t.chunks(),
                true)
            .withCopied(COPIED);
    JobConfig job = ExtractDocumentsTest.job(in, tmp.newFolder("out").toPath(), copying);
    PCollectionTuple result = p.apply(ExtractDocuments.from(job));

    PCollection<String> fromRecords =
        result
            .get(ExtractDocuments.RECORDS)
            .apply(
                "RecordValues",
                MapElements.into(TypeDescriptors.strings())
                    .via((ExtractedRecord r) -> r.source() + "\t" + r.fields()));
    PCollection<String> fromReview =
        result
            .get(ExtractDocuments.REVIEW)
            .apply(
                "ReviewReplies",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        (ReviewItem r) ->
                            r.source() + "\t" + (r.rawOutput() == null ? "" : r.rawOutput())));
    PAssert.that(PCollectionList.of(fromRecords).and(fromReview).apply(Flatten.pCollections()))
        .satisfies(
            all -> {
              int receipts = 0;
              for (String line : all) {
                String[] parts = line.split("\t", 2);
                if (!parts[0].contains("/receipts/")) {
                  continue;
                }
                receipts++;
                String text = read(parts[0]).replaceAll("\\s+", " ");
                JsonNode reply = json(parts[1]);
                for (String field : COPIED) {
                  String value = reply.path(field).asText("").replaceAll("\\s+", " ").strip();
                  Assert.assertTrue(
                      field + " '" + value + "' is not in " + parts[0], text.contains(value));
                }
              }
              Assert.assertEquals("every receipt answered: " + all, 3, receipts);
              return null;
            });
    p.run().waitUntilFinish();
  }

  private static String read(String source) {
    try {
      return Files.readString(Path.of(source.replaceFirst("^file:(//)?", "")));
    } catch (Exception e) {
      throw new IllegalStateException(source, e);
    }
  }

  private static JsonNode json(String reply) {
    try {
      return new ObjectMapper().readTree(reply.isBlank() ? "{}" : reply);
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + reply, e);
    }
  }
}
