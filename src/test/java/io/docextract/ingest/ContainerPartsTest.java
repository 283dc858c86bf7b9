package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.testing.Containers;
import io.docextract.testing.HostileInputs;
import io.docextract.values.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    DocumentParser two =
        new DocumentParser(
            ParseLimits.defaults()
                .withContainerLimits(2, 5, ParseLimits.DEFAULT_MAX_EXPANDED_BYTES));
    try (two) {
      List<ParseOutcome> out = two.parseAll(zip(5, 20), "five.zip");

      assertEquals(
          List.of("five.zip!/note-1.txt", "five.zip!/note-2.txt", "five.zip!/note-3.txt"),
          out.stream().map(ParseOutcome::source).toList());
      assertTrue(out.get(0).ok() && out.get(1).ok());
      ParseOutcome limit = out.get(2);
      assertEquals(Reason.LIMIT_EXCEEDED, limit.failure());
      assertTrue(
          limit.message().contains("maxParts=2") && limit.message().contains("2 further part(s)"),
          limit.message());
    }
  }

  @Test
  void partsPastTheExpandedBytesLimitGoToReviewAndEarlierOnesAreRead() throws IOException {
    // Three 4 KB entries with room for 10 KB: the third does not fit.
    DocumentParser small =
        new DocumentParser(ParseLimits.defaults().withContainerLimits(100, 5, 10_000));
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

  @Test
  void anOutlookMessageIsItsBodyAndEachAttachmentWithProvenance() throws IOException {
    byte[] msg =
        Containers.msg(
            "Invoice MSG-77 attached",
            "Hello Harbourview team,\r\nplease find invoice MSG-77 attached.\r\nRegards, Emerald",
            attachments());
    List<ParseOutcome> out = PARSER.parseAll(msg, "mail/invoice.msg");

    assertEquals(3, out.size(), out.toString());
    ParsedDocument body = out.get(0).document();
    assertEquals("mail/invoice.msg", body.source());
    assertEquals("application/vnd.ms-outlook", body.contentType());
    assertTrue(body.text().contains("please find invoice MSG-77 attached"), body.text());
    assertTrue(!body.text().contains("Ergonomic desk chair"), "attachment text in the body");
    assertEquals(Provenance.file(), body.provenance());
    assertPart(
        out.get(1),
        "mail/invoice.msg",
        "invoice-MSG-77.pdf",
        body.id(),
        1,
        "application/pdf",
        "Ergonomic desk chair");
    assertPart(
        out.get(2),
        "mail/invoice.msg",
        "notes.txt",
        body.id(),
        1,
        "text/plain",
        "Deliver to loading bay 3");
  }

  @Test
  void aTarIsEachEntryWithProvenance() throws IOException {
    byte[] tar = Containers.tar(attachments(), false);
    String id = DocumentParser.sha256(tar);
    List<ParseOutcome> out = PARSER.parseAll(tar, "in/batch.tar");

    assertEquals(2, out.size(), out.toString());
    assertPart(
        out.get(0),
        "in/batch.tar",
        "invoice-MSG-77.pdf",
        id,
        1,
        "application/pdf",
        "Ergonomic desk chair");
    assertPart(
        out.get(1), "in/batch.tar", "notes.txt", id, 1, "text/plain", "Deliver to loading bay 3");
  }

  @Test
  void aGzippedTarIsEachEntryWithProvenance() throws IOException {
    byte[] tgz = Containers.tar(attachments(), true);
    List<ParseOutcome> out = PARSER.parseAll(tgz, "in/batch.tar.gz");

    assertEquals(2, out.size(), out.toString());
    assertPart(
        out.get(0),
        "in/batch.tar.gz",
        "invoice-MSG-77.pdf",
        DocumentParser.sha256(tgz),
        1,
        "application/pdf",
        "Ergonomic desk chair");
    assertPart(
        out.get(1),
        "in/batch.tar.gz",
        "notes.txt",
        DocumentParser.sha256(tgz),
        1,
        "text/plain",
        "Deliver to loading bay 3");
  }

  @Test
  void aGzippedFileIsOneDocumentUnderTheFilesOwnIdAndPlace() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
      z.write("Invoice GZ-1 total 12.00\n".getBytes(StandardCharsets.UTF_8));
    }
    List<ParseOutcome> out = PARSER.parseAll(gz.toByteArray(), "in/invoice.txt.gz");

    assertEquals(1, out.size(), out.toString());
    ParsedDocument d = out.get(0).document();
    assertEquals("in/invoice.txt.gz", d.source());
    assertEquals(DocumentParser.sha256(gz.toByteArray()), d.id());
    assertEquals(Provenance.file(), d.provenance());
    assertTrue(d.text().contains("Invoice GZ-1"), d.text());
  }

  @Test
  void aPdfIsItsPagesAndEachEmbeddedFileWithProvenance() throws IOException {
    byte[] pdf =
        Containers.pdfWithEmbeddedFiles("Statement PDF-EMB-5 with two attachments", attachments());
    List<ParseOutcome> out = PARSER.parseAll(pdf, "in/statement.pdf");

    assertEquals(3, out.size(), out.toString());
    ParsedDocument body = out.get(0).document();
    assertEquals("in/statement.pdf", body.source());
    assertEquals(Provenance.file(), body.provenance());
    assertTrue(body.text().contains("Statement PDF-EMB-5"), body.text());
    assertTrue(!body.text().contains("Ergonomic desk chair"), "attachment text in the body");
    assertPart(
        out.get(1),
        "in/statement.pdf",
        "invoice-MSG-77.pdf",
        body.id(),
        1,
        "application/pdf",
        "Ergonomic desk chair");
    assertPart(
        out.get(2),
        "in/statement.pdf",
        "notes.txt",
        body.id(),
        1,
        "text/plain",
        "Deliver to loading bay 3");
  }

  @Test
  void aPdfWithoutTextOfItsOwnIsOnlyItsEmbeddedFiles() throws IOException {
    byte[] pdf = Containers.pdfWithEmbeddedFiles(null, attachments());
    List<ParseOutcome> out = PARSER.parseAll(pdf, "in/portfolio.pdf");

    assertEquals(2, out.size(), out.toString());
    assertPart(
        out.get(0),
        "in/portfolio.pdf",
        "invoice-MSG-77.pdf",
        DocumentParser.sha256(pdf),
        1,
        "application/pdf",
        "Ergonomic desk chair");
  }

  /** An invoice PDF and a text note, as attachments or archive entries. */
  private static Map<String, byte[]> attachments() throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put(
        "invoice-MSG-77.pdf",
        HostileInputs.pdf("Invoice MSG-77 Ergonomic desk chair total 249.00", null));
    parts.put(
        "notes.txt", "Deliver to loading bay 3 before noon.\n".getBytes(StandardCharsets.UTF_8));
    return parts;
  }

  private static void assertPart(
      ParseOutcome o,
      String file,
      String path,
      String parentId,
      int depth,
      String contentType,
      String text) {
    assertTrue(o.ok(), () -> o.source() + ": " + o.failure() + " " + o.message());
    ParsedDocument d = o.document();
    assertEquals(file + "!/" + path, d.source());
    assertEquals(new Provenance(parentId, path, depth), d.provenance());
    assertEquals(contentType, d.contentType());
    assertTrue(d.text().contains(text), d.text());
  }

  /** A zip of {@code n} text entries of {@code size} bytes each. */
  private static byte[] zip(int n, int size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 1; i <= n; i++) {
        zip.putNextEntry(new ZipEntry("note-" + i + ".txt"));
        String line = "Note " + i + " total " + i + ".00 ";
        zip.write(
            line.repeat(size / line.length() + 1)
                .substring(0, size)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
