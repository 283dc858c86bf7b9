package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.docextract.catalog.ModelStore;
import io.docextract.config.Escalation;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.review.ReviewItem;
import io.docextract.testing.ChatCompletionServer;
import io.docextract.testing.Fixtures;
import io.docextract.validate.ExtractedRecord;
import io.docextract.values.Reason;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Escalation to an OpenAI-compatible endpoint served on loopback by the test around the real
 * runtime. The 1.2 MB stories model answers first and invents values, so every document is
 * escalated; what the endpoint does with them decides where they end.
 */
public class RemoteEscalationTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static final Path SROIE = Fixtures.SROIE_TEXT;

  @Test
  public void theEndpointFixesWhatTheLocalModelInvented() throws Exception {
    assumeTrue(
        "needs ../shared (the SROIE text and SmolLM2)",
        Files.isDirectory(SROIE) && Files.isRegularFile(Fixtures.SMOLLM2));
    JobConfig receipt = receiptPipeline();
    Path in = receipts("400", "401", "403");
    Files.writeString(in.resolve("story.txt"), "Once upon a time a cat sat on a mat and slept.");
    // The consultant: SmolLM2 with the shipped receipt adapter, behind HTTP.
    try (ChatCompletionServer server = new ChatCompletionServer(receipt.model())) {
      EndpointSettings endpoint = endpoint(server.url(), 120, 1, 10);
      PCollectionTuple out = p.apply(ExtractDocuments.from(job(receipt, in, endpoint)));
      String url = endpoint.displayUrl();
      PAssert.that(out.get(ExtractDocuments.RECORDS))
          .satisfies(
              records -> {
                int n = 0;
                for (ExtractedRecord r : records) {
                  n++;
                  assertEquals(r.source(), 2, r.lineage().get("tier"));
                  assertEquals(url, r.lineage().get("endpoint"));
                  assertEquals("consultant", r.lineage().get("endpoint_model"));
                  assertTrue(r.source(), r.source().matches(".*/40[013]\\.txt"));
                }
                assertTrue(
                    "the endpoint should answer at least two receipts, answered " + n, n >= 2);
                return null;
              });
      PAssert.that(out.get(ExtractDocuments.REVIEW))
          .satisfies(
              review -> {
                boolean story = false;
                for (ReviewItem r : review) {
                  assertEquals(r.source() + " " + r.reason(), 2, r.lineage().get("tier"));
                  assertTrue(r.reason() != Reason.ESCALATION_FAILED);
                  story |= r.source().endsWith("story.txt");
                }
                assertTrue("the story must reach review after both tiers", story);
                return null;
              });
      p.run().waitUntilFinish();
      assertEquals("one request per escalated document", 4, server.requests());
    }
  }

  @Test
  public void anEndpointThatErrsOrHangsSendsTheDocumentsToReview() throws Exception {
    assumeTrue("needs ../shared (the SROIE text)", Files.isDirectory(SROIE));
    JobConfig receipt = receiptPipeline();
    Path erring = receipts("400", "401");
    Path hanging = tmp.newFolder("hanging").toPath();
    Files.copy(erring.resolve("400.txt"), hanging.resolve("400-again.txt"));
    try (ChatCompletionServer broken = new ChatCompletionServer(null).answering(500);
        ChatCompletionServer slow = new ChatCompletionServer(null).delaying(4000)) {
      PCollectionTuple a =
          p.apply(
              "Erring",
              ExtractDocuments.from(job(receipt, erring, endpoint(broken.url(), 30, 1, 10))));
      PCollectionTuple b =
          p.apply(
              "Hanging",
              ExtractDocuments.from(job(receipt, hanging, endpoint(slow.url(), 1, 0, 10))));
      PAssert.that(a.get(ExtractDocuments.RECORDS)).empty();
      PAssert.that(b.get(ExtractDocuments.RECORDS)).empty();
      PAssert.that(a.get(ExtractDocuments.REVIEW))
          .satisfies(
              review -> {
                int n = 0;
                for (ReviewItem r : review) {
                  n++;
                  assertEquals(Reason.ESCALATION_FAILED, r.reason());
                  assertEquals("http_error", r.lineage().get("endpoint_failure"));
                  assertEquals(2, r.lineage().get("attempts"));
                  assertTrue(r.message(), r.message().contains("HTTP 500"));
                }
                assertEquals(2, n);
                return null;
              });
      PAssert.that(b.get(ExtractDocuments.REVIEW))
          .satisfies(
              review -> {
                ReviewItem r = review.iterator().next();
                assertEquals(Reason.ESCALATION_FAILED, r.reason());
                assertEquals("timeout", r.lineage().get("endpoint_failure"));
                return null;
              });
      p.run().waitUntilFinish();
      assertEquals("one retry per document", 4, broken.requests());
    }
  }

  @Test
  public void theBudgetCapsWhatOneRunSends() throws Exception {
    assumeTrue("needs ../shared (the SROIE text)", Files.isDirectory(SROIE));
    JobConfig receipt = receiptPipeline();
    Path in = receipts("400", "401", "403");
    try (ChatCompletionServer server = new ChatCompletionServer(Fixtures.stories(2048, 64))) {
      PCollectionTuple out =
          p.apply(ExtractDocuments.from(job(receipt, in, endpoint(server.url(), 30, 0, 1))));
      PAssert.that(out.get(ExtractDocuments.REVIEW))
          .satisfies(
              review -> {
                // The one document the budget allowed ends as a record (rules fill what the stories
                // model invented) or in review for its answer; the other two were never sent.
                int spent = 0;
                for (ReviewItem r : review) {
                  if (r.reason() == Reason.ESCALATION_FAILED) {
                    assertEquals("budget", r.lineage().get("endpoint_failure"));
                    assertEquals(0, r.lineage().get("attempts"));
                    spent++;
                  } else {
                    assertEquals(2, r.lineage().get("tier"));
                  }
                }
                assertEquals(2, spent);
                return null;
              });
      p.run().waitUntilFinish();
      assertEquals(1, server.requests());
    }
  }

  private JobConfig receiptPipeline() throws Exception {
    return new PipelineLoader(ModelStore.fromEnvironment())
        .ignoringMerged()
        .load(Path.of("pipelines/receipt.yaml"), null);
  }

  private static EndpointSettings endpoint(String url, int timeout, int retries, int budget) {
    return new EndpointSettings(
        url, "consultant", null, timeout, retries, 256, budget, UUID.randomUUID().toString());
  }

  private JobConfig job(JobConfig receipt, Path in, EndpointSettings endpoint) {
    String out = tmp.getRoot() + "/out-" + in.getFileName();
    return new JobConfig(
        "remote",
        "test",
        in + "/*",
        out,
        out,
        Fixtures.stories(2048, 64),
        2,
        receipt.parseLimits(),
        receipt.maxPromptChars(),
        receipt.documentTypes(),
        new Escalation(endpoint, Escalation.DEFAULT_REASONS));
  }

  private Path receipts(String... ids) throws Exception {
    Path in = tmp.newFolder("in-" + String.join("-", ids)).toPath();
    for (String id : ids) {
      Files.writeString(in.resolve(id + ".txt"), Fixtures.sroieText(id));
    }
    return in;
  }
}
