package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** eval and review export end to end on a tiny gold set, with the real runtime and pipeline. */
class EvalCommandTest {

  @TempDir Path tmp;

  private final Cli cli = new Cli();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private Path setUp() {
    Fixtures.write(tmp, "gold/text/a.txt", "KEDAI SATU SDN BHD\n01/02/2019\nTOTAL 9.00");
    Fixtures.write(tmp, "gold/text/b.txt", "KEDAI DUA SDN BHD\n03/04/2019\nTOTAL 19.50");
    Fixtures.write(
        tmp,
        "gold/gold.jsonl",
        """
        {"doc": "a.jpg", "text": "text/a.txt", "fields": {"company": "KEDAI SATU SDN BHD", "date": "01/02/2019", "address": "", "total": "9.00"}}
        {"doc": "b.jpg", "text": "text/b.txt", "fields": {"company": "KEDAI DUA SDN BHD", "date": "03/04/2019", "address": "", "total": "19.50"}}
        """);
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
        name: eval-test
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
  void scoresRulesTheModelAndBothAndWritesTheReports() throws Exception {
    Path pipeline = setUp();
    int code =
        run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--out",
            tmp.resolve("eval").toString());
    assertEquals(0, code, err.toString());
    String md = Files.readString(tmp.resolve("eval/eval.md"));
    assertTrue(md.contains("| rules | 2 |"), md);
    assertTrue(md.contains("| stories260K.gguf | 2 |"), md);
    assertTrue(md.contains("| stories260K.gguf+rules | 2 |"), md);
    assertTrue(md.contains("A model's row is the pipeline's output"), "the rows are named: " + md);
    assertTrue(md.contains("| system | F1 − rules | field exact − rules |"), md);
    JsonNode systems = new ObjectMapper().readTree(tmp.resolve("eval/eval.json").toFile());
    // The rules find company and total in both documents; the date has no rule: 4 of 6 values.
    JsonNode rules = systems.get(0);
    assertEquals("rules", rules.get("system").asText());
    assertEquals(4, rules.get("overall").get("tp").asInt());
    assertEquals(2, rules.get("overall").get("fn").asInt());
    assertTrue(Files.readString(tmp.resolve("eval/report.html")).contains("f1-vs-speed"));
    List<String> docs = Files.readAllLines(tmp.resolve("eval/documents.jsonl"));
    assertEquals(2, docs.size(), "one line per gold document");
    JsonNode first = new ObjectMapper().readTree(docs.get(0));
    assertTrue(first.at("/systems/stories260K.gguf+rules/score/total").has("tp"), docs.get(0));
  }

  @Test
  void exportsTrainingExamplesThatReadBack() throws Exception {
    Path pipeline = setUp();
    Path file = tmp.resolve("train.jsonl");
    int code =
        run(
            "review",
            "export",
            "--format",
            "finetune",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--out",
            file.toString());
    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("a.jpg", first.get("id").asText());
    assertTrue(first.get("prompt").asText().contains("KEDAI SATU SDN BHD"));
    assertEquals(
        "{\"company\":\"KEDAI SATU SDN BHD\",\"date\":\"01/02/2019\",\"address\":\"\","
            + "\"total\":\"9.00\"}",
        first.get("completion").asText());
  }

  @Test
  void anUnknownFormatIsRefused() {
    Path pipeline = setUp();
    assertEquals(
        2,
        run(
            "review",
            "export",
            "--format",
            "csv",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--out",
            tmp.resolve("x").toString()));
  }

  @Test
  void aRecordedSplitSelectsItsDocumentsAndRefusesUnknownIds() throws Exception {
    Path pipeline = setUp();
    Path split =
        Fixtures.write(
            tmp, "split.json", "{\"train\": [\"a.jpg\"], \"tune\": [], \"test\": [\"b.jpg\"]}");
    int code =
        run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--rules-only",
            "--split",
            split + ":test",
            "--out",
            tmp.resolve("eval").toString());
    assertEquals(0, code, err.toString());
    List<String> docs = Files.readAllLines(tmp.resolve("eval/documents.jsonl"));
    assertEquals(1, docs.size());
    assertTrue(docs.get(0).contains("\"b.jpg\""), docs.get(0));
    String md = Files.readString(tmp.resolve("eval/eval.md"));
    assertTrue(md.contains("[split " + split + ":test]"), md);
    // Every figure carries its bootstrap interval, in the report and in the JSON.
    assertTrue(md.contains("| rules | 1 | 0.800 [0.800–0.800] |"), md);
    JsonNode rules = new ObjectMapper().readTree(tmp.resolve("eval/eval.json").toFile()).get(0);
    assertEquals(1.0, rules.at("/intervals/total.exact/low").asDouble(), 0);
    assertTrue(rules.at("/intervals/f1").has("high"), rules.toString());

    Path wrong =
        Fixtures.write(
            tmp, "wrong.json", "{\"train\": [], \"tune\": [], \"test\": [\"b.jpg\", \"zz.jpg\"]}");
    assertEquals(
        2,
        run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--rules-only",
            "--split",
            wrong + ":test",
            "--out",
            tmp.resolve("eval2").toString()));
    assertTrue(err.toString().contains("zz.jpg"), err.toString());
  }

  @Test
  void writesThePipelineWithTheThresholdOnlyWhenOneReachesTheTarget() throws Exception {
    Path pipeline = setUp();
    assertEquals(
        2,
        run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--rules-only",
            "--write-pipeline",
            tmp.resolve("x.yaml").toString()),
        "rules have no confidence");
    Path written = tmp.resolve("tuned.yaml");
    int code =
        run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            tmp.resolve("gold/gold.jsonl").toString(),
            "--text",
            "--out",
            tmp.resolve("eval").toString(),
            "--write-pipeline",
            written.toString());
    JsonNode coverage =
        new ObjectMapper().readTree(tmp.resolve("eval/coverage.json").toFile()).get(0);
    assertEquals("document", coverage.at("/reliability/0/score").asText(), coverage.toString());
    assertTrue(coverage.at("/reliability/0/ece").isNumber());
    assertTrue(Files.readString(tmp.resolve("eval/report.html")).contains("reliability"));
    if (coverage.get("chosen").isNull()) {
      assertEquals(1, code, "no threshold reaches the target: say so");
      assertTrue(err.toString().contains("not written"), err.toString());
      assertTrue(Files.notExists(written));
    } else {
      assertEquals(0, code, err.toString());
      String yaml = Files.readString(written);
      assertTrue(yaml.contains("# chosen by eval on " + tmp.resolve("gold/gold.jsonl")), yaml);
      assertTrue(yaml.contains("minConfidence: "), yaml);
    }
  }
}
