package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PipelineThresholdTest {

  private static final String C = "# chosen by eval on g.jsonl [all], 2026-12-05: x";

  @SuppressWarnings("unchecked")
  private static Object minConfidence(String yaml, int type) {
    Map<String, Object> root = new Yaml().load(yaml);
    var types = (java.util.List<Map<String, Object>>) root.get("documentTypes");
    return ((Map<String, Object>) types.get(type).get("review")).get("minConfidence");
  }

  @Test
  void replacesTheValueAndKeepsEveryOtherLine() {
    String yaml =
        """
        # head comment
        name: p
        documentTypes:
          - name: invoice
            review: {grounded: [a]}   # a note
          - name: receipt
            review:
              # why 0.5
              minConfidence: 0.5
            prompt: {instructions: x}
        """;
    String out = PipelineThreshold.apply(yaml, "receipt", 0.6124, C);
    assertEquals(0.612, minConfidence(out, 1));
    assertEquals(
        yaml.replace("      minConfidence: 0.5\n", "      " + C + "\n      minConfidence: 0.612\n"),
        out);
    // Run again: the earlier eval comment is replaced, not stacked.
    String again = PipelineThreshold.apply(out, "receipt", 0.7, C);
    assertEquals(1, again.split("chosen by eval", -1).length - 1, again);
    assertTrue(again.contains("# why 0.5"));
  }

  @Test
  void addsTheKeyToAFlowReviewABlockReviewOrNoReview() {
    String yaml =
        """
        documentTypes:
          - name: invoice
            review: {grounded: [a]}   # a note
          - name: nda
            review:
              grounded: [b]
            checks: []
          - name: receipt
            schema: s.json
        """;
    String out = PipelineThreshold.apply(yaml, "invoice", 0.8, C);
    assertEquals(0.8, minConfidence(out, 0));
    assertTrue(
        out.contains(
            "    " + C + "\n    review: {minConfidence: 0.800, grounded: [a]}" + "   # a note"),
        out);
    out = PipelineThreshold.apply(out, "nda", 0.85, C);
    assertEquals(0.85, minConfidence(out, 1));
    out = PipelineThreshold.apply(out, "receipt", 0.9, C);
    assertEquals(0.9, minConfidence(out, 2));
    assertEquals(0.8, minConfidence(out, 0), "other types untouched");
  }

  @Test
  void theShippedReceiptPipelineKeepsItsComments() throws Exception {
    String yaml = Files.readString(Path.of("pipelines/receipt.yaml"));
    String out = PipelineThreshold.apply(yaml, "receipt", 0.5, C);
    assertEquals(0.5, minConfidence(out, 0));
    assertEquals(yaml.lines().count() + 1, out.lines().count());
    assertTrue(out.contains("# The adapter learnt this exact prompt"));
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PipelineThreshold.apply("documentTypes:\n  - name: a\n", "b", 0.5, C));
  }
}
