package io.docextract.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The parser processes of this JVM, shared by every {@link DocumentParser} with the same limits. A
 * runner makes one parse DoFn per thread (the DirectRunner three on two cores); one parser JVM each
 * would cost ~230 MB resident apiece, while parsing is a small share of a document's time next to
 * the model. So a pool holds at most half the cores' worth of processes (at least one); a parse
 * waits for a free one. The last user to let go stops them.
 */
final class ParserPool {

  private static final Map<ParseLimits, ParserPool> POOLS = new HashMap<>();

  private final ParseLimits limits;
  private final List<ParserProcess> all = new ArrayList<>();
  private final BlockingQueue<ParserProcess> idle;
  private int users;

  private ParserPool(ParseLimits limits) {
    this.limits = limits;
    int size = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    this.idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      ParserProcess p = new ParserProcess(limits); // starts its JVM on first use
      all.add(p);
      idle.add(p);
    }
  }

  static synchronized ParserPool acquire(ParseLimits limits) {
    ParserPool pool = POOLS.computeIfAbsent(limits, ParserPool::new);
    pool.users++;
    return pool;
  }

  void release() {
    synchronized (ParserPool.class) {
      if (--users > 0) {
        return;
      }
      POOLS.remove(limits);
    }
    all.forEach(ParserProcess::close);
  }

  List<ParseOutcome> parse(String source, byte[] bytes, java.util.Set<String> skip)
      throws ParserProcess.Failure {
    ParserProcess p;
    try {
      p = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a parser process", e);
    }
    try {
      return p.parse(source, bytes, skip);
    } finally {
      idle.add(p);
    }
  }
}
