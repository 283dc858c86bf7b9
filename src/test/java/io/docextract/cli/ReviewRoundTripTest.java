package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** review export → a person's edits → review import → eval and finetune data, for each format. */
class ReviewRoundTripTest {

  private static final ObjectMapper M = new ObjectMapper();
  // Emoji (two UTF-16 units, one code point), CJK and accented letters before the values.
  private static final String EMOJI =
      "🧾😀 收据 Café Ünïcode\nKEDAI MAJU SDN BHD\nNO 5, JALAN SATU\n"
          + "DATE 01/02/2019\nTOTAL 9.00\n";
  private static final String PLAIN = "TOKO BARU SDN BHD\nDATE 03/04/2019\nTOTAL 19.50\n";

  @TempDir Path tmp;

  private final Cli cli = new Cli();

  private Path setUp() throws Exception {
    Path a = Fixtures.write(tmp, "docs/a.txt", EMOJI);
    Path b = Fixtures.write(tmp, "docs/b.txt", PLAIN);
    String itemA =
        item(
            "ida",
            a,
            "ungrounded",
            "{\"company\":\"KEDAI MAJU SDN BHD\","
                + "\"date\":\"01/02/2019\",\"address\":\"1234567890\",\"total\":\"9.00\"}");
    String itemB = item("idb", b, "truncated", "{\"company\":\"TOKO");
    Fixtures.write(tmp, "run/review-00000-of-00001.jsonl", itemA + "\n" + itemB + "\n");
    return Fixtures.write(
        tmp,
        "p.yaml",
        """
        name: review-test
        input: none
        output: %s/run
        model: {path: %s, chatTemplate: false, contextSize: 2048, maxTokens: 96}
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            prompt: {instructions: Extract the receipt.}
        """
            .formatted(tmp, Fixtures.STORIES.toAbsolutePath()));
  }

  private static String item(String id, Path source, String reason, String raw) {
    ObjectNode o = M.createObjectNode();
    o.put("id", id);
    o.put("source", source.toString());
    o.put("content_type", "text/plain");
    o.put("document_type", "receipt");
    o.put("stage", "ValidateRecords");
    o.put("reason", reason);
    o.put("message", "test");
    o.put("raw_output", raw);
    o.put("excerpt", "");
    return o.toString();
  }

  @Test
  void labelStudioTasksCarrySpansInCodePointsAndCorrectionsComeBackAsGold() throws Exception {
    Path pipeline = setUp();
    Path tasksFile = tmp.resolve("ls/tasks.json");
    assertEquals(
        0,
        cli.run(
            "review",
            "export",
            "--format",
            "label-studio",
            "--pipeline",
            pipeline.toString(),
            "--run",
            tmp.resolve("run").toString(),
            "--out",
            tasksFile.toString()),
        cli.err.toString());
    String config = Files.readString(tmp.resolve("ls/tasks.json.config.xml"));
    for (String f : List.of("company", "date", "address", "total")) {
      assertTrue(config.contains("<Label value=\"" + f + "\"/>"), config);
      assertTrue(config.contains("<TextArea name=\"" + f + "\""), config);
    }
    ArrayNode tasks = (ArrayNode) M.readTree(tasksFile.toFile());
    assertEquals(2, tasks.size());
    JsonNode a = tasks.get(0);
    assertEquals(EMOJI.strip(), a.path("data").path("text").asText().strip());
    JsonNode prediction = a.path("predictions").get(0);
    assertEquals(0.0, prediction.path("score").asDouble(), "the invented address scores 0");
    int[] codePoints = EMOJI.codePoints().toArray();
    int spans = 0;
    for (JsonNode r : prediction.path("result")) {
      if (r.path("type").asText().equals("labels")) {
        spans++;
        JsonNode v = r.path("value");
        String byCodePoints =
            new String(
                codePoints,
                v.path("start").asInt(),
                v.path("end").asInt() - v.path("start").asInt());
        assertEquals(v.path("text").asText(), byCodePoints, r.toString());
      }
    }
    assertEquals(3, spans, "company, date and total are in the text; the address is not");
    assertTrue(tasks.get(1).path("predictions").isMissingNode(), "a cut reply pre-fills nothing");

    // What Label Studio exports after a reviewer fixed the address of task 1 and filled task 2.
    ObjectNode edited = ((ObjectNode) a).deepCopy();
    ArrayNode result = prediction.path("result").deepCopy();
    for (JsonNode r : result) {
      if (r.path("from_name").asText().equals("address")) {
        ((ArrayNode) r.path("value").path("text")).removeAll().add("NO 5, JALAN SATU");
      }
    }
    edited.putArray("annotations").addObject().put("was_cancelled", false).set("result", result);
    ObjectNode second = ((ObjectNode) tasks.get(1)).deepCopy();
    ArrayNode filled =
        second.putArray("annotations").addObject().put("was_cancelled", false).putArray("result");
    for (String[] fv :
        new String[][] {
          {"company", "TOKO BARU SDN BHD"},
          {"date", "03/04/2019"},
          {"address", ""},
          {"total", "19.50"}
        }) {
      ObjectNode r =
          filled.addObject().put("from_name", fv[0]).put("to_name", "text").put("type", "textarea");
      r.putObject("value").putArray("text").add(fv[1]);
    }
    Path exported = tmp.resolve("ls/export.json");
    M.writeValue(exported.toFile(), List.of(edited, second));

    assertEquals(
        0,
        cli.run(
            "review",
            "import",
            "--format",
            "label-studio",
            "--pipeline",
            pipeline.toString(),
            "--in",
            exported.toString(),
            "--out",
            tmp.resolve("corrected").toString()),
        cli.err.toString());
    List<String> gold = Files.readAllLines(tmp.resolve("corrected/gold.jsonl"));
    assertEquals(2, gold.size(), "nothing lost, nothing duplicated");
    JsonNode g1 = M.readTree(gold.get(0));
    assertEquals("NO 5, JALAN SATU", g1.path("fields").path("address").asText());
    assertEquals("9.00", g1.path("fields").path("total").asText());
    // The text as Tika gave it to the model (trailing newline dropped).
    assertEquals(
        EMOJI.strip(),
        Files.readString(tmp.resolve("corrected").resolve(g1.path("text").asText())));
    assertEquals(2, Files.readAllLines(tmp.resolve("corrected/records.jsonl")).size());

    assertGoldIsUsable(pipeline, tmp.resolve("corrected/gold.jsonl"));
  }

  @Test
  void jsonlAndCsvRoundTrip() throws Exception {
    Path pipeline = setUp();
    for (String format : List.of("jsonl", "csv")) {
      Path file = tmp.resolve("queue." + format);
      assertEquals(
          0,
          cli.run(
              "review",
              "export",
              "--format",
              format,
              "--pipeline",
              pipeline.toString(),
              "--run",
              tmp.resolve("run").toString(),
              "--out",
              file.toString()),
          cli.err.toString());
      String content = Files.readString(file);
      // A reviewer replaces the invented address (a spreadsheet quotes a cell with commas).
      Files.writeString(
          file,
          content.replace(
              "1234567890", format.equals("csv") ? "\"NO 5, JALAN SATU\"" : "NO 5, JALAN SATU"));
      Path out = tmp.resolve("corrected-" + format);
      assertEquals(
          0,
          cli.run(
              "review",
              "import",
              "--format",
              format,
              "--pipeline",
              pipeline.toString(),
              "--in",
              file.toString(),
              "--out",
              out.toString()),
          cli.err.toString());
      List<String> gold = Files.readAllLines(out.resolve("gold.jsonl"));
      assertEquals(2, gold.size(), format);
      JsonNode g1 = M.readTree(gold.get(0));
      assertEquals("NO 5, JALAN SATU", g1.path("fields").path("address").asText(), format);
      assertEquals(EMOJI.strip(), Files.readString(out.resolve(g1.path("text").asText())), format);
      assertGoldIsUsable(pipeline, out.resolve("gold.jsonl"));
    }
  }

  /** eval scores the gold as it is, and finetune's data step reads it as it is. */
  private void assertGoldIsUsable(Path pipeline, Path gold) throws Exception {
    Path evalOut = gold.resolveSibling("eval");
    assertEquals(
        0,
        cli.run(
            "eval",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            gold.toString(),
            "--text",
            "--rules-only",
            "--out",
            evalOut.toString()),
        cli.err.toString());
    assertTrue(Files.readString(evalOut.resolve("eval.md")).contains("2 documents"));
    Path train = gold.resolveSibling("train.jsonl");
    assertEquals(
        0,
        cli.run(
            "review",
            "export",
            "--format",
            "finetune",
            "--pipeline",
            pipeline.toString(),
            "--gold",
            gold.toString(),
            "--text",
            "--out",
            train.toString()),
        cli.err.toString());
    assertEquals(2, Files.readAllLines(train).size());
  }
}
