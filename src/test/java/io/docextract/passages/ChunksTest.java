package io.docextract.passages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunksTest {

  private static String contract(int paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      sb.append("Section ")
          .append(i)
          .append(". ")
          .append("The parties agree to keep the information confidential. ".repeat(4))
          .append("\n\n");
    }
    return sb.toString();
  }

  @Test
  void chunksFitTheBudgetOverlapByAPassageAndCoverAPrefix() {
    String text = contract(30);
    List<int[]> r = Chunks.ranges(text, 1200, 300, 4);
    assertEquals(4, r.size(), "capped at maxChunks");
    for (int i = 0; i < r.size(); i++) {
      assertTrue(r.get(i)[1] - r.get(i)[0] <= 1200, "chunk " + i + " fits");
      if (i > 0) {
        assertTrue(r.get(i)[0] < r.get(i - 1)[1], "chunk " + i + " overlaps the one before");
        assertTrue(r.get(i)[0] > r.get(i - 1)[0], "and moves forward");
      }
    }
    String covered = Chunks.covered(text, 1200, 300, 4);
    assertEquals(text.substring(0, r.get(3)[1]), covered);
    assertTrue(covered.length() < text.length(), "the rest past maxChunks is cut");
    assertEquals(1, Chunks.ranges("short", 1200, 300, 4).size());
  }

  @Test
  void fieldsMergeByPolicy() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> answers =
        Arrays.asList(
            json.readTree("{\"date\":null,\"party\":[\"Acme Corp\"],\"law\":\"Delaware\"}"),
            null,
            json.readTree(
                "{\"date\":\"2004-05-01\",\"party\":[\"ACME  corp\",\"Bolt LLC\"],"
                    + "\"law\":\"New York\"}"),
            json.readTree("{\"date\":\"2005-01-01\",\"party\":[],\"law\":\"New York\"}"));
    JsonNode merged =
        FieldMerge.merge(
            answers,
            Map.of(
                "date",
                FieldMerge.Policy.FIRST,
                "party",
                FieldMerge.Policy.UNION,
                "law",
                FieldMerge.Policy.MAJORITY));
    assertEquals("2004-05-01", merged.get("date").asText(), "first value given, nulls skipped");
    assertEquals(
        "[\"Acme Corp\",\"Bolt LLC\"]",
        merged.get("party").toString(),
        "union, case and spacing folded");
    assertEquals("New York", merged.get("law").asText());
    JsonNode none =
        FieldMerge.merge(
            List.of(json.readTree("{\"date\":null}")), Map.of("date", FieldMerge.Policy.FIRST));
    assertTrue(none.get("date").isNull(), "no chunk gave a value: the field stays null");
  }
}
