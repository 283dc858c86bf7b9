package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench end to end with the real runtime (the tiny stories model) and the real pipeline. */
class BenchCommandTest {

  @TempDir Path tmp;

  private final Cli cli = new Cli();

  @Test
  void measuresTheLimitAndThePipelineOnTheSameFilesAndWritesTheFigures() throws Exception {
    Fixtures.write(tmp, "in/a.txt", "KEDAI SATU SDN BHD\n01/02/2019\nTOTAL 9.00");
    Fixtures.write(tmp, "in/b.txt", "KEDAI DUA SDN BHD\n03/04/2019\nTOTAL 19.50");
    Fixtures.write(tmp, "in/c.pdf", "%PDF-1.7 not really a pdf");
    Path pipeline =
        Fixtures.write(
            tmp,
            "p.yaml",
            """
        name: bench-test
        input: %s/in/*
        output: %s/unused
        model: {path: %s, chatTemplate: false, contextSize: 2048, parallel: 1, maxTokens: 24,
                cachePrompt: true}
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            prompt: {instructions: Extract the receipt.}
        """
                .formatted(tmp, tmp, Fixtures.STORIES.toAbsolutePath()));
    Path json = tmp.resolve("figures.json");
    int code =
        cli.run(
            "bench",
            "--pipeline",
            pipeline.toString(),
            "--out",
            tmp.resolve("bench").toString(),
            "--json",
            json.toString(),
            "--sweep");
    assertEquals(0, code, cli.err.toString());
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    // Two text files reach the model; the broken PDF stops at Tika in both runs.
    assertEquals(2, r.get("limit").get("documents").asInt());
    assertEquals(1, r.get("limit").get("not_sent").get("tika_error").asInt());
    assertEquals(3, r.get("pipeline_run").get("inputs").asInt());
    assertEquals(2, r.get("pipeline_run").get("model_requests").asInt());
    assertEquals(
        r.get("pipeline_run").get("inputs").asLong(),
        r.get("pipeline_run").get("records").asLong()
            + r.get("pipeline_run").get("review").asLong());
    for (String key :
        new String[] {
          "limit_docs_per_min",
          "pipeline_docs_per_min",
          "limit_over_pipeline",
          "gen_tokens_per_doc",
          "prompt_tokens_per_doc",
          "peak_rss_mb"
        }) {
      assertTrue(r.get(key).asDouble() > 0, key + " in " + r);
    }
    // The shared prefix is the instructions and schema; with one slot the second document's
    // prefix comes from the cache.
    assertTrue(r.get("cached_tokens_per_doc").asDouble() > 0, r.toString());
    assertTrue(
        r.get("cached_tokens_per_doc").asDouble() < r.get("prompt_tokens_per_doc").asDouble());
    assertEquals("no grammar", r.get("sweep").get(4).get("variant").asText());
    // On several cores the same cores as one model with every thread, then as one-thread copies.
    int cores =
        r.get("settings").get("threads").asInt() * r.get("settings").get("replicas").asInt();
    if (cores > 1) {
      assertEquals(7, r.get("sweep").size());
      assertEquals("1 copy x " + cores + " threads", r.get("sweep").get(5).get("variant").asText());
      assertEquals(cores + " copies x 1 thread", r.get("sweep").get(6).get("variant").asText());
      assertTrue(r.get("sweep").get(6).get("docs_per_min").asDouble() > 0, r.toString());
    } else {
      assertEquals(5, r.get("sweep").size());
    }
    assertTrue(cli.out.toString().contains("pipeline/limit: "), cli.out.toString());
    JsonNode t = r.get("time_per_doc_ms");
    assertTrue(t.get("prompt").asDouble() > 0 && t.get("answer").asDouble() > 0, t.toString());
    assertTrue(t.has("beam_and_tika") && t.has("grammar_share"), t.toString());
    assertTrue(cli.out.toString().contains("time per document: prompt "), cli.out.toString());
    assertEquals(2, r.get("limit").get("per_document").size());
    // Each phase's own speed, what llama-bench's pp and tg are compared with.
    JsonNode l = r.get("limit");
    assertTrue(l.get("prompt_eval_tokens_per_s").asDouble() > 0, l.toString());
    assertTrue(l.get("answer_tokens_per_s").asDouble() > 0, l.toString());
    if (r.has("llama_bench")) { // where bench/llama-bench.sh has built this native build's binary
      assertTrue(r.get("llama_bench").get("prompt_ratio").asDouble() > 0, r.toString());
      assertTrue(cli.out.toString().contains("runtime/llama.cpp: prompt "), cli.out.toString());
    }
    assertTrue(
        java.nio.file.Files.readString(tmp.resolve("bench/cost.html")).contains("\"prompt_tokens\"")
            || java.nio.file.Files.readString(tmp.resolve("bench/cost.html"))
                .contains("prompt tokens"));

    // The plot alone from saved figures, several runs in one page.
    assertEquals(
        0,
        cli.run(
            "bench",
            "--pipeline",
            pipeline.toString(),
            "--plot",
            json + "," + json,
            "--out",
            tmp.resolve("plot").toString()),
        cli.err.toString());
    String page = java.nio.file.Files.readString(tmp.resolve("plot/cost.html"));
    assertTrue(page.contains("\"label\":\"figures\""), page.substring(page.length() - 800));
  }
}
