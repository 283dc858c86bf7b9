package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.catalog.ModelStore;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ModelRuntime;
import io.docextract.serve.ChatCompletions;
import io.docextract.serve.ChatServer;
import io.docextract.testing.Fixtures;
import io.docextract.values.JsonLines;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The first tier answered over HTTP by {@code docextract serve}'s server around the same model:
 * every input ends once, the lineage names the endpoint, and the values are the in-process
 * runtime's. (ThirdPartyEndpointTest does the same against a server the project did not write.)
 */
public class FirstTierEndpointTest {

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aServedModelAnswersTheFirstTierWithTheInProcessValues() throws Exception {
    assumeTrue("needs ../shared (the SROIE text)", Files.isDirectory(Fixtures.SROIE_TEXT));
    JobConfig receipt = receiptPipeline();
    Path in = receipts(tmp, "400", "401", "403");
    Path local = tmp.newFolder("local").toPath();
    Path remote = tmp.newFolder("remote").toPath();

    JobConfig job = receipt.withInput(in + "/*");
    run(job.withModel(job.model().withCachePrompt(false)).withOutput(local.toString()));
    try (ModelRuntime runtime = ModelRuntime.acquire(receipt.model());
        ChatServer server =
            new ChatServer(
                    new ChatCompletions(runtime, "receipt", 512),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    2)
                .start()) {
      EndpointSettings endpoint =
          new EndpointSettings(
              server.url(),
              "receipt",
              null,
              300,
              1,
              256,
              100,
              UUID.randomUUID().toString(),
              2,
              false,
              EndpointSettings.JSON_SCHEMA);
      run(job.withEndpoint(endpoint).withOutput(remote.toString()));
      assertEquals("one request per document", 4, server.served());
    }

    Map<String, JsonNode> byLocal = outputs(local);
    Map<String, JsonNode> byRemote = outputs(remote);
    assertEquals("every input ends once, either way", byLocal.keySet(), byRemote.keySet());
    assertEquals(4, byRemote.size());
    int same = 0;
    for (Map.Entry<String, JsonNode> e : byRemote.entrySet()) {
      JsonNode lineage = e.getValue().path("lineage");
      if (!e.getKey().endsWith("story.txt")) {
        assertEquals(e.getKey(), 1, lineage.path("tier").asInt());
        assertEquals(e.getKey(), "receipt", lineage.path("endpoint_model").asText());
        assertTrue(e.getKey(), lineage.path("endpoint").asText().startsWith("http://127.0.0.1:"));
        same += e.getValue().path("fields").equals(byLocal.get(e.getKey()).path("fields")) ? 1 : 0;
      }
    }
    assertEquals("the served model's values are the in-process model's", 3, same);
  }

  static JobConfig receiptPipeline() throws Exception {
    return new PipelineLoader(ModelStore.fromEnvironment())
        .ignoringMerged()
        .load(Path.of("pipelines/receipt.yaml"), null);
  }

  static Path receipts(TemporaryFolder tmp, String... ids) throws Exception {
    Path in = tmp.newFolder("in").toPath();
    for (String id : ids) {
      Files.writeString(in.resolve(id + ".txt"), Fixtures.sroieText(id));
    }
    Files.writeString(in.resolve("story.txt"), "Once upon a time a cat sat on a mat and slept.");
    return in;
  }

  static void run(JobConfig config) {
    // One DirectRunner worker, as `run` has: while a bundle waits on the model or the server, the
    // others only poll timers, here a core each for as long as the server decodes.
    DirectOptions options = PipelineOptionsFactory.create().as(DirectOptions.class);
    options.setTargetParallelism(1);
    Pipeline p = Pipeline.create(options);
    ExtractionPipeline.build(p, config);
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
  }

  /** Records and review items by source file name. */
  static Map<String, JsonNode> outputs(Path dir) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode node = JsonLines.mapper().readTree(line);
          String name = Path.of(node.path("source").asText()).getFileName().toString();
          if (out.put(name, node) != null) {
            throw new AssertionError(name + " ended twice");
          }
        }
      }
    }
    return out;
  }
}
