package io.docextract.endpoint;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to ask a remote model.
 *
 * @param url base URL of the API, up to and including {@code /v1}; requests go to {@code url +
 *     "/chat/completions"}
 * @param model the model name the endpoint expects
 * @param apiKeyEnv name of the environment variable holding the bearer token, read on the worker at
 *     request time so the key never sits in the job's configuration; null for none
 * @param timeoutSeconds per attempt, connection and reply together
 * @param retries further attempts after a timeout, a refused connection, HTTP 429 or 5xx
 * @param maxTokens reply limit per request
 * @param maxRequests the budget: requests this run may send (attempts count once each)
 * @param budgetKey identifies the run's budget; requests of one run share it, another run starts
 *     afresh
 * @param concurrency requests one worker keeps in flight: a server batches what arrives together
 * @param logprobs ask for the reply tokens' log probabilities (OpenAI's {@code logprobs}), which
 *     give each field the model's own probability as the in-process runtime does; for servers that
 *     refuse the parameter, leave it off
 * @param responseFormat how the schema is sent: {@code json_schema} (OpenAI's {@code
 *     response_format: {type: json_schema, json_schema: {schema}}}, what llama.cpp's server, vLLM
 *     and Ollama take) or {@code json_object} ({@code {type: json_object, schema}}, what
 *     llama-cpp-python's server takes), or {@code json_mode} ({@code {type: json_object}} with no
 *     schema: the server promises JSON only, and the schema is checked here after, as every reply
 *     is; for servers whose schema grammar is slow, such as llama-cpp-python's on a large
 *     vocabulary, or that take no schema at all)
 */
public record EndpointSettings(
    String url,
    String model,
    String apiKeyEnv,
    int timeoutSeconds,
    int retries,
    int maxTokens,
    int maxRequests,
    String budgetKey,
    int concurrency,
    boolean logprobs,
    String responseFormat)
    implements Serializable {

  public static final String JSON_SCHEMA = "json_schema";
  public static final String JSON_OBJECT = "json_object";
  public static final String JSON_MODE = "json_mode";

  /** One request in flight per worker, no token probabilities: the second tier's defaults. */
  public EndpointSettings(
      String url,
      String model,
      String apiKeyEnv,
      int timeoutSeconds,
      int retries,
      int maxTokens,
      int maxRequests,
      String budgetKey) {
    this(
        url,
        model,
        apiKeyEnv,
        timeoutSeconds,
        retries,
        maxTokens,
        maxRequests,
        budgetKey,
        1,
        false,
        JSON_SCHEMA);
  }

  public EndpointSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(budgetKey, "budgetKey");
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("url must be http or https, got " + url);
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("timeoutSeconds must be >= 1, got " + timeoutSeconds);
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be 0..10, got " + retries);
    }
    if (maxTokens < 8) {
      throw new IllegalArgumentException("maxTokens must be >= 8, got " + maxTokens);
    }
    if (maxRequests < 0) {
      throw new IllegalArgumentException("maxRequests must be >= 0, got " + maxRequests);
    }
    if (!List.of(JSON_SCHEMA, JSON_OBJECT, JSON_MODE).contains(responseFormat)) {
      throw new IllegalArgumentException(
          "responseFormat must be json_schema, json_object or json_mode, got " + responseFormat);
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be 1..64, got " + concurrency);
    }
  }

  /** The endpoint's address without credentials or query, for lineage and logs. */
  public String displayUrl() {
    URI uri = URI.create(url);
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getPath() == null ? "" : uri.getPath());
  }
}
