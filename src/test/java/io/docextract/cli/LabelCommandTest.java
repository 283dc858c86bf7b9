package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * label end to end with the real runtime (the tiny stories model, whose values are mostly wrong, so
 * model and rules disagree), then the proposals back through review import as gold.
 */
class LabelCommandTest {

  @TempDir Path tmp;

  private static final ObjectMapper M = new ObjectMapper();

  private Path setUp() {
    Fixtures.write(tmp, "in/a.txt", "KEDAI SATU SDN BHD\n01/02/2019\nTOTAL 9.00");
    Fixtures.write(tmp, "in/b.txt", "KEDAI DUA SDN BHD\n03/04/2019\nTOTAL 19.50");
    Fixtures.write(
        tmp,
        "rules.yaml",
        """
        documentType: receipt
        rules:
          - {field: total, pattern: '(?i)total\\s+([0-9.]+)', normalise: amount}
          - {field: company, pattern: '(?m)^(.*SDN BHD)$'}
        """);
    return Fixtures.write(
        tmp,
        "p.yaml",
        """
        name: label-test
        input: none
        output: %s/out
        model: {path: %s, chatTemplate: false, contextSize: 2048, maxTokens: 96}
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            rules: %s/rules.yaml
            normalise: {company: text, date: date, total: amount}
            prompt: {instructions: Extract the receipt.}
        """
            .formatted(tmp, Fixtures.STORIES.toAbsolutePath(), tmp));
  }

  @Test
  void writesPreFilledTasksMostUncertainFirstThatImportBackAsGold() throws Exception {
    Path pipeline = setUp();
    Cli cli = new Cli();
    Path tasks = tmp.resolve("label/tasks.json");
    int code =
        cli.run(
            "label",
            "--pipeline",
            pipeline.toString(),
            "--input",
            tmp.resolve("in").toString(),
            "--out",
            tasks.toString());
    assertEquals(0, code, cli.err.toString());
    assertEquals(2, M.readTree(tasks.toFile()).size());
    assertTrue(Files.readString(tmp.resolve("label/tasks.json.config.xml")).contains("<TextArea"));
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(tmp.resolve("label/tasks.jsonl"))) {
      lines.add(M.readTree(l));
    }
    assertEquals(2, lines.size());
    assertTrue(
        lines.get(0).get("uncertainty").asDouble() >= lines.get(1).get("uncertainty").asDouble(),
        "most uncertain first");
    for (JsonNode d : lines) {
      String company =
          d.get("id").asText().equals("a.txt") ? "KEDAI SATU SDN BHD" : "KEDAI DUA SDN BHD";
      JsonNode p = d.at("/proposals/company");
      assertEquals(company, p.at("/rules/0").asText(), d.toString());
      for (String f : List.of("company", "date", "address", "total")) {
        JsonNode q = d.at("/proposals/" + f);
        String source = q.get("source").asText();
        assertTrue(Set.of("model", "rules", "both", "none").contains(source), source);
        JsonNode chosen = d.at("/fields/" + f);
        if (source.equals("rules")) {
          assertEquals(q.at("/rules/0").asText(), chosen.asText(), d.toString());
        } else if (!source.equals("none")) {
          assertEquals(q.get("model"), chosen, d.toString());
        }
        boolean marked = false;
        for (JsonNode x : d.get("disagree")) {
          marked |= x.asText().equals(f);
        }
        // A disagreement is marked only where one side was chosen over the other.
        if (marked) {
          assertTrue(Set.of("model", "rules").contains(source), d.toString());
          assertTrue(q.get("rules").size() > 0, d.toString());
        }
      }
    }

    Cli back = new Cli();
    code =
        back.run(
            "review",
            "import",
            "--format",
            "jsonl",
            "--pipeline",
            pipeline.toString(),
            "--in",
            tmp.resolve("label/tasks.jsonl").toString(),
            "--out",
            tmp.resolve("corrected").toString());
    assertEquals(0, code, back.err.toString());
    List<String> gold = Files.readAllLines(tmp.resolve("corrected/gold.jsonl"));
    assertEquals(2, gold.size());
    assertTrue(gold.get(0).contains("\"text\""), gold.get(0));
  }
}
