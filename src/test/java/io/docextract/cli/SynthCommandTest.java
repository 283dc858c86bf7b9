package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

  @TempDir Path tmp;

  @Test
  void writesTheCorpusIntoTheFoldersThePipelineGlobsType() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        DocExtract.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "synth",
                "--out",
                tmp.toString(),
                "--count",
                "9",
                "--seed",
                "3",
                "--types",
                "invoice");
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("9 documents {invoice=9}"), out.toString());
    try (var files = Files.list(tmp.resolve("invoices"))) {
      assertEquals(9, files.count());
    }
    assertEquals(9, Files.readAllLines(tmp.resolve("gold.jsonl")).size());
  }

  @Test
  void anUnknownTypeIsABadCommandLine() {
    StringWriter err = new StringWriter();
    int code =
        DocExtract.commandLine()
            .setErr(new PrintWriter(err))
            .execute("synth", "--out", tmp.toString(), "--count", "2", "--types", "memo");
    assertEquals(2, code);
    assertTrue(err.toString().contains("memo"), err.toString());
  }
}
