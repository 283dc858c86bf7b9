package io.docextract.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.model.Completion;
import io.docextract.model.RepeatedElements;
import io.docextract.model.StopReason;
import io.docextract.model.TokenProbabilities;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an OpenAI-compatible {@code /chat/completions} endpoint for one JSON object, constrained by
 * the document type's schema through {@code response_format} (honoured by llama.cpp server, vLLM,
 * Ollama and OpenAI). Timeouts, refused connections, 429 and 5xx are retried with a growing pause
 * up to the configured count; other 4xx are not, since the same request would fail again.
 */
public final class ChatEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EndpointSettings settings;
  private final HttpClient http;

  public ChatEndpoint(EndpointSettings settings) {
    this.settings = settings;
    // HTTP/1.1: the JDK's default asks every request to upgrade to h2c, which servers such as
    // uvicorn (llama-cpp-python) refuse with a warning per request.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
            .build();
  }

  public EndpointSettings settings() {
    return settings;
  }

  /**
   * One answer for one document.
   *
   * @param system the instructions (and schema, when the prompt carries it)
   * @param turns (role, content) pairs: worked examples, then the document as the last user turn
   * @param schemaName the document type, as the schema's name in {@code response_format}
   * @param schemaJson the type's JSON Schema
   */
  public Completion complete(
      String system, List<String[]> turns, String schemaName, String schemaJson)
      throws EndpointException, InterruptedException {
    String body = requestBody(system, turns, schemaName, schemaJson);
    EndpointException last = null;
    for (int attempt = 1; attempt <= settings.retries() + 1; attempt++) {
      if (!RunBudget.take(settings)) {
        throw new EndpointException(
            EndpointException.Kind.BUDGET,
            attempt - 1,
            "the run's budget of "
                + settings.maxRequests()
                + " requests to "
                + settings.displayUrl()
                + " is spent",
            last);
      }
      if (attempt > 1) {
        Thread.sleep(Math.min(8000L, 250L << (attempt - 2)));
      }
      long start = System.nanoTime();
      try {
        HttpResponse<String> reply = http.send(request(body), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        int status = reply.statusCode();
        if (status == 200) {
          return completion(reply.body(), millis, attempt);
        }
        last =
            new EndpointException(
                EndpointException.Kind.HTTP_ERROR,
                attempt,
                "HTTP "
                    + status
                    + " from "
                    + settings.displayUrl()
                    + " after "
                    + attempt
                    + " attempt(s): "
                    + excerpt(reply.body()),
                null);
        if (status != 429 && status < 500) {
          throw last;
        }
      } catch (HttpTimeoutException e) {
        last =
            new EndpointException(
                EndpointException.Kind.TIMEOUT,
                attempt,
                "no reply from "
                    + settings.displayUrl()
                    + " within "
                    + settings.timeoutSeconds()
                    + " s, "
                    + attempt
                    + " attempt(s)",
                e);
      } catch (ConnectException e) {
        last =
            new EndpointException(
                EndpointException.Kind.CONNECTION,
                attempt,
                "cannot connect to "
                    + settings.displayUrl()
                    + " after "
                    + attempt
                    + " attempt(s): "
                    + e.getMessage(),
                e);
      } catch (IOException e) {
        last =
            new EndpointException(
                EndpointException.Kind.CONNECTION,
                attempt,
                "request to "
                    + settings.displayUrl()
                    + " failed after "
                    + attempt
                    + " attempt(s): "
                    + e,
                e);
      }
    }
    throw last;
  }

  private HttpRequest request(String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(stripSlash(settings.url()) + "/chat/completions"))
            .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.apiKeyEnv() != null) {
      String key = System.getenv(settings.apiKeyEnv());
      if (key != null && !key.isBlank()) {
        b.header("Authorization", "Bearer " + key.strip());
      }
    }
    return b.build();
  }

  String requestBody(String system, List<String[]> turns, String schemaName, String schemaJson) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", settings.model());
    ArrayNode messages = root.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    for (String[] t : turns) {
      messages.addObject().put("role", t[0]).put("content", t[1]);
    }
    root.put("temperature", 0);
    root.put("max_tokens", settings.maxTokens());
    if (settings.logprobs()) {
      // Some servers (llama-cpp-python) return no logprobs unless top_logprobs is given too.
      root.put("logprobs", true);
      root.put("top_logprobs", 1);
    }
    JsonNode schema;
    try {
      schema = JSON.readTree(schemaJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("schema of " + schemaName + " is not JSON", e);
    }
    ObjectNode format = root.putObject("response_format");
    if (settings.responseFormat().equals(EndpointSettings.JSON_MODE)) {
      format.put("type", EndpointSettings.JSON_OBJECT);
      return root.toString();
    }
    format.put("type", settings.responseFormat());
    if (settings.responseFormat().equals(EndpointSettings.JSON_OBJECT)) {
      format.set("schema", schema);
    } else {
      ObjectNode js = format.putObject("json_schema");
      js.put("name", schemaName.replaceAll("[^A-Za-z0-9_-]", "_"));
      js.set("schema", schema);
    }
    return root.toString();
  }

  private Completion completion(String body, long millis, int attempt) throws EndpointException {
    JsonNode reply;
    try {
      reply = JSON.readTree(body);
    } catch (IOException e) {
      throw new EndpointException(
          EndpointException.Kind.BAD_REPLY,
          attempt,
          "reply from " + settings.displayUrl() + " is not JSON: " + excerpt(body),
          e);
    }
    JsonNode choice = reply.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual()) {
      throw new EndpointException(
          EndpointException.Kind.BAD_REPLY,
          attempt,
          "reply from "
              + settings.displayUrl()
              + " has no choices[0].message.content: "
              + excerpt(body),
          null);
    }
    StopReason stop =
        "length".equals(choice.path("finish_reason").asText())
            ? StopReason.TOKEN_LIMIT
            : StopReason.END_OF_TEXT;
    String text = content.asText();
    Optional<String> kept = RepeatedElements.cut(text);
    if (kept.isPresent()) {
      text = kept.get();
      stop = StopReason.REPEATED_ELEMENT;
    }
    JsonNode usage = reply.path("usage");
    // A remote reply arrives whole, so its first token is its last. Its probabilities are read
    // from the whole reply the tokens spell; a cut list's field then counts the dropped repeats.
    return new Completion(
        text,
        stop,
        usage.path("prompt_tokens").asInt(0),
        usage.path("completion_tokens").asInt(0),
        millis,
        millis,
        fieldProbabilities(content.asText(), choice.path("logprobs").path("content")));
  }

  /**
   * Each field's probability from the reply's tokens, read the way the in-process runtime reads its
   * own: a server that gives no {@code logprobs} (or was not asked) leaves them empty, and the
   * record's confidence then rests on grounding and the rules alone. Tokens whose text does not add
   * up to the reply (a server that reports bytes differently) are not trusted either.
   */
  static Map<String, Double> fieldProbabilities(String reply, JsonNode tokens) {
    if (!tokens.isArray() || tokens.isEmpty()) {
      return Map.of();
    }
    TokenProbabilities probs = new TokenProbabilities();
    StringBuilder seen = new StringBuilder();
    for (JsonNode t : tokens) {
      String piece = t.path("token").asText("");
      JsonNode lp = t.path("logprob");
      probs.add(piece, lp.isNumber() ? (float) Math.exp(lp.asDouble()) : null);
      seen.append(piece);
    }
    if (!seen.toString().equals(reply)) {
      return Map.of();
    }
    return probs.byField(reply);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String excerpt(String body) {
    String s = body == null ? "" : body.strip().replace('\n', ' ');
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
