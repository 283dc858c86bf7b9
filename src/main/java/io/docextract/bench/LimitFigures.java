package io.docextract.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.model.Completion;
import io.docextract.values.Percentiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one limit pass, as JSON with stable keys for scripts. */
public final class LimitFigures {

  private LimitFigures() {}

  /**
   * @param cachePrompt whether the prompt cache was on: the shared prefix counts as cached then
   * @param slots llama.cpp slots; each slot's first request has nothing cached yet
   */
  public static ObjectNode of(LimitRun.Result r, boolean cachePrompt, int slots) {
    List<Completion> c = r.completions();
    int n = Math.max(1, c.size());
    long prompt = c.stream().mapToLong(Completion::promptTokens).sum();
    long generated = c.stream().mapToLong(Completion::generatedTokens).sum();
    // An estimate: llama.cpp does not report reuse through the binding. With the cache on, every
    // request after each slot's first reuses the prefix all documents of its type share.
    long cached =
        cachePrompt
            ? r.sharedPrefixTokens().stream().skip(slots).mapToLong(Integer::longValue).sum()
            : 0;
    Map<String, Long> stops = new TreeMap<>();
    c.forEach(x -> stops.merge(x.stopReason().name().toLowerCase(), 1L, Long::sum));
    stops.putAll(r.failures());
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("documents", r.documents());
    o.put("wall_s", round(r.wallSeconds(), 2));
    o.put("docs_per_min", round(c.size() * 60.0 / r.wallSeconds(), 1));
    o.put("prompt_tokens_per_doc", round((double) prompt / n, 1));
    o.put("cached_tokens_per_doc", round((double) cached / n, 1));
    o.put("gen_tokens_per_doc", round((double) generated / n, 1));
    o.put("prompt_tokens_per_s", round(prompt / r.wallSeconds(), 1));
    o.put("gen_tokens_per_s", round(generated / r.wallSeconds(), 1));
    // The two above share one wall time, so neither is a speed of its phase. These are, and they
    // are what llama-bench's pp and tg are compared with: uncached prompt tokens over the time to
    // the first token (prompt read, first token sampled), and the tokens after the first over the
    // time after it (grammar, probabilities, drafting and JNI included). With several slots
    // sharing the cores both are per request, not per machine.
    List<Completion> started = c.stream().filter(x -> x.firstTokenMillis() >= 0).toList();
    long firstMs = started.stream().mapToLong(Completion::firstTokenMillis).sum();
    long answerMs = started.stream().mapToLong(x -> x.totalMillis() - x.firstTokenMillis()).sum();
    long answerTokens = started.stream().mapToLong(x -> Math.max(0, x.generatedTokens() - 1)).sum();
    o.put(
        "prompt_eval_tokens_per_s", firstMs > 0 ? round((prompt - cached) * 1e3 / firstMs, 1) : 0);
    o.put("answer_tokens_per_s", answerMs > 0 ? round(answerTokens * 1e3 / answerMs, 1) : 0);
    // Tokens prompt lookup guessed and the model kept; each kept one skipped a decoding pass.
    r.lookup()
        .ifPresent(
            l -> {
              o.put("lookup_drafted_per_doc", round((double) l.drafted() / n, 1));
              o.put("lookup_accepted_per_doc", round((double) l.accepted() / n, 1));
            });
    List<Long> latency = c.stream().map(Completion::totalMillis).toList();
    List<Long> ttft = c.stream().map(Completion::firstTokenMillis).toList();
    o.put("latency_ms_p50", Percentiles.of(latency, 50));
    o.put("latency_ms_p95", Percentiles.of(latency, 95));
    o.put("first_token_ms_p50", Percentiles.of(ttft, 50));
    o.put("first_token_ms_p95", Percentiles.of(ttft, 95));
    // Where a request's time goes: reading the prompt (to the first token), then the answer.
    o.put(
        "prompt_ms_per_doc", round(ttft.stream().mapToLong(Long::longValue).sum() / (double) n, 0));
    o.put(
        "answer_ms_per_doc",
        round(
            c.stream().mapToLong(x -> x.totalMillis() - x.firstTokenMillis()).sum() / (double) n,
            0));
    o.putPOJO("stop_reasons", stops);
    return o;
  }

  public static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
