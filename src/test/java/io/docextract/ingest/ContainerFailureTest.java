package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.testing.HostileInputs;
import io.docextract.values.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A part that hangs or kills the parser costs that part, not its container: the parts finished
 * before it are kept, it gets the reason, and the container is parsed again without it for its own
 * body and the parts after. Real Tika in the real parser process; the hang is Tesseract on a
 * full-page scan, the crash the parser JVM running out of its heap.
 */
class ContainerFailureTest {

  @Test
  void aPartOverTheTimeoutCostsThatPartAndTheBodyAndOtherPartsAreKept() throws IOException {
    assumeTrue(
        ParserIsolationTest.onPath("tesseract"), "needs tesseract-ocr (installed by .ci/run)");
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("note-1.txt", "Delivery note ONE for order 77".getBytes(StandardCharsets.UTF_8));
    parts.put("scan.png", fullPageScan());
    parts.put("note-3.txt", "Delivery note THREE for order 77".getBytes(StandardCharsets.UTF_8));
    byte[] eml = eml("Please find order 77 attached, three files.", parts);
    String id = DocumentParser.sha256(eml);

    List<ParseOutcome> out;
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeoutSeconds(2))) {
      out = parser.parseAll(eml, "mail/order.eml");
    }

    assertEquals(
        List.of(
            "mail/order.eml",
            "mail/order.eml!/note-1.txt",
            "mail/order.eml!/scan.png",
            "mail/order.eml!/note-3.txt"),
        out.stream().map(ParseOutcome::source).toList(),
        out.toString());
    ParsedDocument body = out.get(0).document();
    assertTrue(body.text().contains("Please find order 77 attached"), body.text());
    assertEquals(id, body.id());
    assertTrue(out.get(1).ok() && out.get(1).document().text().contains("note ONE"), "" + out);
    ParseOutcome scan = out.get(2);
    assertEquals(Reason.PARSE_TIMEOUT, scan.failure(), scan.message());
    assertTrue(scan.message().contains("timeoutSeconds=2"), scan.message());
    assertEquals(DocumentParser.sha256(parts.get("scan.png")), scan.id());
    assertEquals(new Provenance(id, "scan.png", 1), scan.provenance());
    ParsedDocument three = out.get(3).document();
    assertTrue(three.text().contains("note THREE"), three.text());
    assertEquals(new Provenance(id, "note-3.txt", 1), three.provenance());
  }

  @Test
  void aPartThatRunsTheParserOutOfMemoryCostsThatPartAndTheOthersAreKept() throws IOException {
    // As in ParserIsolationTest: 24 MB of text kept in full does not fit a 64 MB parser heap.
    ParseLimits limits = new ParseLimits(64L << 20, 50_000_000).withParserHeapMb(64);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      entry(z, "note-1.txt", "Delivery note ONE".getBytes(StandardCharsets.UTF_8));
      entry(
          z, "big.txt", "Total 12.00 due now. ".repeat(1_200_000).getBytes(StandardCharsets.UTF_8));
      entry(z, "note-3.txt", "Delivery note THREE".getBytes(StandardCharsets.UTF_8));
    }

    List<ParseOutcome> out;
    try (DocumentParser parser = new DocumentParser(limits)) {
      out = parser.parseAll(zip.toByteArray(), "in/batch.zip");
    }

    assertEquals(
        List.of("in/batch.zip!/note-1.txt", "in/batch.zip!/big.txt", "in/batch.zip!/note-3.txt"),
        out.stream().map(ParseOutcome::source).toList(),
        out.toString());
    assertTrue(out.get(0).ok() && out.get(0).document().text().contains("note ONE"), "" + out);
    assertEquals(Reason.PARSE_CRASHED, out.get(1).failure(), out.get(1).message());
    assertTrue(out.get(1).message().contains("out of memory"), out.get(1).message());
    assertEquals(1, out.get(1).provenance().depth());
    assertTrue(out.get(2).ok() && out.get(2).document().text().contains("note THREE"), "" + out);
  }

  @Test
  void aFileThatHangsItselfIsStillOneTimeout() throws IOException {
    assumeTrue(
        ParserIsolationTest.onPath("tesseract"), "needs tesseract-ocr (installed by .ci/run)");
    byte[] scan = fullPageScan();
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeoutSeconds(1))) {
      List<ParseOutcome> out = parser.parseAll(scan, "scan.png");

      assertEquals(1, out.size(), out.toString());
      assertEquals(Reason.PARSE_TIMEOUT, out.get(0).failure());
      assertEquals(Provenance.file(), out.get(0).provenance());
      assertEquals(DocumentParser.sha256(scan), out.get(0).id());
    }
  }

  /** A page of small text: Tesseract takes well over a couple of seconds on it. */
  private static byte[] fullPageScan() throws IOException {
    String[] lines = new String[60];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "Line " + i + " of a long scanned statement with many words and 12.00 totals";
    }
    return HostileInputs.textImage(lines, 2400, 3700);
  }

  private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(bytes);
    z.closeEntry();
  }

  /** A MIME e-mail with a text body and base64 attachments. */
  private static byte[] eml(String body, Map<String, byte[]> attachments) {
    String boundary = "----=_Part_77";
    StringBuilder m =
        new StringBuilder()
            .append("From: Emerald Office Supplies <billing@emerald.example>\r\n")
            .append("To: Harbourview <ap@harbourview.example>\r\n")
            .append("Subject: Order 77\r\nDate: Mon, 3 Mar 2025 10:00:00 +0000\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: multipart/mixed; boundary=\"")
            .append(boundary)
            .append("\"\r\n\r\n")
            .append("--")
            .append(boundary)
            .append("\r\n")
            .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
            .append(body)
            .append("\r\n");
    attachments.forEach(
        (name, bytes) ->
            m.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Type: ")
                .append(name.endsWith(".png") ? "image/png" : "text/plain")
                .append("; name=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Disposition: attachment; filename=\"")
                .append(name)
                .append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(bytes))
                .append("\r\n"));
    m.append("--").append(boundary).append("--\r\n");
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }
}
