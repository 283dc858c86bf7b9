package io.docextract.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.endpoint.ChatEndpoint;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.testing.Fixtures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One server, one base, two document types: each type's name answers with its own adapter, as that
 * adapter answers in-process, and a name the server does not have is the client's error.
 */
class PerTypeServingTest {

  private static final String RECEIPT_ADAPTER =
      Path.of("models/adapters/receipt-smollm2/adapter.gguf").toAbsolutePath().toString();
  private static final String NDA_ADAPTER =
      Path.of("models/adapters/nda-smollm2/adapter.gguf").toAbsolutePath().toString();
  private static final String INSTRUCTIONS =
      "You extract data from shop receipts. Copy each value exactly.";
  private static final String DOCUMENT =
      "Document:\nKEDAI MAJU SDN BHD\nNO 12, JALAN MAWAR 3, 40400 SHAH ALAM\nDATE: 14/05/2018\n"
          + "TOTAL 23.90";

  @Test
  void eachTypeNameAnswersWithItsOwnAdapter() throws Exception {
    assumeTrue(Files.isRegularFile(Fixtures.SMOLLM2), "needs ../shared/models");
    String schema = Fixtures.schema("receipt").json();
    String grammar = Grammars.forSchema(schema);
    ModelSettings base = Fixtures.smollm2(160).withCachePrompt(false);
    try (ModelRuntime shared =
        ModelRuntime.acquire(
            base.withAdapter(RECEIPT_ADAPTER, null), List.of(RECEIPT_ADAPTER, NDA_ADAPTER))) {
      String prompt = shared.renderTurns(INSTRUCTIONS, List.<String[]>of(turn()));
      String receiptInProcess = shared.complete(prompt, grammar, null, 160, RECEIPT_ADAPTER).text();
      String ndaInProcess = shared.complete(prompt, grammar, null, 160, NDA_ADAPTER).text();
      assertNotEquals(receiptInProcess, ndaInProcess, "two adapters, two models");

      Map<String, ChatCompletions.Served> served = new LinkedHashMap<>();
      served.put("receipt", new ChatCompletions.Served(shared, RECEIPT_ADAPTER));
      served.put("nda", new ChatCompletions.Served(shared, NDA_ADAPTER));
      try (ChatServer server =
          new ChatServer(new ChatCompletions(served, 160), new InetSocketAddress("127.0.0.1", 0), 1)
              .start()) {
        assertEquals(receiptInProcess, ask(server, "receipt", schema));
        assertEquals(ndaInProcess, ask(server, "nda", schema));
        assertEquals(receiptInProcess, ask(server, "receipt", schema), "and back again");

        HttpClient http = HttpClient.newHttpClient();
        String models =
            http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertEquals("receipt", new ObjectMapper().readTree(models).at("/data/0/id").asText());
        assertEquals("nda", new ObjectMapper().readTree(models).at("/data/1/id").asText());
        HttpResponse<String> unknown =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/chat/completions"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"invoice\",\"messages\":[{\"role\":\"user\","
                                + "\"content\":\"x\"}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown model 'invoice'"), unknown.body());
      }
    }
  }

  private static String[] turn() {
    return new String[] {"user", DOCUMENT};
  }

  private static String ask(ChatServer server, String model, String schema) throws Exception {
    EndpointSettings s =
        new EndpointSettings(
            server.url(), model, null, 120, 0, 160, 10, UUID.randomUUID().toString());
    return new ChatEndpoint(s)
        .complete(INSTRUCTIONS, List.<String[]>of(turn()), "receipt", schema)
        .text();
  }
}
