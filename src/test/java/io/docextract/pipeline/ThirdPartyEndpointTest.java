package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.config.JobConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The first tier answered by a server the project did not write: llama-cpp-python's
 * OpenAI-compatible server (PyPI {@code llama-cpp-python[server]}, which .ci/run installs) on
 * loopback, holding the receipt pipeline's base GGUF and its LoRA adapter. The same receipts end as
 * they do in-process, with the server's token log probabilities in their confidence.
 */
public class ThirdPartyEndpointTest {

  /** The python whose site-packages hold llama_cpp; .ci/run makes this venv. */
  static final Path PYTHON =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "DOCEXTRACT_LLAMA_CPP_PYTHON",
                  System.getProperty("user.home") + "/.cache/docextract/venv-lcp/bin/python"));

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void llamaCppPythonsServerAnswersTheFirstTier() throws Exception {
    assumeTrue("needs ../shared (the SROIE text)", Files.isDirectory(Fixtures.SROIE_TEXT));
    if (!Files.isExecutable(PYTHON)) {
      // CI installs it; a developer without it is told how, not failed.
      assumeTrue(
          "llama-cpp-python's server is not installed at " + PYTHON + " (.ci/run installs it)",
          System.getenv("CI") != null);
      fail("CI should have installed llama-cpp-python's server at " + PYTHON);
    }
    JobConfig receipt = FirstTierEndpointTest.receiptPipeline();
    Path in = FirstTierEndpointTest.receipts(tmp, "400", "401");
    Path local = tmp.newFolder("local").toPath();
    Path remote = tmp.newFolder("remote").toPath();
    JobConfig job = receipt.withInput(in + "/*");
    FirstTierEndpointTest.run(
        job.withModel(job.model().withCachePrompt(false)).withOutput(local.toString()));

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = tmp.getRoot().toPath().resolve("server.log");
    Process server =
        new ProcessBuilder(
                PYTHON.toString(),
                "-m",
                "llama_cpp.server",
                "--model",
                receipt.model().modelPath(),
                "--lora_path",
                receipt.model().adapterPath(),
                "--model_alias",
                "receipt",
                "--chat_format",
                "chatml",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--n_ctx",
                "4096",
                "--n_threads",
                "2",
                "--n_threads_batch",
                "2")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      String url = "http://127.0.0.1:" + port + "/v1";
      awaitModels(url, server, log);
      EndpointSettings endpoint =
          new EndpointSettings(
              url,
              "receipt",
              null,
              900,
              1,
              256,
              100,
              UUID.randomUUID().toString(),
              1,
              true,
              EndpointSettings.JSON_OBJECT);
      FirstTierEndpointTest.run(job.withEndpoint(endpoint).withOutput(remote.toString()));
    } finally {
      server.destroy();
      server.waitFor();
    }

    Map<String, JsonNode> byLocal = FirstTierEndpointTest.outputs(local);
    Map<String, JsonNode> byRemote = FirstTierEndpointTest.outputs(remote);
    assertEquals("every input ends once, either way", byLocal.keySet(), byRemote.keySet());
    int same = 0;
    for (String doc : List.of("400.txt", "401.txt")) {
      JsonNode r = byRemote.get(doc);
      assertEquals(doc, 1, r.path("lineage").path("tier").asInt());
      assertTrue(doc, r.path("lineage").path("endpoint").asText().endsWith(":" + port + "/v1"));
      assertTrue(
          doc + ": the server's logprobs give the fields their probabilities, " + r.path("lineage"),
          r.path("lineage").path("model_probabilities").size() > 0);
      assertTrue(doc + " has the schema's fields", r.path("fields").has("total"));
      if (r.path("fields").equals(byLocal.get(doc).path("fields"))) {
        same++;
      } else {
        // Another build of llama.cpp (its own CPU kernels, no value scaffold) may pick another
        // token where two are close; say where, rather than hide it.
        System.out.println(
            doc
                + ": in-process "
                + byLocal.get(doc).path("fields")
                + ", llama-cpp-python "
                + r.path("fields"));
      }
    }
    assertTrue(
        "the third-party server's values should match the in-process ones (same GGUF,"
            + " adapter and ChatML prompt) on at least one of the two receipts",
        same >= 1);
  }

  private static void awaitModels(String url, Process server, Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("llama-cpp-python's server exited: " + tail(log));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/models"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("llama-cpp-python's server did not come up: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    String s = Files.exists(log) ? Files.readString(log) : "";
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }
}
