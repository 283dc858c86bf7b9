package io.docextract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * llama.cpp's own {@code llama-bench} on the same GGUF, threads and instruction-set build as the
 * runtime, built by {@code bench/llama-bench.sh}: what the runtime's prompt and answer speeds are
 * compared with. llama-bench times bare {@code llama_decode} calls — a prompt of n tokens in one
 * batch (pp), then n single-token steps (tg) — with no sampling, grammar, probabilities or JNI.
 */
public final class LlamaBench {

  /**
   * llama-bench's figures for one GGUF.
   *
   * @param promptTokens the pp test's prompt length
   * @param promptTokensPerS its mean tokens/s over the repetitions
   * @param genTokens the tg test's number of generated tokens
   * @param genTokensPerS its mean tokens/s, from an empty context
   * @param genAfterPromptTokensPerS the same number of tokens generated right after the prompt (the
   *     pp+tg test's time less the pp test's): decoding at the depth a reply is decoded at, where
   *     every step attends to the prompt; NaN when the output has no pp+tg test
   * @param threads threads llama-bench ran with
   * @param batch n_batch / n_ubatch of the pp test
   * @param commit llama.cpp's build commit, as llama-bench reports it
   */
  public record Figures(
      int promptTokens,
      double promptTokensPerS,
      int genTokens,
      double genTokensPerS,
      double genAfterPromptTokensPerS,
      int threads,
      String batch,
      String commit) {}

  private LlamaBench() {}

  /**
   * Where {@code bench/llama-bench.sh} caches the binary of a build ({@code avx2}, {@code avx512},
   * {@code amx}): {@code $DOCEXTRACT_LLAMA_BENCH} or {@code ~/.cache/docextract/llama-bench}.
   */
  public static Path binary(String build) {
    String dir = System.getenv("DOCEXTRACT_LLAMA_BENCH");
    Path cache =
        dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".cache", "docextract", "llama-bench");
    return cache.resolve(build).resolve("bin").resolve("llama-bench");
  }

  /** The command line: one pp test of {@code promptTokens}, one tg test of {@code genTokens}. */
  public static List<String> command(
      Path binary, String model, int threads, int promptTokens, int genTokens, int repetitions) {
    return List.of(
        binary.toString(),
        "-m",
        model,
        "-t",
        Integer.toString(threads),
        "-p",
        Integer.toString(promptTokens),
        "-n",
        Integer.toString(genTokens),
        "-pg",
        promptTokens + "," + genTokens,
        "-r",
        Integer.toString(repetitions),
        "-o",
        "json");
  }

  /**
   * Runs llama-bench for {@code build} when its binary exists (empty otherwise).
   *
   * @throws IOException when it fails or prints nothing readable
   */
  public static Optional<Figures> run(
      String build, String model, int threads, int promptTokens, int genTokens)
      throws IOException, InterruptedException {
    Path bin = binary(build);
    if (!Files.isExecutable(bin)) {
      return Optional.empty();
    }
    ProcessBuilder pb =
        new ProcessBuilder(command(bin, model, threads, promptTokens, genTokens, 3))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IOException(bin + " exited with " + rc);
    }
    return Optional.of(parse(out));
  }

  /**
   * llama-bench's {@code -o json} output: an array with one object per test; the pp test has {@code
   * n_gen} 0, the tg test {@code n_prompt} 0.
   */
  public static Figures parse(String json) throws IOException {
    JsonNode tests = JsonLines.mapper().readTree(json);
    if (tests == null || !tests.isArray()) {
      throw new IOException("llama-bench printed no JSON array");
    }
    JsonNode pp = null;
    JsonNode tg = null;
    JsonNode pg = null;
    List<String> seen = new ArrayList<>();
    for (JsonNode t : tests) {
      int prompt = t.path("n_prompt").asInt();
      int gen = t.path("n_gen").asInt();
      seen.add("pp" + prompt + "/tg" + gen);
      if (prompt > 0 && gen == 0 && pp == null) {
        pp = t;
      } else if (prompt == 0 && gen > 0 && tg == null) {
        tg = t;
      } else if (prompt > 0 && gen > 0 && pg == null) {
        pg = t;
      }
    }
    if (pp == null || tg == null) {
      throw new IOException("llama-bench output lacks a pp or a tg test: " + seen);
    }
    double afterPrompt = Double.NaN;
    if (pg != null && pg.path("n_prompt").asInt() == pp.path("n_prompt").asInt()) {
      double ns = pg.path("avg_ns").asDouble() - pp.path("avg_ns").asDouble();
      afterPrompt = ns > 0 ? pg.path("n_gen").asInt() * 1e9 / ns : Double.NaN;
    }
    return new Figures(
        pp.path("n_prompt").asInt(),
        pp.path("avg_ts").asDouble(),
        tg.path("n_gen").asInt(),
        tg.path("avg_ts").asDouble(),
        afterPrompt,
        pp.path("n_threads").asInt(),
        pp.path("n_batch").asInt() + "/" + pp.path("n_ubatch").asInt(),
        pp.path("build_commit").asText());
  }

  /**
   * llama-bench beside a limit pass of {@code settings}' model: a prompt of the pass's mean
   * uncached length and an answer of its mean generated length, on the loaded native build. Empty
   * (with a note on {@code err}) when that build's binary is missing or the adapter is applied at
   * run time, which llama-bench cannot do.
   */
  public static Optional<ObjectNode> beside(ModelSettings settings, JsonNode limit, PrintWriter err)
      throws IOException, InterruptedException {
    String build = ModelRuntime.nativeBuild();
    if (settings.adapterPath() != null) {
      err.println("bench: no llama-bench figures for a model with its adapter applied at run time");
      return Optional.empty();
    }
    int prompt =
        (int)
            Math.round(
                limit.path("prompt_tokens_per_doc").asDouble()
                    - limit.path("cached_tokens_per_doc").asDouble());
    int gen = Math.max(1, (int) Math.round(limit.path("gen_tokens_per_doc").asDouble()));
    err.printf("bench: llama-bench — %s build, pp%d tg%d%n", build, prompt, gen);
    Optional<Figures> f = run(build, settings.modelPath(), settings.threads(), prompt, gen);
    if (f.isEmpty()) {
      err.printf(
          "bench: no llama-bench binary for the %s build (bench/llama-bench.sh --variant %s"
              + " --build-only)%n",
          build, build);
    }
    return f.map(x -> against(x, build, limit));
  }

  /**
   * llama-bench's figures beside the runtime's, as JSON: pp and tg, and runtime/llama.cpp for the
   * prompt ({@code prompt_eval_tokens_per_s} over pp) and the answer ({@code answer_tokens_per_s}
   * over the tokens generated right after the prompt, else over tg) of a limit pass ({@link
   * LimitFigures}).
   */
  public static ObjectNode against(Figures f, String build, JsonNode limit) {
    ObjectNode o = JsonLines.mapper().createObjectNode();
    o.put("build", build);
    o.put("threads", f.threads());
    o.put("batch", f.batch());
    o.put("commit", f.commit());
    o.put("pp_tokens", f.promptTokens());
    o.put("pp_tokens_per_s", LimitFigures.round(f.promptTokensPerS(), 1));
    o.put("tg_tokens", f.genTokens());
    o.put("tg_tokens_per_s", LimitFigures.round(f.genTokensPerS(), 1));
    // Each step of a reply attends to the whole prompt, which tg from an empty context does not.
    boolean depth = Double.isFinite(f.genAfterPromptTokensPerS());
    double gen = depth ? f.genAfterPromptTokensPerS() : f.genTokensPerS();
    if (depth) {
      o.put("tg_after_pp_tokens_per_s", LimitFigures.round(gen, 1));
    }
    double prompt = limit.path("prompt_eval_tokens_per_s").asDouble();
    double answer = limit.path("answer_tokens_per_s").asDouble();
    o.put("prompt_ratio", LimitFigures.round(prompt / f.promptTokensPerS(), 3));
    o.put("answer_ratio", LimitFigures.round(answer / gen, 3));
    o.put("answer_compared_with", depth ? "tg after pp" : "tg");
    return o;
  }

  /** One line for the bench's printout. */
  public static String describe(JsonNode o, JsonNode limit) {
    return String.format(
        "llama.cpp llama-bench (%s build, %d threads, same GGUF): pp%d %.0f tok/s, tg%d %.1f tok/s"
            + "%s; runtime/llama.cpp: prompt %.2f (%.0f tok/s to the first token),"
            + " answer %.2f (%.1f tok/s after it, against %s)",
        o.path("build").asText(),
        o.path("threads").asInt(),
        o.path("pp_tokens").asInt(),
        o.path("pp_tokens_per_s").asDouble(),
        o.path("tg_tokens").asInt(),
        o.path("tg_tokens_per_s").asDouble(),
        o.has("tg_after_pp_tokens_per_s")
            ? String.format(
                " (%.1f right after the prompt)", o.get("tg_after_pp_tokens_per_s").asDouble())
            : "",
        o.path("prompt_ratio").asDouble(),
        limit.path("prompt_eval_tokens_per_s").asDouble(),
        o.path("answer_ratio").asDouble(),
        limit.path("answer_tokens_per_s").asDouble(),
        o.path("answer_compared_with").asText());
  }
}
