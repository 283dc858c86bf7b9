package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import io.docextract.review.ReviewItem;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
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

/** Incremental runs: documents in earlier outputs are left out before parsing, and counted. */
public class SkipProcessedTest implements Serializable {

  private static final ParseLimits LIMITS = new ParseLimits(4000, 100_000);

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private Path folder() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.writeString(in.resolve("a.txt"), "SHOP A\nTOTAL 1.00");
    Files.writeString(in.resolve("a-copy.txt"), "SHOP A\nTOTAL 1.00"); // same bytes, same id
    Files.writeString(in.resolve("b.txt"), "SHOP B\nTOTAL 2.00");
    Files.writeString(in.resolve("big.txt"), "x".repeat(5000)); // over the limit: a path id
    Files.copy(Path.of("sample-docs/broken/corrupt.pdf"), in.resolve("corrupt.pdf"));
    return in;
  }

  private static String contentId(Path file) throws Exception {
    return DocumentParser.sha256(Files.readAllBytes(file));
  }

  private static String pathId(Path file) {
    return "path-" + DocumentParser.sha256(file.toString().getBytes(StandardCharsets.UTF_8));
  }

  private PCollection<FileIO.ReadableFile> files(Path in) {
    return p.apply("Match", FileIO.match().filepattern(in + "/*"))
        .apply("Read", FileIO.readMatches());
  }

  private static PCollection<String> names(PCollection<FileIO.ReadableFile> files) {
    return files.apply(
        "Names",
        MapElements.into(TypeDescriptors.strings())
            .via(f -> ParseDocumentsTest.name(f.getMetadata().resourceId().toString())));
  }

  @Test
  public void computesTheIdsParseDocumentsGives() throws Exception {
    Path in = folder();
    List<String> expected =
        List.of(
            "a.txt:" + contentId(in.resolve("a.txt")),
            "a-copy.txt:" + contentId(in.resolve("a.txt")),
            "b.txt:" + contentId(in.resolve("b.txt")),
            "big.txt:" + pathId(in.resolve("big.txt")),
            "corrupt.pdf:" + contentId(in.resolve("corrupt.pdf")));
    PCollection<FileIO.ReadableFile> files = files(in);
    PAssert.that(
            files.apply(
                "Ids",
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        f ->
                            ParseDocumentsTest.name(f.getMetadata().resourceId().toString())
                                + ":"
                                + DocumentIds.of(f, LIMITS))))
        .containsInAnyOrder(expected);

    PCollectionTuple parsed = files.apply(ParseDocuments.create().withLimits(LIMITS));
    PCollection<String> parsedIds =
        parsed
            .get(ParseDocuments.PARSED)
            .apply(
                "ParsedIds",
                MapElements.into(TypeDescriptors.strings())
                    .via(d -> ParseDocumentsTest.name(d.source()) + ":" + d.id()));
    PCollection<String> failedIds =
        parsed
            .get(ParseDocuments.FAILURES)
            .apply(
                "FailedIds",
                MapElements.into(TypeDescriptors.strings())
                    .via((ReviewItem r) -> ParseDocumentsTest.name(r.source()) + ":" + r.id()));
    PAssert.that(PCollectionList.of(parsedIds).and(failedIds).apply(Flatten.pCollections()))
        .containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  @Test
  public void leavesOutDocumentsInEarlierRecordsOrReviewAndCountsThem() throws Exception {
    Path in = folder();
    Path out = tmp.newFolder("out").toPath();
    Files.writeString(
        out.resolve("records-00000-of-00001.jsonl"),
        "{\"id\":\"" + contentId(in.resolve("a.txt")) + "\",\"source\":\"elsewhere/a.txt\"}\n");
    Files.writeString(
        out.resolve("review-20261124T000000Z-00000-of-00001.jsonl"),
        "{\"id\":\"" + pathId(in.resolve("big.txt")) + "\",\"reason\":\"too_large\"}\n\n");

    PCollection<FileIO.ReadableFile> kept =
        files(in)
            .apply(
                SkipProcessed.inOutputs(List.of(out + "/records*.jsonl", out + "/review*.jsonl"))
                    .withLimits(LIMITS));

    PAssert.that(names(kept)).containsInAnyOrder("b.txt", "corrupt.pdf");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(3, skipped(result)); // a.txt, its copy, big.txt
  }

  @Test
  public void withNoEarlierOutputEverythingGoesThrough() throws Exception {
    Path in = folder();
    Path out = tmp.newFolder("empty").toPath();
    PCollection<FileIO.ReadableFile> kept =
        files(in)
            .apply(
                SkipProcessed.inOutputs(List.of(out + "/records*.jsonl", out + "/review*.jsonl"))
                    .withLimits(LIMITS));
    PAssert.that(names(kept))
        .containsInAnyOrder("a.txt", "a-copy.txt", "b.txt", "big.txt", "corrupt.pdf");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(0, skipped(result));
  }

  @Test
  public void anEmptyListOfEarlierOutputsIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SkipProcessed.inOutputs(List.of()));
    assertTrue(e.getMessage(), e.getMessage().contains("globs"));
    p.enableAbandonedNodeEnforcement(false);
  }

  private static long skipped(PipelineResult result) {
    long n = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(SkipProcessed.STAGE, "skipped"))
                    .build())
            .getCounters()) {
      n += c.getAttempted();
    }
    return n;
  }
}
