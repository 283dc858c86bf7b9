package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.review.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Containers yield one document per part with provenance, within the container limits. */
class ContainerPartsTest {

  private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

  @AfterAll
  static void close() {
    PARSER.close();
  }

  @Test
  void anEmailIsItsBodyAndEachAttachmentWithProvenance() throws IOException {
    byte[] eml = Files.readAllBytes(Path.of("sample-docs/email/invoice-from-emerald.eml"));
    List<ParseOutcome> out = PARSER.parseAll(eml, "mail/invoice.eml");

    assertEquals(2, out.size(), out.toString());
    ParsedDocument body = out.get(0).document();
    assertEquals("mail/invoice.eml", body.source());
    assertEquals("message/rfc822", body.contentType());
    assertTrue(body.text().contains("Hello Harbourview team"), body.text());
    assertTrue(!body.text().contains("Ergonomic desk chair"), "attachment text in the body");
    assertEquals(Provenance.file(), body.provenance());
    ParsedDocument pdf = out.get(1).document();
    assertEquals("mail/invoice.eml!/invoice-EOS-3391.pdf", pdf.source());
    assertEquals("application/pdf", pdf.contentType());
    assertTrue(pdf.text().contains("Ergonomic desk chair"), pdf.text());
    assertEquals(new Provenance(body.id(), "invoice-EOS-3391.pdf", 1), pdf.provenance());
  }

  @Test
  void partsPastMaxPartsAreOneLimitItemAndTheFirstPartsAreRead() throws IOException {
    DocumentParser two = new DocumentParser(
        ParseLimits.defaults().withContainerLimits(2, 5, ParseLimits.DEFAULT_MAX_EXPANDED_BYTES));
    try (two) {
      List<ParseOutcome> out = two.parseAll(zip(5, 20), "five.zip");

      assertEquals(List.of("five.zip!/note-1.txt", "five.zip!/note-2.txt", "five.zip!/note-3.txt"),
          out.stream().map(ParseOutcome::source).toList());
      assertTrue(out.get(0).ok() && out.get(1).ok());
      ParseOutcome limit = out.get(2);
      assertEquals(Reason.LIMIT_EXCEEDED, limit.failure());
      assertTrue(limit.message().contains("maxParts=2")
          && limit.message().contains("2 further part(s)"), limit.message());
    }
  }

  @Test
  void partsPastTheExpandedBytesLimitGoToReviewAndEarlierOnesAreRead() throws IOException {
    // Three 4 KB entries with room for 10 KB: the third does not fit.
    DocumentParser small = new DocumentParser(
        ParseLimits.defaults().withContainerLimits(100, 5, 10_000));
    try (small) {
      List<ParseOutcome> out = small.parseAll(zip(3, 4000), "three.zip");

      assertEquals(3, out.size(), out.toString());
      assertTrue(out.get(0).ok() && out.get(1).ok());
      assertEquals(Reason.LIMIT_EXCEEDED, out.get(2).failure());
      assertTrue(out.get(2).message().contains("maxExpandedBytes=10000"), out.get(2).message());
      assertNull(out.get(2).document());
    }
  }

  @Test
  void anArchiveWithNoTextAnywhereIsEmptyText() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("blank.txt"));
      zip.write("   \n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    List<ParseOutcome> out = PARSER.parseAll(bytes.toByteArray(), "blank.zip");

    assertEquals(1, out.size(), out.toString());
    assertEquals(Reason.EMPTY_TEXT, out.get(0).failure());
    assertEquals("blank.zip", out.get(0).source());
  }

  /** A zip of {@code n} text entries of {@code size} bytes each. */
  private static byte[] zip(int n, int size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 1; i <= n; i++) {
        zip.putNextEntry(new ZipEntry("note-" + i + ".txt"));
        String line = "Note " + i + " total " + i + ".00 ";
        zip.write(line.repeat(size / line.length() + 1).substring(0, size)
            .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
