package io.docextract.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.values.Normaliser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreAnnotationTest {

  private static final ObjectMapper M = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  private static final Map<String, Normaliser> NORM =
      Map.of(
          "company", Normaliser.TEXT,
          "date", Normaliser.DATE,
          "total", Normaliser.AMOUNT,
          "items", Normaliser.TEXT);

  private static JsonNode schema() throws Exception {
    return json(
        """
        {"type": "object", "properties": {
          "company": {"type": "string"}, "date": {"type": "string"},
          "total": {"type": "string"}, "items": {"type": "array", "items": {"type": "string"}}}}
        """);
  }

  @Test
  void picksPerFieldAndMarksWhereModelAndRulesDisagree() throws Exception {
    PreAnnotation.Document d =
        PreAnnotation.propose(
            "a.txt",
            "in/a.txt",
            schema(),
            NORM,
            json("{\"company\": \"KEDAI SATU\", \"date\": \"01/02/2019\", \"total\": \"9.00\"}"),
            Map.of("company", 0.9, "date", 0.3, "total", 0.95),
            0.3,
            Map.of(
                "company", List.of("KEDAI SATU"),
                "date", List.of("02/02/2019"),
                "total", List.of("19.00"),
                "items", List.of("tea", "cake")),
            "low_confidence");
    Map<String, PreAnnotation.Proposal> by = new java.util.HashMap<>();
    d.fields().forEach(p -> by.put(p.field(), p));
    // Agreeing: the model's value, no mark.
    assertEquals("both", by.get("company").source());
    // Disagreeing, the model unsure (0.3 < 0.5): the rules' match.
    assertEquals("rules", by.get("date").source());
    assertEquals("02/02/2019", by.get("date").value().asText());
    // Disagreeing, the model sure (0.95): its value.
    assertEquals("model", by.get("total").source());
    assertEquals("9.00", by.get("total").value().asText());
    // Only the rules found items: all of them, as the schema's array.
    assertEquals("rules", by.get("items").source());
    assertEquals(json("[\"tea\", \"cake\"]"), by.get("items").value());
    assertEquals(List.of("date", "total"), d.disagreements());
    assertEquals(0.7, d.uncertainty(), 1e-9);
    JsonNode line = d.json("receipt", "KEDAI SATU ...");
    assertEquals(json("[\"date\", \"total\"]"), line.get("disagree"));
    assertEquals("receipt", line.get("document_type").asText());
    assertEquals("02/02/2019", line.at("/fields/date").asText());
  }

  @Test
  void aFailedDocumentHasNoModelValuesAndComesFirst() throws Exception {
    PreAnnotation.Document failed =
        PreAnnotation.propose(
            "b.txt", "in/b.txt", schema(), NORM, null, Map.of(), null, Map.of(), "invalid_json");
    assertEquals(1.0, failed.uncertainty(), 0);
    assertTrue(failed.values().get("company").isNull());
    assertEquals("none", failed.fields().get(0).source());
    PreAnnotation.Document sure =
        PreAnnotation.propose(
            "c.txt",
            "in/c.txt",
            schema(),
            NORM,
            json("{\"company\": \"X\"}"),
            Map.of("company", 1.0),
            1.0,
            Map.of(),
            null);
    PreAnnotation.Document unsure =
        PreAnnotation.propose(
            "a.txt",
            "in/a.txt",
            schema(),
            NORM,
            json("{\"company\": \"X\"}"),
            Map.of("company", 0.4),
            0.4,
            Map.of("company", List.of("Y")),
            null);
    assertEquals(
        List.of("b.txt", "a.txt", "c.txt"),
        PreAnnotation.order(List.of(sure, unsure, failed)).stream()
            .map(PreAnnotation.Document::id)
            .toList());
  }

  @Test
  void theLabelStudioTaskIsPreFilledWithTheProposal() throws Exception {
    PreAnnotation.Document d =
        PreAnnotation.propose(
            "a.txt",
            "in/a.txt",
            schema(),
            NORM,
            json("{\"company\": \"KEDAI SATU\", \"total\": \"9.00\"}"),
            Map.of("company", 0.2, "total", 0.2),
            0.2,
            Map.of("total", List.of("19.00")),
            null);
    JsonNode t = PreAnnotation.task(d, "KEDAI SATU\nTOTAL 19.00", "receipt", 3, "v1", schema());
    assertEquals(3, t.get("id").asInt());
    assertEquals("a.txt", t.at("/data/doc_id").asText());
    assertEquals(
        "uncertainty 0.80; model and rules disagree on total", t.at("/data/message").asText());
    JsonNode result = t.at("/predictions/0/result");
    assertEquals("company", result.get(0).get("from_name").asText());
    assertEquals("19.00", result.get(1).at("/value/text/0").asText());
  }
}
