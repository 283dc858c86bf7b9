package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The accept threshold chosen on two evals' documents pooled, not on either alone. */
class CalibrateCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void needsModels() {
    assumeTrue(Files.isDirectory(Path.of("../shared/models")), "needs ../shared/models");
  }

  private static String doc(String id, String total, double confidence, boolean accepted) {
    String gold =
        "{\"company\":\"KEDAI MAJU\",\"date\":\"14/05/2018\",\"address\":\"NO 12, JALAN MAWAR\","
            + "\"total\":\"23.90\"}";
    String fields = gold.replace("23.90", total);
    return "{\"doc\":\""
        + id
        + "\",\"gold\":"
        + gold
        + ",\"systems\":{\"rules\":{\"fields\":{}},\"m.gguf\":{\"fields\":"
        + fields
        + ",\"accepted\":"
        + accepted
        + ",\"reason\":"
        + (accepted ? "null" : "\"low_confidence\"")
        + ",\"confidence\":"
        + confidence
        + "},\"m.gguf+rules\":{\"fields\":"
        + fields
        + "}}}\n";
  }

  private int calibrate(String... args) {
    return new CommandLine(new DocExtract())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void theThresholdComesFromEveryPooledDocument() throws Exception {
    Path a = Files.createDirectories(dir.resolve("fold0"));
    Files.writeString(
        a.resolve("documents.jsonl"),
        doc("1.jpg", "23.90", 0.9, true) + doc("2.jpg", "2.39", 0.6, false));
    Path b = Files.createDirectories(dir.resolve("fold1"));
    Files.writeString(
        b.resolve("documents.jsonl"),
        doc("3.jpg", "23.90", 0.95, true) + doc("4.jpg", "23.90", 0.7, false));
    Path copy = dir.resolve("receipt.yaml");

    int code =
        calibrate(
            "calibrate",
            "--pipeline",
            "pipelines/receipt.yaml",
            "--from",
            a + "," + b.resolve("documents.jsonl"),
            "--write-pipeline",
            copy.toString());

    assertEquals(0, code, err.toString());
    // At 0.6 the wrong total of 2.jpg is accepted (15 of 16 fields right); at 0.7 three
    // documents are, all right. Fold 0 alone would have chosen 0.9.
    assertTrue(out.toString().contains("`review: {minConfidence: 0.700}`"), out.toString());
    assertTrue(out.toString().contains("4 documents pooled from 2 evals"), out.toString());
    String written = Files.readString(copy);
    assertTrue(written.contains("minConfidence: 0.700"), written);
    assertTrue(written.contains("# chosen by eval on 4 documents pooled from 2 evals"), written);
  }

  @Test
  void aDocumentInTwoEvalsIsRefusedRatherThanCountedTwice() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.writeString(a, doc("1.jpg", "23.90", 0.9, true));
    Files.writeString(b, doc("1.jpg", "23.90", 0.9, true));

    int code =
        calibrate("calibrate", "--pipeline", "pipelines/receipt.yaml", "--from", a + "," + b);

    assertEquals(2, code);
    assertTrue(err.toString().contains("1.jpg is in two files"), err.toString());
  }
}
