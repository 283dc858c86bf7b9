package io.docextract.ingest;

import io.docextract.review.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns a file's bytes into text with Tika's auto-detecting parser. Embedded documents (an
 * e-mail's attachments, files inside an archive) are parsed too and their text appended, so an
 * invoice mailed as a PDF attachment is read as one document.
 *
 * <p>Expected failures (corrupt, encrypted, empty files) come back as a {@link ParseOutcome} with
 * a reason; anything else is a bug and is thrown.
 */
public final class DocumentParser {

  private static final String[] KEPT_METADATA = {
    "dc:title", "dc:creator", "dcterms:created", "xmpTPg:NPages", "Message-From", "dc:subject"
  };

  private final ParseLimits limits;
  private final AutoDetectParser parser;

  public DocumentParser(ParseLimits limits) {
    this.limits = limits;
    this.parser = new AutoDetectParser();
  }

  public ParseOutcome parse(byte[] bytes, String source) {
    String id = sha256(bytes);
    if (bytes.length > limits.maxFileBytes()) {
      return ParseOutcome.failed(
          id,
          Reason.TOO_LARGE,
          "file has " + bytes.length + " bytes, limit is " + limits.maxFileBytes(),
          null);
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(source));
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    long start = System.nanoTime();
    boolean cut = false;
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      return ParseOutcome.failed(id, Reason.ENCRYPTED, message(e), contentType(metadata));
    } catch (ZeroByteFileException e) {
      return ParseOutcome.failed(id, Reason.EMPTY_TEXT, "the file is empty", contentType(metadata));
    } catch (SAXException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        return ParseOutcome.failed(id, Reason.TIKA_ERROR, message(e), contentType(metadata));
      }
      cut = true;
    } catch (TikaException | IOException e) {
      return ParseOutcome.failed(id, Reason.TIKA_ERROR, message(e), contentType(metadata));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String text = handler.toString().strip();
    if (text.isEmpty()) {
      return ParseOutcome.failed(
          id,
          Reason.EMPTY_TEXT, "Tika found no text in the document", contentType(metadata));
    }
    return ParseOutcome.parsed(
        new ParsedDocument(
            id, source, contentType(metadata), text, cut, kept(metadata), bytes.length, millis));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Map<String, String> kept(Metadata metadata) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : KEPT_METADATA) {
      String value = metadata.get(name);
      if (value != null && !value.isBlank()) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static String contentType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    return type == null ? null : type.split(";")[0].strip();
  }

  private static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  private static String message(Throwable e) {
    Throwable root = e;
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      sb.append(" / caused by ").append(root.getClass().getSimpleName()).append(": ")
          .append(root.getMessage());
    }
    // Tika names parser instances (PDFParser@1a2b3c); drop the hash so reruns give equal items.
    String text = sb.toString().replaceAll("@[0-9a-f]{4,}\\b", "");
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
