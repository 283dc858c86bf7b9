package io.docextract.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads llama-bench's JSON as it really prints it: {@code llama-bench-amx.json} is the output of
 * {@code bench/llama-bench.sh --variant amx --json MODEL -p 466 -n 75 -pg 466,75 -r 3} on the
 * merged receipt model (Gemma 3 270M + adapter, q8_0), 2026-12-05.
 */
class LlamaBenchTest {

  private static String captured() throws IOException {
    return Files.readString(Path.of("src/test/resources/bench/llama-bench-amx.json"));
  }

  @Test
  void readsThePromptAndTheGenerationTestOfARealRun() throws IOException {
    String json = captured();
    LlamaBench.Figures f = LlamaBench.parse(json);
    JsonNode tests = JsonLines.mapper().readTree(json);
    assertEquals(466, f.promptTokens());
    assertEquals(75, f.genTokens());
    assertEquals(2, f.threads());
    assertEquals(tests.get(0).get("avg_ts").asDouble(), f.promptTokensPerS(), 1e-9);
    assertEquals(tests.get(1).get("avg_ts").asDouble(), f.genTokensPerS(), 1e-9);
    // 75 tokens after the 466-token prompt: the pp+tg test's time less the pp test's.
    double afterPrompt =
        75e9 / (tests.get(2).get("avg_ns").asDouble() - tests.get(0).get("avg_ns").asDouble());
    assertEquals(afterPrompt, f.genAfterPromptTokensPerS(), 1e-9);
    assertTrue(f.genAfterPromptTokensPerS() < f.genTokensPerS(), f.toString());
    assertEquals("2048/512", f.batch());
    assertEquals(tests.get(0).get("build_commit").asText(), f.commit());
  }

  @Test
  void ratiosDivideTheRuntimesPhaseSpeedsByLlamaBenchs() throws IOException {
    LlamaBench.Figures f = LlamaBench.parse(captured());
    ObjectNode limit = JsonLines.mapper().createObjectNode();
    limit.put("prompt_eval_tokens_per_s", f.promptTokensPerS() / 2);
    limit.put("answer_tokens_per_s", f.genAfterPromptTokensPerS() * 0.9);
    ObjectNode o = LlamaBench.against(f, "amx", limit);
    assertEquals(0.5, o.get("prompt_ratio").asDouble(), 1e-3);
    assertEquals(0.9, o.get("answer_ratio").asDouble(), 1e-3);
    assertEquals("tg after pp", o.get("answer_compared_with").asText());
    assertTrue(LlamaBench.describe(o, limit).contains("runtime/llama.cpp: prompt 0.50"));
  }

  @Test
  void withoutThePromptAndGenerationTestTheAnswerIsComparedWithTg() throws IOException {
    JsonNode tests = JsonLines.mapper().readTree(captured());
    String ppAndTg = JsonLines.mapper().writeValueAsString(List.of(tests.get(0), tests.get(1)));
    LlamaBench.Figures f = LlamaBench.parse(ppAndTg);
    assertTrue(Double.isNaN(f.genAfterPromptTokensPerS()));
    ObjectNode limit = JsonLines.mapper().createObjectNode();
    limit.put("prompt_eval_tokens_per_s", f.promptTokensPerS());
    limit.put("answer_tokens_per_s", f.genTokensPerS());
    ObjectNode o = LlamaBench.against(f, "amx", limit);
    assertEquals(1.0, o.get("answer_ratio").asDouble(), 1e-3);
    assertEquals("tg", o.get("answer_compared_with").asText());
  }

  @Test
  void outputWithoutAGenerationTestIsRefused() throws IOException {
    JsonNode tests = JsonLines.mapper().readTree(captured());
    String promptOnly = JsonLines.mapper().writeValueAsString(List.of(tests.get(0)));
    assertThrows(IOException.class, () -> LlamaBench.parse(promptOnly));
    assertThrows(IOException.class, () -> LlamaBench.parse("| model | size |"));
  }

  @Test
  void theCommandAsksForJsonWithTheRuntimesThreadsAndLengths() {
    List<String> cmd = LlamaBench.command(Path.of("/x/llama-bench"), "/m.gguf", 2, 466, 75, 3);
    assertEquals(
        List.of(
            "/x/llama-bench",
            "-m",
            "/m.gguf",
            "-t",
            "2",
            "-p",
            "466",
            "-n",
            "75",
            "-pg",
            "466,75",
            "-r",
            "3",
            "-o",
            "json"),
        cmd);
  }
}
