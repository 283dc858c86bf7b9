package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The real java-llama.cpp runtime, on real GGUF files. */
class ModelRuntimeTest {

  private static final String RECEIPT =
      "KEDAI MAJU SDN BHD\nNO 12, JALAN MAWAR 3, 40400 SHAH ALAM\nDATE: 14/05/2018\nTOTAL 23.90";

  @Test
  void sameSettingsShareOneLoadedModel() {
    try (ModelRuntime a = ModelRuntime.acquire(Fixtures.stories(512, 64));
        ModelRuntime b = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      assertSame(a, b);
    }
  }

  @Test
  void grammarConstrainedReplyIsJsonAndDeterministic() throws Exception {
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(1024, 200))) {
      ExtractionPrompt prompt = new ExtractionPrompt("Extract.", "{}", List.of());
      String text = runtime.renderPrompt(prompt, RECEIPT);
      // The first call computes the whole prompt in one batch; later calls reuse its cached KV
      // and recompute only the last token, which can tip a near-tie of this nonsense model's
      // logits. Determinism is promised for the same input from the same cache state.
      runtime.complete(text, grammar, 200);
      Completion first = runtime.complete(text, grammar, 200);
      Completion second = runtime.complete(text, grammar, 200);
      assertEquals(first.text(), second.text(), "temperature 0 must be deterministic");
      assertTrue(first.text().startsWith("{"), first.text());
      assertTrue(first.promptTokens() > 10);
      assertTrue(first.generatedTokens() > 0);
      if (first.stopReason() == StopReason.COMPLETE_JSON) {
        // The grammar guarantees the shape: a finished reply must satisfy the schema.
        Verdict v = new RecordValidator(Fixtures.schema("receipt")).validate(first.text());
        assertTrue(v.ok(), v.message());
      } else {
        assertEquals(StopReason.TOKEN_LIMIT, first.stopReason());
        assertEquals(200, first.generatedTokens());
      }
    }
  }

  /**
   * Two copies of the model answer two requests at once, each whole on one copy, and give what one
   * copy gives: the copies are the same weights, not a different model.
   */
  @Test
  void copiesOfTheModelAnswerSideBySideAsOneCopyWould() throws Exception {
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    // One thread each: the thread count splits sums differently, which can tip this nonsense
    // model's near-ties.
    ModelSettings one = Fixtures.stories(1024, 120).withCachePrompt(false).withThreads(1);
    String text;
    Completion alone;
    try (ModelRuntime runtime = ModelRuntime.acquire(one)) {
      assertEquals(1, runtime.copies());
      text = runtime.renderPrompt(new ExtractionPrompt("Extract.", "{}", List.of()), RECEIPT);
      alone = runtime.complete(text, grammar, 120);
    }
    ModelSettings two = one.withReplicas(2);
    assertEquals(2, two.concurrency());
    try (ModelRuntime runtime = ModelRuntime.acquire(two)) {
      assertEquals(2, runtime.copies());
      for (int i = 0; i < 4; i++) {
        assertEquals(alone.text(), runtime.complete(text, grammar, 120).text(), "sequential " + i);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Completion>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          replies.add(pool.submit(() -> runtime.complete(text, grammar, 120)));
        }
        for (Future<Completion> f : replies) {
          assertEquals(alone.text(), f.get().text());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aTinyTokenLimitIsReportedAsTruncation() throws Exception {
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      Completion c = runtime.complete("Receipt:", grammar, 8);
      assertEquals(StopReason.TOKEN_LIMIT, c.stopReason());
      assertTrue(c.truncated());
      assertFalse(c.text().isEmpty());
    }
  }

  /**
   * A grammar that admits one element only and at least three of them makes the model repeat: the
   * reply is cut after the first, closed, and says so; the tokens after the cut are not decoded.
   */
  @Test
  void anArrayThatStartsOverIsCutAfterItsLastDistinctElement() throws Exception {
    String grammar =
        "root ::= \"{\\\"lines\\\":[\" item \",\" item \",\" item (\",\" item)* \"]}\"\n"
            + "item ::= \"{\\\"name\\\":\\\"Widget\\\"}\"\n";
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      Completion c = runtime.complete("Invoice lines:", grammar, 60);
      assertEquals(StopReason.REPEATED_ELEMENT, c.stopReason(), c.text());
      assertEquals("{\"lines\":[{\"name\":\"Widget\"}]}", c.text());
      assertTrue(c.generatedTokens() < 60, "stopped at the repeat, not at the limit");
      JsonNode reply = new ObjectMapper().readTree(c.text());
      assertEquals(1, reply.get("lines").size());
    }
  }

  /**
   * A grammar with no way forward (no token can spell a NUL) makes llama.cpp sample a token the
   * grammar rejects and throw "Unexpected empty grammar stack" on its server thread; the stock
   * library lets that terminate the JVM. The patched one fails only the request, and the model
   * keeps serving.
   */
  @Test
  void aGrammarDeadEndFailsTheRequestNotTheJvm() throws Exception {
    assumeTrue(NativeLibrary.tokenProbabilities(), "needs docextract's patched native library");
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      ModelFailureException e =
          assertThrows(
              ModelFailureException.class,
              () -> runtime.complete("Receipt:", "root ::= \"{\" [\\x00]\n", 8));
      assertTrue(e.getMessage().contains("grammar"), e.getMessage());
      Completion after = runtime.complete("Receipt:", null, 4);
      assertTrue(after.generatedTokens() > 0, "the model must still answer after the failure");
    }
  }

  @Test
  void aPromptLargerThanTheSlotIsRefusedBeforeDecoding() {
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      String longText = "once upon a time ".repeat(400);
      assertThrows(ContextOverflowException.class, () -> runtime.complete(longText, null, 64));
    }
  }

  /** The instruction model's reply is real text: the chat template reaches the prompt. */
  @Test
  void instructionModelAnswersThroughItsChatTemplate() throws Exception {
    assumeTrue(Files.isRegularFile(Fixtures.SMOLLM2), "needs ../shared/models");
    ModelSettings settings = Fixtures.smollm2(160);
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    try (ModelRuntime runtime = ModelRuntime.acquire(settings)) {
      ExtractionPrompt prompt =
          new ExtractionPrompt(
              "You extract data from shop receipts.", Fixtures.schema("receipt").json(), List.of());
      String text = runtime.renderPrompt(prompt, RECEIPT);
      assertTrue(text.contains("<|im_start|>") || text.startsWith("system"), text);
      assertTrue(text.contains("KEDAI MAJU"), "the document must be in the prompt");
      Completion c = runtime.complete(text, grammar, 160);
      assertEquals(StopReason.COMPLETE_JSON, c.stopReason(), c.text());
      JsonNode node = new ObjectMapper().readTree(c.text());
      assertFalse(node.path("company").asText().isBlank(), c.text());
      // The patched native library (native/README.md) returns the model's token probabilities:
      // every field of the reply gets one, a probability.
      java.util.Set<String> fields = new java.util.HashSet<>();
      node.fieldNames().forEachRemaining(fields::add);
      assertEquals(fields, c.fieldProbabilities().keySet(), c.fieldProbabilities().toString());
      c.fieldProbabilities().values().forEach(p -> assertTrue(p > 0 && p <= 1, "probability " + p));
    }
  }
}
