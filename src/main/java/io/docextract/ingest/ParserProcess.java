package io.docextract.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A separate JVM that runs Tika ({@link ParseWorker}) with its own heap, so a parser that hangs,
 * loops or runs out of memory costs one document, not the worker: past the timeout the process
 * (with any Tesseract it started) is killed, and a process that dies is started again for the next
 * file. The JVM is the one running this code, with the same class path (the shaded jar, or the test
 * class path).
 *
 * <p>Tika's ForkParser does the same, but ships the parser to the child through its own class
 * loading protocol or a directory of jars; a plain child JVM on our own class path is simpler and
 * lets the child run the whole parse (containers, OCR settings) as it would in process.
 */
final class ParserProcess implements AutoCloseable {

  /**
   * The parse did not finish: why, for the review item, and what the parser reported before it hung
   * or died — the files and parts it finished, and the one it was inside of.
   */
  static final class Failure extends Exception {
    final boolean timedOut;

    /** What finished before the failure, in the order it finished (limit items included). */
    final List<ParseOutcome> finished;

    /** The sources of everything that finished, with or without a document. */
    final java.util.Set<String> ended;

    /** The innermost file or part begun and not finished: the one the parse failed in. */
    final ParseWorker.Begun inside;

    Failure(boolean timedOut, String message, Progress progress) {
      super(message);
      this.timedOut = timedOut;
      synchronized (progress) {
        this.finished = List.copyOf(progress.finished);
        this.ended = java.util.Set.copyOf(progress.ended);
        this.inside = progress.open.isEmpty() ? null : progress.open.peekLast();
      }
    }
  }

  /** The events of the parse under way, as the reader thread receives them. */
  private static final class Progress {
    final List<ParseOutcome> finished = new ArrayList<>();
    final java.util.Set<String> ended = new java.util.HashSet<>();
    final java.util.ArrayDeque<ParseWorker.Begun> open = new java.util.ArrayDeque<>();

    synchronized void accept(Object event) {
      if (event instanceof ParseWorker.Begun b) {
        // The same part again: it was being read, and is now parsed under its content id.
        if (!open.isEmpty()
            && open.peekLast().source().equals(b.source())
            && open.peekLast().where().equals(b.where())) {
          open.removeLast();
        }
        open.addLast(b);
      } else if (event instanceof ParseWorker.Ended e) {
        // A part refused by a limit before it was begun ends nothing that is open.
        if (!open.isEmpty() && open.peekLast().source().equals(e.source())) {
          open.removeLast();
        }
        ended.add(e.source());
        if (e.outcome() != null) {
          finished.add(e.outcome());
        }
      }
    }
  }

  /** OpenJDK's exit status under -XX:+ExitOnOutOfMemoryError. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private static final int START_SECONDS = 120;

  /** Parser processes still running; killed when this JVM exits, even mid-parse. */
  private static final java.util.Set<ProcessHandle> LIVE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    LIVE.forEach(
                        h -> {
                          h.descendants().forEach(ProcessHandle::destroyForcibly);
                          h.destroyForcibly();
                        }),
                "docextract-parser-reaper"));
  }

  private final ParseLimits limits;
  private Process process;
  private ObjectOutputStream toChild;
  private ObjectInputStream fromChild;
  private ExecutorService io;

  ParserProcess(ParseLimits limits) {
    this.limits = limits;
  }

  synchronized List<ParseOutcome> parse(String source, byte[] bytes) throws Failure {
    return parse(source, bytes, java.util.Set.of());
  }

  /** Parses a file, leaving out the parts named in {@code skip} (by source). */
  synchronized List<ParseOutcome> parse(String source, byte[] bytes, java.util.Set<String> skip)
      throws Failure {
    ensureStarted();
    Progress progress = new Progress();
    ObjectInputStream in = fromChild;
    Future<ParseWorker.Reply> reply =
        io.submit(
            () -> {
              ParseWorker.send(
                  toChild, new ParseWorker.Request(source, bytes, new java.util.HashSet<>(skip)));
              while (true) {
                Object o = in.readObject();
                if (o instanceof ParseWorker.Reply r) {
                  return r;
                }
                progress.accept(o);
              }
            });
    try {
      ParseWorker.Reply r = reply.get(limits.timeoutSeconds(), TimeUnit.SECONDS);
      if (r.bug() != null) {
        throw new IllegalStateException("the parser failed on " + source + ":\n" + r.bug());
      }
      return r.outcomes();
    } catch (TimeoutException e) {
      kill(reply);
      throw new Failure(
          true,
          "parse did not finish within timeoutSeconds="
              + limits.timeoutSeconds()
              + "; the parser process was killed",
          progress);
    } catch (ExecutionException e) {
      int exit = kill(reply);
      throw new Failure(
          false,
          exit == OUT_OF_MEMORY_EXIT
              ? "the parser ran out of memory (parserHeapMb=" + limits.parserHeapMb() + ")"
              : "the parser process died (exit " + exit + "): " + e.getCause(),
          progress);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + source, e);
    }
  }

  private void ensureStarted() {
    if (process != null && process.isAlive()) {
      return;
    }
    kill();
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + limits.parserHeapMb() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=48m",
                "-XX:MaxHeapFreeRatio=30",
                "-XX:MinHeapFreeRatio=10",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp",
                System.getProperty("java.class.path"),
                ParseWorker.class.getName()));
    io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "docextract-parser-io");
              t.setDaemon(true);
              return t;
            });
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      LIVE.add(process.toHandle());
      Future<Object> ready =
          io.submit(
              () -> {
                toChild =
                    new ObjectOutputStream(new BufferedOutputStream(process.getOutputStream()));
                ParseWorker.send(toChild, limits);
                fromChild =
                    new ObjectInputStream(new BufferedInputStream(process.getInputStream()));
                return fromChild.readObject();
              });
      Object hello = ready.get(START_SECONDS, TimeUnit.SECONDS);
      if (!ParseWorker.READY.equals(hello)) {
        throw new IllegalStateException("the parser process said " + hello);
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      kill();
      throw new IllegalStateException("could not start the parser process: " + command, e);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the parser process", e);
    }
  }

  /**
   * Kills the process, then lets the reader take what the process had already written (it reads on
   * to the end of the pipe), so the progress is complete up to the moment of the kill.
   */
  private int kill(Future<?> reader) {
    ExecutorService reading = io;
    io = null;
    int exit = kill();
    if (reading != null) {
      try {
        reader.get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // the pipe closed (expected) or the reader is stuck; either way, what it read is kept
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reading.shutdownNow();
    }
    return exit;
  }

  /** Kills the process and whatever it started (Tesseract); returns its exit status, -1 if none. */
  private int kill() {
    if (io != null) {
      io.shutdownNow();
      io = null;
    }
    if (process == null) {
      return -1;
    }
    Process p = process;
    process = null;
    LIVE.remove(p.toHandle());
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public synchronized void close() {
    kill();
  }
}
