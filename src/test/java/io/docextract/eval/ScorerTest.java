package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.Normaliser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorer on cases whose right answer is worked out by hand. */
class ScorerTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final Path KLEISTER = Path.of("../shared/data/kleister-nda-train");

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }

  private static Map<String, Normaliser> nda() {
    Map<String, Normaliser> f = new LinkedHashMap<>();
    f.put("effective_date", Normaliser.DATE);
    f.put("jurisdiction", Normaliser.KLEISTER);
    f.put("party", Normaliser.KLEISTER);
    f.put("term", Normaliser.KLEISTER);
    return f;
  }

  @Test
  void multiValuedFieldsScoreEachValue() throws Exception {
    Scorer s = new Scorer(Map.of("party", Normaliser.KLEISTER));
    // gold {A, B}; predicted {A, C}: tp 1, fp 1, fn 1
    s.add(
        json("{\"party\":[\"Acme_Inc.\",\"Bob_Smith\"]}"),
        json("{\"party\":[\"Acme, Inc.\",\"Carol\"]}"));
    FieldScore p = s.perField().get("party");
    assertEquals(1, p.tp());
    assertEquals(1, p.fp());
    assertEquals(1, p.fn());
    assertEquals(0.5, p.f1(), 1e-9);
    assertEquals(0, p.exact());
  }

  @Test
  void aMissingKeyMeansNoValueOnEitherSide() throws Exception {
    Scorer s = new Scorer(nda());
    // no term in the gold; the prediction says null: correct. A term where none is due: a decoy.
    s.add(
        json("{\"jurisdiction\":[\"Oregon\"]}"),
        json("{\"jurisdiction\":\"Oregon\",\"term\":null}"));
    s.add(
        json("{\"jurisdiction\":[\"Oregon\"]}"),
        json("{\"jurisdiction\":\"Oregon\",\"term\":\"3 years\"}"));
    FieldScore term = s.perField().get("term");
    assertEquals(0, term.tp());
    assertEquals(1, term.fp());
    assertEquals(0, term.fn());
    assertEquals(1, term.exact());
    assertEquals(0.5, s.documentExactMatch(), 1e-9);
  }

  @Test
  void normalisationDecidesEquality() throws Exception {
    Scorer s =
        new Scorer(
            Map.of(
                "date", Normaliser.DATE, "total", Normaliser.AMOUNT, "company", Normaliser.TEXT));
    s.add(
        json("{\"date\":\"25/12/2018\",\"total\":\"9.00\",\"company\":\"BOOK TA .K SDN BHD\"}"),
        json("{\"date\":\"2018-12-25\",\"total\":\"RM9\",\"company\":\"book ta .k  sdn bhd\"}"));
    assertEquals(1.0, s.overall().f1(), 1e-9);
    assertEquals(1.0, s.documentExactMatch(), 1e-9);
  }

  @Test
  void nothingPredictedIsAllMisses() throws Exception {
    Scorer s = new Scorer(Map.of("total", Normaliser.AMOUNT));
    s.add(json("{\"total\":\"9.00\"}"), null);
    assertEquals(0, s.overall().f1(), 1e-9);
    assertEquals(1, s.overall().fn());
  }

  /** Kleister-NDA's metric: the dataset's own answers score 1; natural-form predictions too. */
  @Test
  void reproducesTheKleisterMetricOnItsExpectedFile() throws Exception {
    List<String> expected = Files.readAllLines(KLEISTER.resolve("expected.tsv")).subList(0, 5);
    List<String> gold = Files.readAllLines(KLEISTER.resolve("gold.jsonl")).subList(0, 5);
    Scorer s = new Scorer(nda());
    for (int i = 0; i < 5; i++) {
      s.add(json(gold.get(i)).get("fields"), fromExpectedLine(expected.get(i)));
    }
    assertEquals(1.0, s.overall().f1(), 1e-9);

    // Line 1 as a model would write it, plus one decoy party: P = 4/5, R = 4/4.
    Scorer natural = new Scorer(nda());
    natural.add(
        json(gold.get(0)).get("fields"),
        json(
            "{\"effective_date\":\"April 18, 2001\","
                + "\"jurisdiction\":\"Oregon\",\"party\":[\"Eric Dean Sprunk\",\"Nike, Inc.\","
                + "\"Nike Europe\"],\"term\":null}"));
    assertEquals(0.8, natural.overall().precision(), 1e-9);
    assertEquals(1.0, natural.overall().recall(), 1e-9);
    assertEquals(2 * 0.8 / 1.8, natural.overall().f1(), 1e-9);
  }

  /** "key=value key=value" with repeated keys, as in expected.tsv. */
  private static JsonNode fromExpectedLine(String line) {
    ObjectNode o = M.createObjectNode();
    for (String pair : line.strip().split("\\s+")) {
      int eq = pair.indexOf('=');
      String k = pair.substring(0, eq);
      (o.has(k) ? (com.fasterxml.jackson.databind.node.ArrayNode) o.get(k) : o.putArray(k))
          .add(pair.substring(eq + 1));
    }
    return o;
  }
}
