package io.docextract.ingest;

import io.docextract.values.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The parse itself, run inside the parser process ({@link ParseWorker}): Tika's auto-detecting
 * parser over one file, each embedded part (attachment, archive entry, file inside a PDF) parsed as
 * a document of its own by {@link EmbeddedParts} within the container limits.
 *
 * <p>A document or part without text is not a document (a logo inside a DOCX, an empty attachment);
 * a file that yields no document at all comes back as {@code empty_text}.
 */
final class TikaParse {

  private static final String[] KEPT_METADATA = {
    "dc:title",
    "dc:creator",
    "dcterms:created",
    "xmpTPg:NPages",
    "Message-From",
    "dc:subject",
    "pdf:ocrPageCount"
  };

  private final ParseLimits limits;
  private final AutoDetectParser parser;
  private java.util.function.Consumer<Object> progress = event -> {};
  private java.util.Set<String> skip = java.util.Set.of();

  TikaParse(ParseLimits limits) {
    this.limits = limits;
    this.parser = OcrImageParser.autoDetect(limits.ocr());
  }

  /** Where {@link ParseWorker.Begun} and {@link ParseWorker.Ended} events go while parsing. */
  void progress(java.util.function.Consumer<Object> events) {
    this.progress = events;
  }

  /** Every document the file yields, the file's own body first, its parts in document order. */
  List<ParseOutcome> parse(byte[] bytes, String source) {
    return parse(bytes, source, java.util.Set.of());
  }

  /**
   * As {@link #parse(byte[], String)}, leaving out the parts whose source is in {@code skip} (an
   * earlier attempt finished them, or hung or died on them).
   */
  List<ParseOutcome> parse(byte[] bytes, String source, java.util.Set<String> skip) {
    this.skip = skip == null ? java.util.Set.of() : skip;
    List<ParseOutcome> out = new ArrayList<>();
    EmbeddedParts.Budget budget = new EmbeddedParts.Budget();
    parseOne(bytes, DocumentParser.sha256(bytes), source, Provenance.file(), budget, out);
    budget.summariseSkipped(out);
    if (out.isEmpty()) {
      out.add(
          ParseOutcome.failed(
              DocumentParser.sha256(bytes),
              Reason.EMPTY_TEXT,
              "Tika found no text in the document or its parts",
              null,
              source,
              Provenance.file()));
    }
    return out;
  }

  /**
   * Parses one file or part; its own outcome goes before those of the parts found inside it. {@code
   * id} is the sha256 of {@code bytes}, or of the compressed file they came out of.
   */
  void parseOne(
      byte[] bytes,
      String id,
      String fileSource,
      Provenance where,
      EmbeddedParts.Budget budget,
      List<ParseOutcome> out) {
    String source = where.sourceIn(fileSource);
    begin(id, source, where);
    int slot = out.size();
    out.add(null);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(source));
    BodyContentHandler handler = new BodyContentHandler(limits.maxTextChars());
    ParseContext context = context();
    context.set(
        EmbeddedDocumentExtractor.class,
        new EmbeddedParts(this, limits, fileSource, id, where, budget, out, metadata));
    long start = System.nanoTime();
    boolean cut = false;
    ParseOutcome failure = null;
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      failure = fail(id, Reason.ENCRYPTED, message(e), metadata, source, where);
    } catch (ZeroByteFileException e) {
      failure = fail(id, Reason.EMPTY_TEXT, "the file is empty", metadata, source, where);
    } catch (SAXException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        cut = true;
      } else {
        failure = fail(id, Reason.TIKA_ERROR, message(e), metadata, source, where);
      }
    } catch (TikaException e) {
      // SecureContentHandler: far more text than bytes in (Tika's own zip-bomb guard).
      Reason reason = isZipBomb(e) ? Reason.LIMIT_EXCEEDED : Reason.TIKA_ERROR;
      failure = fail(id, reason, message(e), metadata, source, where);
    } catch (IOException e) {
      failure = fail(id, Reason.TIKA_ERROR, message(e), metadata, source, where);
    } catch (StackOverflowError e) {
      // Only a pathologically nested input gets here; this process exists to absorb it.
      failure =
          fail(
              id,
              Reason.PARSE_CRASHED,
              "parser stack overflow (nesting too deep)",
              metadata,
              source,
              where);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String text = plainSpaces(handler.toString()).strip();
    Map<String, String> kept = kept(metadata);
    if (failure == null
        && limits.eInvoices()
        && bytes.length <= EInvoiceText.MAX_BYTES
        && isXml(contentType(metadata))) {
      Optional<String> invoice = EInvoiceText.of(bytes);
      if (invoice.isPresent()) {
        text = invoice.get();
        cut = false; // the rendering is whole even where Tika's text of the XML was cut
        kept.put(EInvoiceText.METADATA, "true");
      }
    }
    if (failure != null) {
      out.set(slot, failure);
    } else if (!text.isEmpty()) {
      out.set(
          slot,
          ParseOutcome.parsed(
              new ParsedDocument(
                  id,
                  source,
                  contentType(metadata),
                  text,
                  cut,
                  kept,
                  bytes.length,
                  millis,
                  where)));
    } else {
      out.remove(slot);
      progress.accept(new ParseWorker.Ended(source, null, false));
      return;
    }
    progress.accept(new ParseWorker.Ended(source, out.get(slot), false));
  }

  /**
   * No-break and figure spaces as plain spaces, one character for one so offsets hold. HTML's
   * {@code &nbsp;} (and PDFs printed from HTML, as SEC filings are) reach the text as U+00A0, which
   * a rule's {@code \s}, the tokenizer and the text a model was tuned on all treat as a letter of
   * its own: "effective as of February 10, 2017" with no-break spaces matched no date rule.
   */
  static String plainSpaces(String text) {
    return text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ');
  }

  /** The parse is now inside this file or part (again, with its content id, once it is read). */
  void begin(String id, String source, Provenance where) {
    progress.accept(new ParseWorker.Begun(id, source, where));
  }

  /** A part refused by a limit, before or after it was read. */
  void refused(ParseOutcome outcome, List<ParseOutcome> out) {
    out.add(outcome);
    progress.accept(new ParseWorker.Ended(outcome.source(), outcome, true));
  }

  boolean skipped(String partSource) {
    return skip.contains(partSource);
  }

  private ParseContext context() {
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    context.set(org.apache.tika.detect.EncodingDetector.class, new LegacyEncodingDetector());
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    OcrSettings settings = limits.ocr();
    ocr.setSkipOcr(!settings.enabled());
    ocr.setLanguage(settings.language());
    ocr.setTimeoutSeconds(settings.pageTimeoutSeconds());
    context.set(TesseractOCRConfig.class, ocr);
    PDFParserConfig pdf = new PDFParserConfig();
    // AUTO: a page is OCRed only when its text layer is missing or unusable, page by page.
    pdf.setOcrStrategy(
        settings.enabled()
            ? PDFParserConfig.OCR_STRATEGY.AUTO
            : PDFParserConfig.OCR_STRATEGY.NO_OCR);
    // A broken page costs that page: PDFBox's error is recorded and the next page is read.
    pdf.setCatchIntermediateIOExceptions(true);
    context.set(PDFParserConfig.class, pdf);
    return context;
  }

  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t.getClass().getName().contains("SecureContentHandler")
          || String.valueOf(t.getMessage())
              .toLowerCase(java.util.Locale.ROOT)
              .contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  private static ParseOutcome fail(
      String id,
      Reason reason,
      String message,
      Metadata metadata,
      String source,
      Provenance where) {
    return ParseOutcome.failed(id, reason, message, contentType(metadata), source, where);
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

  private static boolean isXml(String contentType) {
    return "application/xml".equals(contentType) || "text/xml".equals(contentType);
  }

  static String contentType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    return type == null ? null : type.split(";")[0].strip();
  }

  static String fileName(String source) {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  static String message(Throwable e) {
    Throwable root = e;
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      sb.append(" / caused by ")
          .append(root.getClass().getSimpleName())
          .append(": ")
          .append(root.getMessage());
    }
    // Tika names parser instances (PDFParser@1a2b3c); drop the hash so reruns give equal items.
    String text = sb.toString().replaceAll("@[0-9a-f]{4,}\\b", "");
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }
}
