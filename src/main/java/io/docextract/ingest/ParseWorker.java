package io.docextract.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the parser process that {@link ParserProcess} starts: reads {@link ParseLimits},
 * then requests, from stdin and answers each with the documents the file yields on stdout. It exits
 * when stdin closes, so it never outlives the worker that started it.
 */
public final class ParseWorker {

  /**
   * One file to parse. {@code skip} names parts (by source) an earlier attempt at this file already
   * finished or failed on; they are not parsed again.
   */
  record Request(String source, byte[] bytes, java.util.Set<String> skip) implements Serializable {}

  /**
   * Sent before the reply while a file is parsed: the parse began reading (id from the part's
   * place) or parsing (content id) a file or part.
   */
  record Begun(String id, String source, Provenance where) implements Serializable {}

  /**
   * Sent before the reply: a file or part finished ({@code outcome} null when it had no text), or a
   * part was refused by a limit ({@code limit} true).
   */
  record Ended(String source, ParseOutcome outcome, boolean limit) implements Serializable {}

  /** The answer: the documents, or the stack trace of a bug (which the caller rethrows). */
  record Reply(ArrayList<ParseOutcome> outcomes, String bug) implements Serializable {}

  static final String READY = "ready";

  private ParseWorker() {}

  public static void main(String[] args) throws Exception {
    // stdout is the reply channel: anything a library prints goes to stderr instead.
    OutputStream channel = System.out;
    System.setOut(System.err);
    ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(channel));
    out.flush();
    ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(System.in));
    TikaParse tika = new TikaParse((ParseLimits) in.readObject());
    warmUp(tika);
    ObjectOutputStream events = out;
    tika.progress(
        event -> {
          try {
            // Each event is flushed: if the parse then hangs or dies, the parent knows what
            // finished.
            events.writeObject(event);
            events.flush();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    out.writeObject(READY);
    out.flush();
    while (true) {
      Request request;
      try {
        request = (Request) in.readObject();
      } catch (EOFException e) {
        return;
      }
      Reply reply;
      try {
        List<ParseOutcome> outcomes = tika.parse(request.bytes(), request.source(), request.skip());
        reply = new Reply(new ArrayList<>(outcomes), null);
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        reply = new Reply(null, trace.toString());
      }
      out.writeObject(reply);
      out.flush();
      out.reset();
    }
  }

  /**
   * Parses a small zip of a text file once before saying ready, so loading Tika's detectors and
   * parsers is part of the process start, not of the first file's timeout (which matters after a
   * kill, when the next attempt gets a fresh process).
   */
  private static void warmUp(TikaParse tika) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
        zip.putNextEntry(new java.util.zip.ZipEntry("warm-up.txt"));
        zip.write("Warm-up total 1.00".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      tika.parse(bytes.toByteArray(), "warm-up.zip");
    } catch (IOException | RuntimeException e) {
      // only a warm-up: the real parse will report whatever is wrong
    }
  }

  static void send(ObjectOutputStream out, Object o) throws IOException {
    out.writeObject(o);
    out.flush();
    out.reset();
  }
}
