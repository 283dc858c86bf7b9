package io.docextract.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.catalog.ModelStore;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.config.ReviewPolicy;
import io.docextract.model.ModelRuntime;
import io.docextract.testing.Fixtures;
import io.docextract.validate.RecordValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Training examples read back: the prompt is the runtime's, the target passes the schema. */
class FinetuneExportTest {

  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void kleisterGoldBecomesSchemaShapedTargetsAndThePromptIsTheRuntimes() throws Exception {
    DocumentTypeConfig nda =
        new DocumentTypeConfig(
            "nda",
            Fixtures.schema("nda"),
            List.of(),
            Fixtures.type("nda", List.of()).prompt(),
            Map.of(
                "effective_date",
                "date",
                "jurisdiction",
                "kleister",
                "party",
                "kleister",
                "term",
                "kleister"),
            null,
            false,
            null);
    JsonNode gold =
        M.readTree(
            "{\"effective_date\":[\"2001-04-18\"],\"jurisdiction\":[\"New_York\"],"
                + "\"party\":[\"Eric_Dean_Sprunk\",\"Nike_Inc.\"]}");
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      FinetuneExport export = new FinetuneExport(nda, runtime, 40);
      String text =
          "This Agreement is made on April 18, 2001 between Nike, Inc. and Eric Dean Sprunk.";
      JsonNode row = M.readTree(export.example("a.pdf", text, gold).toString());

      JsonNode target = M.readTree(row.get("completion").asText());
      assertEquals(
          "{\"effective_date\":\"2001-04-18\",\"jurisdiction\":\"New York\","
              + "\"party\":[\"Eric Dean Sprunk\",\"Nike Inc.\"],\"term\":null}",
          target.toString());
      assertTrue(new RecordValidator(Fixtures.schema("nda")).validate(target.toString()).ok());
      assertEquals(
          runtime.renderPrompt(nda.prompt(), text.substring(0, 40)),
          row.get("prompt").asText(),
          "the prompt must be the one the runtime sends");
      JsonNode messages = row.get("messages");
      assertEquals(
          List.of("system", "user", "assistant"),
          List.of(
              messages.get(0).get("role").asText(),
              messages.get(1).get("role").asText(),
              messages.get(2).get("role").asText()));
      assertEquals("Document:\n" + text.substring(0, 40), messages.get(1).get("content").asText());
      assertEquals(row.get("completion").asText(), messages.get(2).get("content").asText());
    }
  }

  @Test
  void valuesToBeCopiedAreTrainedAsPrintedAndLeftOutWhenTheModelCannotSeeThem() throws Exception {
    DocumentTypeConfig nda =
        new DocumentTypeConfig(
            "nda",
            Fixtures.schema("nda"),
            List.of(),
            Fixtures.type("nda", List.of()).prompt(),
            Map.of(
                "effective_date",
                "date",
                "jurisdiction",
                "kleister",
                "party",
                "kleister",
                "term",
                "kleister"),
            null,
            false,
            new ReviewPolicy(
                Set.of("jurisdiction", "party"),
                ReviewPolicy.DEFAULT_MIN_SIMILARITY,
                List.of(),
                null));
    JsonNode gold =
        M.readTree(
            "{\"effective_date\":[\"2001-04-18\"],\"jurisdiction\":[\"Oregon\"],"
                + "\"party\":[\"Eric_Dean_Sprunk\",\"Nike_Inc.\"],\"term\":[\"2_years\"]}");
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      FinetuneExport export = new FinetuneExport(nda, runtime, 200);
      String text = "Agreement between NIKE,\n INC. and Eric Dean Sprunk, for two (2) years.";
      JsonNode target =
          M.readTree(
              M.readTree(export.example("a.pdf", text, gold).toString())
                  .get("completion")
                  .asText());
      // The party as the text prints it; Oregon is nowhere in the text, so the model is taught
      // null rather than a value it cannot see; the term is not copied, so it keeps its form.
      assertEquals(
          "{\"effective_date\":\"2001-04-18\",\"jurisdiction\":null,"
              + "\"party\":[\"Eric Dean Sprunk\",\"NIKE, INC.\"],\"term\":\"2 years\"}",
          target.toString());
    }
  }

  @Test
  void invoiceLinesAreTrainedAsTheSchemasItemObjects() throws Exception {
    DocumentTypeConfig invoice =
        new DocumentTypeConfig(
            "invoice",
            Fixtures.schema("invoice"),
            List.of(),
            Fixtures.type("invoice", List.of()).prompt());
    JsonNode gold =
        M.readTree(
            "{\"issuer\":\"Acme\",\"invoice_number\":\"INV-1\","
                + "\"date\":\"2024-03-14\",\"currency\":\"USD\",\"amount\":669.6,\"amount_untaxed\":620,"
                + "\"lines\":[{\"price_unit\":\"45.00\",\"name\":\"Widget\",\"qty\":10}]}");
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      JsonNode row =
          M.readTree(
              new FinetuneExport(invoice, runtime, 400)
                  .example("a.pdf", "Acme INV-1 Widget 45.00 Total 669.60", gold)
                  .toString());
      JsonNode target = M.readTree(row.get("completion").asText());
      assertEquals(
          "[{\"name\":\"Widget\",\"price_unit\":\"45.00\"}]",
          target.get("lines").toString(),
          "the item's schema properties, in the schema's order");
      assertTrue(
          new RecordValidator(Fixtures.schema("invoice")).validate(target.toString()).ok(),
          target.toString());
    }
  }

  @Test
  void candidateDropoutLeavesSomeFieldsCandidatesOutOfTrainingPromptsOnly() throws Exception {
    DocumentTypeConfig nda =
        new PipelineLoader(ModelStore.fromEnvironment())
            .load(Path.of("pipelines/nda.yaml"), null)
            .documentTypes()
            .get(0);
    String text =
        "This Non-Disclosure Agreement is made as of April 18, 2001 by and between Nike, Inc., an"
            + " Oregon corporation, and Eric Dean Sprunk. This Agreement shall be governed by the"
            + " laws of the State of Oregon and remains in effect for two (2) years.";
    JsonNode gold = M.readTree("{\"effective_date\":[\"2001-04-18\"],\"party\":[\"Nike_Inc.\"]}");
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(2048, 64))) {
      FinetuneExport plain = new FinetuneExport(nda, runtime, 6000);
      String full = plain.example("a.pdf", text, gold).get("prompt").asText();
      assertTrue(full.contains("- jurisdiction: Oregon"), full);
      assertEquals(
          full,
          plain.withCandidateDropout(0, 7).example("a.pdf", text, gold).get("prompt").asText());
      String none =
          plain.withCandidateDropout(1, 7).example("a.pdf", text, gold).get("prompt").asText();
      assertFalse(none.contains("Candidate values:"), none);
      assertEquals(
          plain.example("a.pdf", text, gold).get("completion").asText(),
          plain.withCandidateDropout(1, 7).example("a.pdf", text, gold).get("completion").asText(),
          "the target does not depend on the candidates shown");

      // A quarter of the fields on average: over many documents some prompts lose a field, some
      // keep all, and the same document and seed always give the same prompt.
      FinetuneExport quarter = plain.withCandidateDropout(0.25, 7);
      Set<String> prompts = new java.util.HashSet<>();
      for (int i = 0; i < 20; i++) {
        String prompt = quarter.example("doc" + i, text, gold).get("prompt").asText();
        assertEquals(prompt, quarter.example("doc" + i, text, gold).get("prompt").asText());
        prompts.add(prompt);
      }
      assertTrue(prompts.contains(full), "some documents keep every candidate");
      assertTrue(prompts.size() > 2, "different fields are left out: " + prompts.size());
      assertThrows(IllegalArgumentException.class, () -> plain.withCandidateDropout(1.5, 7));
    }
  }
}
