package io.docextract.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.model.Completion;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.StopReason;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code /chat/completions} request answered by the runtime: the messages go through the
 * model's chat template, {@code response_format}'s JSON Schema becomes the grammar, and the reply
 * and token usage come back in the API's shape. Greedy decoding whatever the request's temperature:
 * extraction wants the same answer every time.
 */
public final class ChatCompletions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelRuntime runtime;
  private final String modelName;
  private final int maxTokensLimit;

  public ChatCompletions(ModelRuntime runtime, String modelName, int maxTokensLimit) {
    this.runtime = runtime;
    this.modelName = modelName;
    this.maxTokensLimit = maxTokensLimit;
  }

  public String modelName() {
    return modelName;
  }

  /**
   * @throws IllegalArgumentException for a request without messages or with a schema the grammar
   *     converter rejects: the client's fault, answered with HTTP 400
   */
  public ObjectNode answer(JsonNode request) throws InterruptedException {
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
    Completion c = runtime.complete(runtime.renderTurns(system, turns), grammar, maxTokens);

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

  /** {@code GET /v1/models}: the one model served. */
  public ObjectNode models() {
    ObjectNode list = JSON.createObjectNode();
    list.put("object", "list");
    list.putArray("data")
        .addObject()
        .put("id", modelName)
        .put("object", "model")
        .put("owned_by", "docextract");
    return list;
  }
}
