package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Workers setting up at once convert their schemas at once. llama.cpp's converter races on its
 * first use in a process (see {@link Grammars}), so each attempt is a fresh JVM whose first
 * conversions start together: before {@link Grammars} took one at a time, the first such JVM here
 * spun forever in the converter's hash set, and EscalationTest aborted one run in eight.
 */
class GrammarsConcurrencyTest {

  private static final int JVMS = 10;
  private static final int THREADS = 8;

  @Test
  void freshProcessesConvertFromManyThreadsAtOnce() throws Exception {
    for (int run = 0; run < JVMS; run++) {
      Path log = Files.createTempFile("grammars-race", ".log");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Race.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = child.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        child.destroyForcibly().waitFor();
      }
      String out = Files.readString(log);
      Files.delete(log);
      assertTrue(ended, "run " + run + " hung converting schemas from " + THREADS + " threads");
      assertEquals(0, child.exitValue(), "run " + run + ":\n" + out);
      assertTrue(out.contains("converted " + THREADS), out);
    }
  }

  /** A process whose first conversions, of the receipt schema, all start at the same moment. */
  static final class Race {

    public static void main(String[] args) throws Exception {
      String schema = Files.readString(Path.of("schemas/receipt.schema.json"));
      NativeLibrary.prepare();
      CyclicBarrier start = new CyclicBarrier(THREADS);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<String>> done = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          done.add(
              pool.submit(
                  () -> {
                    start.await();
                    return Grammars.forSchema(schema);
                  }));
        }
        for (Future<String> f : done) {
          String grammar = f.get();
          if (!grammar.startsWith("root ::=") && !grammar.contains("\nroot ::=")) {
            throw new AssertionError("no root rule:\n" + grammar);
          }
        }
        System.out.println("converted " + done.size());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
