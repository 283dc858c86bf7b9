package io.docextract.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.model.Completion;
import io.docextract.testing.ChatCompletionServer;
import io.docextract.testing.Fixtures;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client against a loopback server around the real runtime, on good days and bad. */
class ChatEndpointTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"company\":"
          + "{\"type\":\"string\",\"maxLength\":40}},\"required\":[\"company\"],"
          + "\"additionalProperties\":false}";
  private static final List<String[]> TURNS =
      List.<String[]>of(new String[] {"user", "Document:\nACME STORES\nTOTAL 12.00"});

  private static EndpointSettings settings(String url, int timeout, int retries, int budget) {
    return new EndpointSettings(
        url, "test-model", null, timeout, retries, 48, budget, UUID.randomUUID().toString());
  }

  @Test
  void answersWithSchemaShapedJsonAndTheEndpointsTokenCounts() throws Exception {
    try (ChatCompletionServer server = new ChatCompletionServer(Fixtures.stories(1024, 48))) {
      EndpointSettings s = settings(server.url(), 30, 0, 5);
      Completion c = new ChatEndpoint(s).complete("Extract the company.", TURNS, "receipt", SCHEMA);
      JsonNode reply = new ObjectMapper().readTree(c.text());
      assertTrue(reply.has("company"), c.text());
      assertTrue(c.promptTokens() > 0 && c.generatedTokens() > 0, c.toString());
      assertEquals(1, RunBudget.spent(s));
    }
  }

  @Test
  void retriesServerErrorsUntilTheServerRecovers() throws Exception {
    try (ChatCompletionServer server =
        new ChatCompletionServer(Fixtures.stories(1024, 48)).failingFirst(2)) {
      EndpointSettings s = settings(server.url(), 30, 2, 10);
      Completion c = new ChatEndpoint(s).complete("Extract.", TURNS, "receipt", SCHEMA);
      assertTrue(c.text().startsWith("{"), c.text());
      assertEquals(3, server.requests());
      assertEquals(3, RunBudget.spent(s), "every attempt is taken from the budget");
    }
  }

  @Test
  void gives500AfterTheLastRetry() throws Exception {
    try (ChatCompletionServer server = new ChatCompletionServer(null).answering(500)) {
      EndpointException e =
          assertThrows(
              EndpointException.class,
              () ->
                  new ChatEndpoint(settings(server.url(), 10, 1, 10))
                      .complete("Extract.", TURNS, "receipt", SCHEMA));
      assertEquals(EndpointException.Kind.HTTP_ERROR, e.kind());
      assertEquals(2, e.attempts());
      assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    }
  }

  @Test
  void doesNotRetryARequestTheServerRefuses() throws Exception {
    try (ChatCompletionServer server = new ChatCompletionServer(null).answering(400)) {
      EndpointException e =
          assertThrows(
              EndpointException.class,
              () ->
                  new ChatEndpoint(settings(server.url(), 10, 3, 10))
                      .complete("Extract.", TURNS, "receipt", SCHEMA));
      assertEquals(1, e.attempts());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void timesOutASlowServer() throws Exception {
    try (ChatCompletionServer server = new ChatCompletionServer(null).delaying(3000)) {
      EndpointException e =
          assertThrows(
              EndpointException.class,
              () ->
                  new ChatEndpoint(settings(server.url(), 1, 0, 10))
                      .complete("Extract.", TURNS, "receipt", SCHEMA));
      assertEquals(EndpointException.Kind.TIMEOUT, e.kind());
    }
  }

  @Test
  void reportsAClosedPortAsAConnectionFailure() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EndpointException e =
        assertThrows(
            EndpointException.class,
            () ->
                new ChatEndpoint(settings("http://127.0.0.1:" + port + "/v1", 2, 0, 10))
                    .complete("Extract.", TURNS, "receipt", SCHEMA));
    assertEquals(EndpointException.Kind.CONNECTION, e.kind());
  }

  @Test
  void stopsAtTheBudgetWithoutAskingTheServer() throws Exception {
    try (ChatCompletionServer server = new ChatCompletionServer(Fixtures.stories(1024, 48))) {
      ChatEndpoint endpoint = new ChatEndpoint(settings(server.url(), 30, 2, 1));
      endpoint.complete("Extract.", TURNS, "receipt", SCHEMA);
      EndpointException e =
          assertThrows(
              EndpointException.class,
              () -> endpoint.complete("Extract.", TURNS, "receipt", SCHEMA));
      assertEquals(EndpointException.Kind.BUDGET, e.kind());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void sendsTheConversationAndTheSchemaAsResponseFormat() throws Exception {
    EndpointSettings s = settings("https://api.example.com/v1", 5, 0, 1);
    JsonNode body =
        new ObjectMapper()
            .readTree(new ChatEndpoint(s).requestBody("Extract.", TURNS, "receipt v2", SCHEMA));
    assertEquals("system", body.at("/messages/0/role").asText());
    assertEquals("user", body.at("/messages/1/role").asText());
    assertEquals("json_schema", body.at("/response_format/type").asText());
    assertEquals("receipt_v2", body.at("/response_format/json_schema/name").asText());
    assertEquals(
        40, body.at("/response_format/json_schema/schema/properties/company/maxLength").asInt());
    assertEquals(0, body.path("temperature").asInt());
  }

  @Test
  void sendsTheSchemaInEachResponseFormatsOwnPlace() throws Exception {
    EndpointSettings base = settings("http://127.0.0.1:1/v1", 5, 0, 1);
    ObjectMapper json = new ObjectMapper();
    JsonNode object =
        json.readTree(
            new ChatEndpoint(as(base, "json_object")).requestBody("s", TURNS, "receipt", SCHEMA));
    assertEquals("json_object", object.at("/response_format/type").asText());
    assertEquals(40, object.at("/response_format/schema/properties/company/maxLength").asInt());
    // JSON mode: the server promises JSON only; the schema is checked after, on our side.
    JsonNode mode =
        json.readTree(
            new ChatEndpoint(as(base, "json_mode")).requestBody("s", TURNS, "receipt", SCHEMA));
    assertEquals("json_object", mode.at("/response_format/type").asText());
    assertEquals(1, mode.path("response_format").size());
  }

  private static EndpointSettings as(EndpointSettings s, String format) {
    return new EndpointSettings(
        s.url(),
        s.model(),
        null,
        s.timeoutSeconds(),
        s.retries(),
        s.maxTokens(),
        s.maxRequests(),
        UUID.randomUUID().toString(),
        1,
        false,
        format);
  }

  @Test
  void readsEachFieldsProbabilityFromTheReplysLogprobs() throws Exception {
    String reply = "{\"company\": \"ACME\", \"total\": \"12.00\"}";
    JsonNode tokens =
        new ObjectMapper()
            .readTree(
                "["
                    + "{\"token\":\"{\\\"company\\\": \\\"\",\"logprob\":0.0},"
                    + "{\"token\":\"AC\",\"logprob\":-0.1},{\"token\":\"ME\",\"logprob\":-0.7},"
                    + "{\"token\":\"\\\", \\\"total\\\": \\\"\",\"logprob\":0.0},"
                    + "{\"token\":\"12.00\",\"logprob\":-0.02},{\"token\":\"\\\"}\",\"logprob\":0.0}]");
    var fields = ChatEndpoint.fieldProbabilities(reply, tokens);
    assertEquals(
        Math.exp(-0.7), fields.get("company"), 5e-4, fields.toString()); // rounded to 3 places
    assertEquals(Math.exp(-0.02), fields.get("total"), 5e-4, fields.toString());
    // Tokens that do not spell the reply (another server's byte pieces) are not trusted.
    assertTrue(ChatEndpoint.fieldProbabilities(reply + " ", tokens).isEmpty());
    assertTrue(ChatEndpoint.fieldProbabilities(reply, new ObjectMapper().readTree("[]")).isEmpty());
  }

  @Test
  void asksForLogprobsOnlyWhenTheSettingsSay() {
    EndpointSettings plain = settings("http://127.0.0.1:1/v1", 5, 0, 1);
    EndpointSettings withProbs =
        new EndpointSettings(
            plain.url(),
            plain.model(),
            null,
            5,
            0,
            48,
            1,
            UUID.randomUUID().toString(),
            2,
            true,
            EndpointSettings.JSON_SCHEMA);
    assertTrue(
        !new ChatEndpoint(plain).requestBody("s", TURNS, "receipt", SCHEMA).contains("logprobs"));
    assertTrue(
        new ChatEndpoint(withProbs)
            .requestBody("s", TURNS, "receipt", SCHEMA)
            .contains("\"logprobs\":true"));
  }
}
