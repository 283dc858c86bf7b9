package io.docextract.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the parser process that {@link ParserProcess} starts: reads {@link ParseLimits},
 * then requests, from stdin and answers each with the documents the file yields on stdout. It
 * exits when stdin closes, so it never outlives the worker that started it.
 */
public final class ParseWorker {

  /** One file to parse. */
  record Request(String source, byte[] bytes) implements Serializable {}

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
        List<ParseOutcome> outcomes = tika.parse(request.bytes(), request.source());
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

  static void send(ObjectOutputStream out, Object o) throws IOException {
    out.writeObject(o);
    out.flush();
    out.reset();
  }
}
