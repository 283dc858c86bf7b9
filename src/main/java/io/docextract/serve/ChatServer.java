package io.docextract.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/chat/completions} and {@code GET /v1/models} over the JDK's HTTP server. As many
 * requests run at once as the model has slots; the rest wait in the server's queue.
 */
public final class ChatServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool;
  private final ChatCompletions completions;
  private final AtomicLong served = new AtomicLong();

  public ChatServer(ChatCompletions completions, InetSocketAddress address, int threads)
      throws IOException {
    this.completions = completions;
    this.server = HttpServer.create(address, 64);
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "docextract-serve");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/v1/chat/completions", this::completion);
    server.createContext("/v1/models", ex -> send(ex, 200, completions.models().toString()));
    server.setExecutor(pool);
  }

  public ChatServer start() {
    server.start();
    return this;
  }

  /** Base URL up to {@code /v1}, as a pipeline's {@code escalation.endpoint.url} names it. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    return "http://" + host + ":" + a.getPort() + "/v1";
  }

  public long served() {
    return served.get();
  }

  private void completion(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      send(ex, 405, error("use POST"));
      return;
    }
    JsonNode request;
    try {
      request = JSON.readTree(ex.getRequestBody());
    } catch (IOException e) {
      send(ex, 400, error("the body is not JSON"));
      return;
    }
    try {
      String reply = completions.answer(request).toString();
      served.incrementAndGet();
      send(ex, 200, reply);
    } catch (IllegalArgumentException e) {
      send(ex, 400, error(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(ex, 503, error("shutting down"));
    } catch (RuntimeException e) {
      LOG.warn("completion failed", e);
      send(ex, 500, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static String error(String message) {
    return JSON.createObjectNode()
        .set("error", JSON.createObjectNode().put("message", message))
        .toString();
  }

  /** Writes a JSON reply with its status and length, and closes the exchange's body. */
  public static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
