package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.config.JobConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.testing.Fixtures;
import io.docextract.testing.LlamaCppPython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void llamaCppPythonsServerAnswersTheFirstTier() throws Exception {
    assumeTrue("needs ../shared (the SROIE text)", Files.isDirectory(Fixtures.SROIE_TEXT));
    LlamaCppPython.assumeInstalled();
    JobConfig receipt = FirstTierEndpointTest.receiptPipeline();
    // Receipts only: llama-cpp-python 0.3.8 ranks all 262k of Gemma's tokens in Python for each
    // reply token's logprobs (about 0.5 s a token here), so a story's 160 invented tokens would
    // cost more than both receipts; FirstTierEndpointTest sends one to docextract serve.
    Path in = tmp.newFolder("in").toPath();
    for (String id : List.of("400", "401")) {
      Files.writeString(in.resolve(id + ".txt"), Fixtures.sroieText(id));
    }
    Path local = tmp.newFolder("local").toPath();
    Path remote = tmp.newFolder("remote").toPath();
    JobConfig job = receipt.withInput(in + "/*");
    String url;
    FirstTierEndpointTest.run(
        job.withModel(job.model().withCachePrompt(false)).withOutput(local.toString()));

    Path log = tmp.getRoot().toPath().resolve("server.log");
    try (LlamaCppPython server =
        LlamaCppPython.start(
            receipt.model().modelPath(), receipt.model().adapterPath(), 4096, log)) {
      // JSON mode, the schema checked on our side: llama-cpp-python 0.3.8's schema grammar over
      // Gemma's 262k tokens took 292 s for one receipt's reply here, against 26 s in JSON mode. The
      // schema form runs in the tier-1 pass of the
      // pipeline tests (.ci/run), on stories260K's 512 tokens.
      FirstTierEndpointTest.run(
          job.withEndpoint(server.endpoint(160, EndpointSettings.JSON_MODE))
              .withOutput(remote.toString()));
      url = server.url();
    }

    Map<String, JsonNode> byLocal = FirstTierEndpointTest.outputs(local);
    Map<String, JsonNode> byRemote = FirstTierEndpointTest.outputs(remote);
    assertEquals("every input ends once, either way", byLocal.keySet(), byRemote.keySet());
    int same = 0;
    for (String doc : List.of("400.txt", "401.txt")) {
      JsonNode r = byRemote.get(doc);
      assertEquals(doc, 1, r.path("lineage").path("tier").asInt());
      assertTrue(doc, r.path("lineage").path("endpoint").asText().equals(url));
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
}
