package io.docextract.endpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests left for a run, shared by every DoFn instance and thread of the JVM. A runner with
 * several worker processes gives each its own count, so a run spends at most workers × budget; on
 * the DirectRunner and an embedded Flink cluster the budget is exact.
 */
public final class RunBudget {

  private static final Map<String, AtomicInteger> SPENT = new ConcurrentHashMap<>();

  private RunBudget() {}

  /** Takes one request from the budget; false when the budget is spent. */
  static boolean take(EndpointSettings settings) {
    AtomicInteger spent = SPENT.computeIfAbsent(settings.budgetKey(), k -> new AtomicInteger());
    while (true) {
      int now = spent.get();
      if (now >= settings.maxRequests()) {
        return false;
      }
      if (spent.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Requests this JVM has sent against the budget. */
  public static int spent(EndpointSettings settings) {
    AtomicInteger spent = SPENT.get(settings.budgetKey());
    return spent == null ? 0 : spent.get();
  }
}
