package io.docextract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.serve.ChatCompletions;
import io.docextract.serve.ChatServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on loopback: the product's own {@link
 * ChatCompletions} around the real runtime, plus failure modes that stand in for what a remote
 * server does on a bad day (answer HTTP 500 or 503, or answer too late).
 */
public final class ChatCompletionServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ModelRuntime runtime;
  private final ChatCompletions completions;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failFirst;
  private volatile int status = 200;
  private volatile long delayMillis;

  /** Serves {@code model}; null serves nothing but failures (for timeout and error tests). */
  public ChatCompletionServer(ModelSettings model) throws IOException {
    runtime = model == null ? null : ModelRuntime.acquire(model);
    completions = runtime == null ? null : new ChatCompletions(runtime, "consultant", 512);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "chat-completion-server");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  /** Base URL up to {@code /v1}, as a pipeline file names it. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Every request is answered with this HTTP status (and no completion) unless it is 200. */
  public ChatCompletionServer answering(int status) {
    this.status = status;
    return this;
  }

  /** The first {@code n} requests get HTTP 503 before the server recovers. */
  public ChatCompletionServer failingFirst(int n) {
    this.failFirst = n;
    return this;
  }

  /** Each reply waits this long first. */
  public ChatCompletionServer delaying(long millis) {
    this.delayMillis = millis;
    return this;
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    int n = requests.incrementAndGet();
    try (ex) {
      JsonNode body = JSON.readTree(ex.getRequestBody());
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      if (n <= failFirst) {
        ChatServer.send(ex, 503, "{\"error\":{\"message\":\"loading model\"}}");
        return;
      }
      if (status != 200 || runtime == null) {
        ChatServer.send(
            ex, status == 200 ? 500 : status, "{\"error\":{\"message\":\"internal error\"}}");
        return;
      }
      ChatServer.send(ex, 200, completions.answer(body).toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      ChatServer.send(
          ex, 500, "{\"error\":{\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
    }
  }

  @Override
  public void close() {
    server.stop(0);
    if (runtime != null) {
      runtime.close();
    }
  }
}
