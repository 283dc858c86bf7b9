package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate with real adapters on the real base: SmolLM2-135M with the shipped receipt LoRA against
 * the same base with the shipped NDA LoRA, which never saw a receipt, on ten receipts neither was
 * trained on (gold lines 301-310). The receipt adapter is promoted over the NDA one; the NDA
 * adapter is then refused as challenger to it, and the pipeline file is left as it was.
 */
class PromoteCommandTest {

  private static final Path GOLD = Path.of("../shared/data/sroie-train-text/gold.jsonl");

  @TempDir Path tmp;

  private Path adapter(String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("adapters").resolve(name));
    for (String f : List.of("adapter.gguf", "training.json", "manifest.json")) {
      Files.copy(Path.of("models/adapters", name + "-smollm2", f), dir.resolve(f));
    }
    return dir;
  }

  /**
   * The shipped SmolLM2 receipt pipeline (its prompt is the one both adapters get) on {@code a}.
   */
  private Path pipeline(Path adapter) throws Exception {
    String shipped = Files.readString(Path.of("pipelines/variants/receipt-smollm2.yaml"));
    String yaml =
        shipped
            .replace(
                "adapter: models/adapters/receipt-smollm2/adapter.gguf",
                "adapter: " + adapter.resolve("adapter.gguf"))
            .replace("output: out/receipt", "output: " + tmp.resolve("out"));
    assertTrue(yaml.contains(adapter.toString()), "the shipped variant's adapter line moved");
    return Fixtures.write(tmp, "receipt.yaml", yaml);
  }

  private static JsonNode json(Path p) throws Exception {
    return new ObjectMapper().readTree(p.toFile());
  }

  // Four pipeline runs of ten receipts on SmolLM2 + a LoRA: 459 s on a quiet machine, more than
  // a sixth of CI's time. Tagged slow: `mvn test -Dtest=PromoteCommandTest
  // -Dsurefire.excludedGroups=`
  // runs it; PromotionGateTest checks the decision itself in every build.
  @Tag("slow")
  @Test
  void theReceiptAdapterIsPromotedAndThenTheWorseNdaAdapterIsRefused() throws Exception {
    assumeTrue(
        Files.isRegularFile(GOLD) && Files.isRegularFile(Fixtures.SMOLLM2),
        "needs ../shared (the SROIE text and SmolLM2)");
    Path receipt = adapter("receipt");
    Path nda = adapter("nda");
    Path pipeline = pipeline(nda);
    String before = Files.readString(pipeline);

    Cli first = new Cli();
    int code =
        first.run(
            "promote",
            "--pipeline",
            pipeline.toString(),
            "--challenger",
            receipt.toString(),
            "--gold",
            GOLD.toString(),
            "--text",
            "--select",
            "300:310",
            "--out",
            tmp.resolve("gate1").toString());
    assertEquals(0, code, first.err.toString());
    JsonNode report = json(tmp.resolve("gate1/promote.json"));
    assertEquals("promoted", report.path("decision").asText(), report.toPrettyString());
    assertEquals(10, report.path("document_count").asInt());
    assertTrue(report.at("/field_exact/difference_low").asDouble() > 0, report.toPrettyString());
    String after = Files.readString(pipeline);
    assertTrue(after.contains("adapter: " + receipt.resolve("adapter.gguf")), after);
    assertTrue(after.contains("# promoted by docextract promote on "), after);
    // Everything else, comments included, is as it was; the earlier file is kept.
    assertEquals(
        before.lines().filter(l -> !l.contains("adapter")).toList(),
        after.lines().filter(l -> !l.contains("adapter")).toList());
    try (var files = Files.list(tmp.resolve("gate1"))) {
      Path backup =
          files.filter(f -> f.getFileName().toString().contains(".before-")).findFirst().get();
      assertEquals(before, Files.readString(backup));
    }
    assertTrue(Files.readString(tmp.resolve("gate1/promote.md")).contains("**promoted**"));
    // The promoted adapter's folder keeps the figures it was promoted on.
    JsonNode held = json(receipt.resolve("training.json")).get("held_apart").get(0);
    assertEquals("promoted", held.get("decision").asText());
    assertEquals(
        report.at("/field_exact/challenger").asDouble(), held.get("field_exact").asDouble(), 1e-9);

    Cli second = new Cli();
    code =
        second.run(
            "promote",
            "--pipeline",
            pipeline.toString(),
            "--challenger",
            nda.resolve("adapter.gguf").toString(),
            "--gold",
            GOLD.toString(),
            "--text",
            "--select",
            "300:310",
            "--out",
            tmp.resolve("gate2").toString());
    assertEquals(ExitCodes.REFUSED, code, second.err.toString());
    JsonNode refused = json(tmp.resolve("gate2/promote.json"));
    assertEquals("refused", refused.path("decision").asText(), refused.toPrettyString());
    assertTrue(refused.at("/field_exact/difference_high").asDouble() < 0, refused.toPrettyString());
    assertEquals(after, Files.readString(pipeline), "a refused challenger changes nothing");
    assertEquals(
        "refused", json(nda.resolve("training.json")).at("/held_apart/0/decision").asText());
    // The same documents, the roles swapped: the figures swap too.
    assertEquals(
        report.at("/field_exact/champion").asDouble(),
        refused.at("/field_exact/challenger").asDouble(),
        1e-9);
  }

  /**
   * The gate's wiring in every build, on the real runtime and two receipts (the slow test above
   * needs ten to show a difference): two documents are no evidence, so the NDA adapter is refused
   * as challenger to the receipt adapter, the pipeline file stays as it was, and the report says
   * which metric decided.
   */
  @Test
  void withoutEvidenceTheChallengerIsRefusedAndNothingChanges() throws Exception {
    assumeTrue(
        Files.isRegularFile(GOLD) && Files.isRegularFile(Fixtures.SMOLLM2),
        "needs ../shared (the SROIE text and SmolLM2)");
    Path pipeline = pipeline(adapter("receipt"));
    String before = Files.readString(pipeline);
    Cli cli = new Cli();
    int code =
        cli.run(
            "promote",
            "--pipeline",
            pipeline.toString(),
            "--challenger",
            adapter("nda").toString(),
            "--gold",
            GOLD.toString(),
            "--text",
            "--select",
            "300:302",
            "--metric",
            "f1",
            "--out",
            tmp.resolve("gate").toString());
    assertEquals(ExitCodes.REFUSED, code, cli.err.toString());
    JsonNode report = json(tmp.resolve("gate/promote.json"));
    assertEquals("refused", report.path("decision").asText(), report.toPrettyString());
    assertEquals("f1", report.path("metric").asText());
    assertEquals(2, report.path("document_count").asInt());
    assertTrue(report.has("field_f1"), report.toPrettyString());
    assertEquals(before, Files.readString(pipeline), "a refused challenger changes nothing");
  }

  @Test
  void anAdapterTrainedOnAnotherBaseIsRefusedBeforeAnyRun() throws Exception {
    assumeTrue(Files.isRegularFile(Fixtures.SMOLLM2), "needs ../shared/models");
    Path nda = adapter("nda");
    Path other = Files.createDirectories(tmp.resolve("adapters/other"));
    Files.copy(nda.resolve("adapter.gguf"), other.resolve("adapter.gguf"));
    Files.writeString(
        other.resolve("training.json"), "{\"base_sha256\": \"" + "0".repeat(64) + "\"}");
    Path pipeline = pipeline(nda);
    String before = Files.readString(pipeline);
    Cli cli = new Cli();
    int code =
        cli.run(
            "promote",
            "--pipeline",
            pipeline.toString(),
            "--challenger",
            other.toString(),
            "--gold",
            GOLD.toString(),
            "--out",
            tmp.resolve("gate").toString());
    assertEquals(ExitCodes.BAD_CONFIG, code);
    assertTrue(cli.err.toString().contains("was trained on base sha256 0000"), cli.err.toString());
    assertEquals(before, Files.readString(pipeline));
    assertEquals(
        ExitCodes.BAD_CONFIG,
        new Cli()
            .run(
                "promote",
                "--pipeline",
                pipeline.toString(),
                "--challenger",
                nda.toString(),
                "--gold",
                GOLD.toString()),
        "the pipeline's own adapter is no challenger");
  }
}
