package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.docextract.catalog.ModelStore;
import io.docextract.config.InvalidPipelineException;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.validate.ExtractedRecord;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A pipeline whose model is an https-style URL with its sha256: the preflight and the workers get
 * one verified local copy, fetched once per JVM, and the run's lineage names the declared hash.
 */
public class RemoteModelTest implements Serializable {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static String yaml(String url, String sha, Path in, Path out) {
    return """
        name: remote-model
        input: %s/*
        output: %s
        model: {path: '%s', %s chatTemplate: false, contextSize: 2048, maxTokens: 64}
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            prompt: {instructions: Extract the receipt fields.}
        """
        .formatted(in, out, url, sha == null ? "" : "sha256: " + sha + ",");
  }

  @Test
  public void workersFetchTheModelOnceAndVerifyIt() throws Exception {
    byte[] model = Files.readAllBytes(Fixtures.STORIES);
    String sha = Fixtures.sha(Fixtures.STORIES);
    AtomicInteger fetched = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/models/stories.gguf",
        ex -> {
          fetched.incrementAndGet();
          ex.sendResponseHeaders(200, model.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(model);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/models/stories.gguf";
      // A copy left by an earlier run would hide the fetch.
      Files.deleteIfExists(
          Path.of(
              System.getProperty("user.home"),
              ".cache",
              "docextract",
              "models",
              "remote",
              sha + ".gguf"));
      Path in = tmp.newFolder("in").toPath();
      Files.writeString(in.resolve("a.txt"), "KEDAI MAJU\nTOTAL 9.00");
      Files.writeString(in.resolve("b.txt"), "RESTORAN SRI\nTOTAL 12.50");
      Path file = tmp.getRoot().toPath().resolve("remote.yaml");
      PipelineLoader loader = new PipelineLoader(ModelStore.fromEnvironment());

      Files.writeString(file, yaml(url, null, in, tmp.getRoot().toPath().resolve("out")));
      InvalidPipelineException refused =
          org.junit.Assert.assertThrows(
              InvalidPipelineException.class, () -> loader.load(file, null));
      assertTrue(refused.getMessage(), refused.getMessage().contains("needs its sha256"));

      Files.writeString(file, yaml(url, sha, in, tmp.getRoot().toPath().resolve("out")));
      JobConfig job = loader.load(file, null);
      assertEquals(url, job.model().modelPath());
      assertTrue(JobPreflight.check(job, PipelineOptionsFactory.create()).ok());

      PCollectionTuple out = p.apply(ExtractDocuments.from(job));
      PAssert.that(out.get(ExtractDocuments.RECORDS))
          .satisfies(
              records -> {
                for (ExtractedRecord r : records) {
                  assertEquals(sha, r.lineage().get("model_sha256"));
                }
                return null;
              });
      PAssert.thatSingleton(
              PCollectionList.of(
                      out.get(ExtractDocuments.RECORDS)
                          .apply(
                              "RecordIds",
                              org.apache.beam.sdk.transforms.MapElements.into(
                                      org.apache.beam.sdk.values.TypeDescriptors.strings())
                                  .via(ExtractedRecord::id)))
                  .and(
                      out.get(ExtractDocuments.REVIEW)
                          .apply(
                              "ReviewIds",
                              org.apache.beam.sdk.transforms.MapElements.into(
                                      org.apache.beam.sdk.values.TypeDescriptors.strings())
                                  .via(ReviewItem::id)))
                  .apply(Flatten.pCollections())
                  .apply(Count.globally()))
          .isEqualTo(2L);
      p.run().waitUntilFinish();
      assertEquals("one copy per JVM, however many DoFn instances", 1, fetched.get());
    } finally {
      server.stop(0);
    }
  }
}
