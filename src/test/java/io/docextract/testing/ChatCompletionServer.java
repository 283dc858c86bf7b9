package io.docextract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.docextract.model.Completion;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.model.StopReason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on loopback around the real model runtime: the
 * chat messages go through the model's template, {@code response_format}'s schema becomes the
 * grammar, the reply and token usage come back as the API returns them. Failure modes stand in for
 * what a remote server does on a bad day: answer HTTP 500, or answer too late.
 */
public final class ChatCompletionServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ModelRuntime runtime;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failFirst;
  private volatile int status = 200;
  private volatile long delayMillis;

  /** Serves {@code model}; null serves nothing but failures (for timeout and error tests). */
  public ChatCompletionServer(ModelSettings model) throws IOException {
    runtime = model == null ? null : ModelRuntime.acquire(model);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
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
        send(ex, 503, "{\"error\":{\"message\":\"loading model\"}}");
        return;
      }
      if (status != 200 || runtime == null) {
        send(ex, status == 200 ? 500 : status, "{\"error\":{\"message\":\"internal error\"}}");
        return;
      }
      send(ex, 200, answer(body).toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      send(ex, 500, "{\"error\":{\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
    }
  }

  private ObjectNode answer(JsonNode body) throws InterruptedException {
    String system = "";
    List<String[]> turns = new ArrayList<>();
    for (JsonNode m : body.path("messages")) {
      if (m.path("role").asText().equals("system")) {
        system = m.path("content").asText();
      } else {
        turns.add(new String[] {m.path("role").asText(), m.path("content").asText()});
      }
    }
    JsonNode schema = body.path("response_format").path("json_schema").path("schema");
    String grammar = schema.isMissingNode() ? null : Grammars.forSchema(schema.toString());
    Completion c = runtime.complete(runtime.renderTurns(system, turns), grammar,
        body.path("max_tokens").asInt(256));
    ObjectNode reply = JSON.createObjectNode();
    reply.put("object", "chat.completion");
    reply.put("model", body.path("model").asText());
    ObjectNode choice = reply.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", c.text());
    choice.put("finish_reason", c.stopReason() == StopReason.TOKEN_LIMIT ? "length" : "stop");
    reply.putObject("usage").put("prompt_tokens", c.promptTokens())
        .put("completion_tokens", c.generatedTokens());
    return reply;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
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
    if (runtime != null) {
      runtime.close();
    }
  }
}
