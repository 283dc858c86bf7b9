package io.docextract.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.model.Completion;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code /chat/completions} request answered by the runtime: the messages go through the
 * model's chat template, {@code response_format}'s JSON Schema becomes the grammar, and the reply
 * and token usage come back in the API's shape. Greedy decoding whatever the request's temperature:
 * extraction wants the same answer every time.
 *
 * <p>Several models may be served, one per document type: the request's {@code model} picks one
 * (the first when it names none; a server of one model answers any name). Types whose models differ
 * only in their LoRA adapter share one runtime, and each request switches on its own adapter.
 */
public final class ChatCompletions {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A served model: the runtime that answers and the adapter it switches on (null: none). */
  public record Served(ModelRuntime runtime, String adapter) {}

  private final Map<String, Served> byName;
  private final int maxTokensLimit;

  /** Serves {@code byName}'s models; the first is the default. */
  public ChatCompletions(Map<String, Served> byName, int maxTokensLimit) {
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("nothing to serve");
    }
    this.byName = new LinkedHashMap<>(byName);
    this.maxTokensLimit = maxTokensLimit;
  }

  /** One runtime with its own adapter, under one name. */
  public ChatCompletions(ModelRuntime runtime, String modelName, int maxTokensLimit) {
    this(Map.of(modelName, new Served(runtime, runtime.settings().adapterPath())), maxTokensLimit);
  }

  /**
   * @throws IllegalArgumentException for a request without messages or with a schema the grammar
   *     converter rejects: the client's fault, answered with HTTP 400
   */
  public ObjectNode answer(JsonNode request) throws InterruptedException {
    String modelName = request.path("model").asText("");
    // One model served answers whatever name the client was configured with, as llama.cpp's
    // server does; among several, the name picks the type.
    if (modelName.isEmpty() || byName.size() == 1) {
      modelName = byName.keySet().iterator().next();
    }
    Served served = byName.get(modelName);
    if (served == null) {
      throw new IllegalArgumentException(
          "unknown model '" + modelName + "': this server has " + byName.keySet());
    }
    String system = "";
    List<String[]> turns = new ArrayList<>();
    for (JsonNode m : request.path("messages")) {
      String role = m.path("role").asText();
      if (role.equals("system")) {
        system = m.path("content").asText();
      } else {
        turns.add(new String[] {role, m.path("content").asText()});
      }
    }
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("messages must hold at least one user message");
    }
    JsonNode schema = request.path("response_format").path("json_schema").path("schema");
    String grammar = schema.isObject() ? Grammars.forSchema(schema.toString()) : null;
    int maxTokens = Math.min(maxTokensLimit, request.path("max_tokens").asInt(maxTokensLimit));
    ModelRuntime runtime = served.runtime();
    Completion c =
        runtime.complete(
            runtime.renderTurns(system, turns), grammar, null, maxTokens, served.adapter());

    ObjectNode reply = JSON.createObjectNode();
    reply.put("object", "chat.completion");
    reply.put("created", System.currentTimeMillis() / 1000);
    reply.put("model", modelName);
    ObjectNode choice = reply.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", c.text());
    choice.put("finish_reason", c.stopReason() == StopReason.TOKEN_LIMIT ? "length" : "stop");
    reply
        .putObject("usage")
        .put("prompt_tokens", c.promptTokens())
        .put("completion_tokens", c.generatedTokens())
        .put("total_tokens", c.promptTokens() + c.generatedTokens());
    return reply;
  }

  /** {@code GET /v1/models}: the models served, the default first. */
  public ObjectNode models() {
    ObjectNode list = JSON.createObjectNode();
    list.put("object", "list");
    ArrayNode data = list.putArray("data");
    byName
        .keySet()
        .forEach(
            n ->
                data.addObject().put("id", n).put("object", "model").put("owned_by", "docextract"));
    return list;
  }
}
