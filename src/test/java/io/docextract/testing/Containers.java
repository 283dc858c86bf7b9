package io.docextract.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Containers generated in code, each holding named parts: an Outlook {@code .msg} (an OLE2 compound
 * file laid out as [MS-OXMSG] says, written with POI's POIFS, since no library here writes Outlook
 * messages), tar and tar.gz archives (commons-compress), and a PDF whose EmbeddedFiles name tree
 * holds files (PDFBox).
 */
public final class Containers {

  private Containers() {}

  /**
   * An Outlook message: subject, sender, one recipient, a plain-text body and the given attachments
   * (by value), in the property streams and storages Outlook writes.
   */
  public static byte[] msg(String subject, String body, Map<String, byte[]> attachments)
      throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DirectoryEntry root = fs.getRoot();
      string(root, 0x0037, subject); // PR_SUBJECT
      string(root, 0x1000, body); // PR_BODY
      string(root, 0x0C1A, "Accounts Payable"); // PR_SENDER_NAME
      string(root, 0x0C1F, "ap@example.com"); // PR_SENDER_EMAIL_ADDRESS
      string(root, 0x0E04, "Harbourview Finance"); // PR_DISPLAY_TO
      string(root, 0x001A, "IPM.Note"); // PR_MESSAGE_CLASS
      // Top-level property stream: 32-byte header, then fixed-size properties.
      ByteBuffer props = header(32);
      props.position(8);
      props.putInt(1).putInt(attachments.size()).putInt(1).putInt(attachments.size());
      props.position(32);
      root.createDocument("__properties_version1.0", new ByteArrayInputStream(props.array()));

      DirectoryEntry recip = root.createDirectory("__recip_version1.0_#00000000");
      string(recip, 0x3001, "Harbourview Finance"); // PR_DISPLAY_NAME
      string(recip, 0x39FE, "finance@harbourview.example"); // PR_SMTP_ADDRESS
      recip.createDocument(
          "__properties_version1.0",
          new ByteArrayInputStream(
              withInt(header(8), 0x0C150003, 1).array())); // PR_RECIPIENT_TYPE = MAPI_TO

      int i = 0;
      for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
        DirectoryEntry att = root.createDirectory(String.format("__attach_version1.0_#%08X", i++));
        string(att, 0x3707, a.getKey()); // PR_ATTACH_LONG_FILENAME
        string(att, 0x3704, shortName(a.getKey())); // PR_ATTACH_FILENAME
        string(att, 0x3703, extension(a.getKey())); // PR_ATTACH_EXTENSION
        att.createDocument(
            "__substg1.0_37010102", // PR_ATTACH_DATA_BIN
            new ByteArrayInputStream(a.getValue()));
        att.createDocument(
            "__properties_version1.0",
            new ByteArrayInputStream(
                withInt(header(8), 0x37050003, 1).array())); // PR_ATTACH_METHOD = ATTACH_BY_VALUE
      }
      root.createDirectory("__nameid_version1.0");
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /** A tar of the given entries, in order; gzip-compressed when {@code gzip}. */
  public static byte[] tar(Map<String, byte[]> entries, boolean gzip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(sink)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
        entry.setSize(e.getValue().length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    return bytes.toByteArray();
  }

  /**
   * A one-page PDF with {@code pageText} (none when null) whose document-level EmbeddedFiles name
   * tree holds the given files, as "attach file" in a PDF editor writes them.
   */
  public static byte[] pdfWithEmbeddedFiles(String pageText, Map<String, byte[]> files)
      throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      if (pageText != null) {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          cs.newLineAtOffset(72, 700);
          cs.showText(pageText);
          cs.endText();
        }
      }
      Map<String, PDComplexFileSpecification> specs = new LinkedHashMap<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        PDEmbeddedFile embedded = new PDEmbeddedFile(doc, new ByteArrayInputStream(f.getValue()));
        embedded.setSize(f.getValue().length);
        embedded.setSubtype(f.getKey().endsWith(".pdf") ? "application/pdf" : "text/plain");
        embedded.setCreationDate(Calendar.getInstance());
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(f.getKey());
        spec.setFileUnicode(f.getKey());
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        specs.put(f.getKey(), spec);
      }
      PDEmbeddedFilesNameTreeNode leaf = new PDEmbeddedFilesNameTreeNode();
      leaf.setNames(specs);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setKids(List.of(leaf));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      doc.getDocumentCatalog().setNames(names);
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A Unicode string property stream ({@code __substg1.0_XXXX001F}, UTF-16LE). */
  private static void string(DirectoryEntry dir, int id, String value) throws IOException {
    dir.createDocument(
        String.format("__substg1.0_%04X001F", id),
        new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
  }

  private static ByteBuffer header(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The header followed by one fixed-size PT_LONG property entry (tag, flags, value). */
  private static ByteBuffer withInt(ByteBuffer header, int tag, int value) {
    ByteBuffer b = ByteBuffer.allocate(header.capacity() + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put(header.array());
    b.putInt(tag).putInt(0x6).putInt(value).putInt(0);
    return b;
  }

  private static String shortName(String name) {
    String ext = extension(name);
    String stem = name.substring(0, name.length() - ext.length());
    return (stem.length() > 8 ? stem.substring(0, 6) + "~1" : stem).toUpperCase() + ext;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot);
  }
}
