package io.docextract.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.endpoint.ChatEndpoint;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Completion;
import io.docextract.model.ModelRuntime;
import io.docextract.testing.Fixtures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The served runtime answers the product's own client, and refuses what it cannot answer. */
class ChatServerTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"total\":"
          + "{\"type\":\"string\",\"maxLength\":12}},\"required\":[\"total\"]}";

  @Test
  void servesSchemaConstrainedCompletionsToTheEndpointClient() throws Exception {
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(1024, 48));
        ChatServer server =
            new ChatServer(
                    new ChatCompletions(runtime, "stories", 64),
                    new InetSocketAddress("127.0.0.1", 0),
                    1)
                .start()) {
      EndpointSettings s =
          new EndpointSettings(
              server.url(), "stories", null, 30, 0, 48, 10, UUID.randomUUID().toString());
      Completion c =
          new ChatEndpoint(s)
              .complete(
                  "Extract the total.",
                  List.<String[]>of(new String[] {"user", "Document:\nTOTAL 12.00"}),
                  "receipt",
                  SCHEMA);
      assertTrue(new ObjectMapper().readTree(c.text()).has("total"), c.text());
      assertTrue(c.generatedTokens() > 0);
      assertEquals(1, server.served());

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> models =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "/models")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals("stories", new ObjectMapper().readTree(models.body()).at("/data/0/id").asText());
      assertEquals(400, post(http, server, "not json").statusCode());
      HttpResponse<String> noUser =
          post(http, server, "{\"messages\":[{\"role\":\"system\"," + "\"content\":\"x\"}]}");
      assertEquals(400, noUser.statusCode());
      assertTrue(noUser.body().contains("at least one user message"), noUser.body());
    }
  }

  private static HttpResponse<String> post(HttpClient http, ChatServer server, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + "/chat/completions"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
