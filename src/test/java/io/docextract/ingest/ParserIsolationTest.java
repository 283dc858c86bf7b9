package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.testing.HostileInputs;
import io.docextract.values.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser runs in its own JVM: a parse that exhausts that JVM's heap or outlives the timeout
 * costs one file, with a reason, and the same parser goes on with the next file.
 */
class ParserIsolationTest {

  private static final byte[] NEXT = "Invoice NEXT-1 total 5.00".getBytes(StandardCharsets.UTF_8);

  @Test
  void aParseThatRunsOutOfMemoryIsParseCrashedAndTheNextFileIsParsed() {
    // 24 MB of text kept in full needs ~100 MB of chars while the handler grows: over a 64 MB heap.
    ParseLimits limits = new ParseLimits(64L << 20, 50_000_000).withParserHeapMb(64);
    byte[] big = "Total 12.00 due now. ".repeat(1_200_000).getBytes(StandardCharsets.UTF_8);
    try (DocumentParser parser = new DocumentParser(limits)) {
      List<ParseOutcome> out = parser.parseAll(big, "big.txt");

      assertEquals(1, out.size());
      assertEquals(Reason.PARSE_CRASHED, out.get(0).failure(), out.get(0).message());
      assertTrue(out.get(0).message().contains("out of memory"), out.get(0).message());
      assertEquals(DocumentParser.sha256(big), out.get(0).id());
      assertEquals("big.txt", out.get(0).source());

      ParseOutcome next = parser.parse(NEXT, "next.txt");
      assertTrue(next.ok(), () -> next.failure() + " " + next.message());
    }
  }

  @Test
  void aParseOverTheTimeoutIsParseTimeoutAndTheNextFileIsParsed() throws Exception {
    assumeTrue(onPath("tesseract"), "needs tesseract-ocr (installed by .ci/run)");
    // OCR of a full page of small text takes Tesseract well over a second.
    String[] lines = new String[60];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "Line " + i + " of a long scanned statement with many words and 12.00 totals";
    }
    byte[] scan = HostileInputs.textImage(lines, 2400, 3700);
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeoutSeconds(1))) {
      parser.parse(NEXT, "warm.txt"); // the process start is not part of a file's time

      List<ParseOutcome> out = parser.parseAll(scan, "scan.png");

      assertEquals(1, out.size());
      assertEquals(Reason.PARSE_TIMEOUT, out.get(0).failure(), out.get(0).message());
      assertTrue(out.get(0).message().contains("timeoutSeconds=1"), out.get(0).message());
      ParseOutcome next = parser.parse(NEXT, "next.txt");
      assertTrue(next.ok(), () -> next.failure() + " " + next.message());
    }
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
