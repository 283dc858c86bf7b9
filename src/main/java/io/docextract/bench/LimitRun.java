package io.docextract.bench;

import io.docextract.model.Completion;
import io.docextract.model.ContextOverflowException;
import io.docextract.model.ModelFailureException;
import io.docextract.model.ModelRuntime;
import io.docextract.model.PromptLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The model runtime alone on a set of prompts: every request submitted at once to as many threads
 * as the model has slots, so llama.cpp always has work queued. This is the fastest way the runtime
 * can be driven, and what the pipeline's throughput is compared with.
 */
public final class LimitRun {

  /**
   * What one pass produced: wall time, the completions, requests the runtime refused, and the
   * tokens prompt lookup drafted and the model accepted (empty without docextract's library).
   */
  public record Result(
      double wallSeconds,
      List<Completion> completions,
      Map<String, Long> failures,
      List<Integer> sharedPrefixTokens,
      Optional<PromptLookup.Counts> lookup) {

    public int documents() {
      return completions.size() + (int) failures.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private LimitRun() {}

  public static Result run(ModelRuntime runtime, List<BenchPrompt> prompts, int maxTokens)
      throws InterruptedException {
    int threads = runtime.settings().concurrency();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-slot");
              t.setDaemon(true);
              return t;
            });
    try {
      Optional<PromptLookup.Counts> before = PromptLookup.counts();
      long start = System.nanoTime();
      List<Future<Completion>> futures = new ArrayList<>();
      for (BenchPrompt p : prompts) {
        futures.add(
            pool.submit(() -> runtime.complete(p.prompt(), p.grammar(), p.scaffold(), maxTokens)));
      }
      List<Completion> done = new ArrayList<>();
      List<Integer> prefixes = new ArrayList<>();
      Map<String, Long> failures = new LinkedHashMap<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          done.add(futures.get(i).get());
          prefixes.add(prompts.get(i).sharedPrefixTokens());
        } catch (ExecutionException e) {
          String kind =
              e.getCause() instanceof ContextOverflowException
                  ? "context_overflow"
                  : e.getCause() instanceof ModelFailureException ? "model_error" : null;
          if (kind == null) {
            throw new IllegalStateException("bench request failed", e.getCause());
          }
          failures.merge(kind, 1L, Long::sum);
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      Optional<PromptLookup.Counts> lookup =
          before.flatMap(b -> PromptLookup.counts().map(after -> after.minus(b)));
      return new Result(wall, done, failures, prefixes, lookup);
    } finally {
      pool.shutdownNow();
    }
  }
}
