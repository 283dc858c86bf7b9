package io.docextract.ingest;

import io.docextract.ocr.Lexicon;
import io.docextract.ocr.OcrEngine;
import io.docextract.ocr.PaddleEngine;
import io.docextract.ocr.PaddleModels;
import io.docextract.ocr.TesseractEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A Tika parser that reads images with the pipeline's chosen {@link OcrEngine} in place of Tika's
 * Tesseract parser: image files, images inside containers, and the pages Tika's PDF parser renders
 * for OCR (it asks the parser in the context for {@code image/ocr-png}), so image-only PDF pages
 * take the same path as scans. Each line of the engine's text is one paragraph.
 */
final class OcrImageParser implements Parser {

  private static final Set<MediaType> TYPES =
      Set.of(
          MediaType.image("jpeg"),
          MediaType.image("png"),
          MediaType.image("tiff"),
          MediaType.image("bmp"),
          MediaType.image("gif"),
          MediaType.image("ocr-png"),
          MediaType.image("ocr-jpeg"),
          MediaType.image("ocr-tiff"),
          MediaType.image("ocr-bmp"),
          MediaType.image("ocr-gif"));

  /** One engine per settings in this (parser) process: models load once, not per page. */
  private static final Map<OcrSettings, OcrEngine> ENGINES = new ConcurrentHashMap<>();

  private final OcrSettings settings;

  private OcrImageParser(OcrSettings settings) {
    this.settings = settings;
  }

  /** Tika's parsers, with images and OCR'd PDF pages sent to the engine {@code settings} names. */
  static AutoDetectParser autoDetect(OcrSettings settings) {
    if (!settings.enabled() || settings.engine() == OcrSettings.Engine.TIKA) {
      return new AutoDetectParser();
    }
    // Later parsers win a media type in a CompositeParser: ours replaces Tesseract's for images.
    return new AutoDetectParser(new DefaultParser(), new OcrImageParser(settings));
  }

  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return TYPES;
  }

  @Override
  public void parse(
      InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    List<BufferedImage> pages = pages(stream, metadata);
    OcrEngine engine = engine(settings);
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    for (BufferedImage page : pages) {
      String text;
      synchronized (engine) {
        text = engine.read(page);
      }
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          xhtml.element("p", line);
        }
      }
    }
    xhtml.endDocument();
  }

  /** Every frame of the image: a multi-page TIFF fax or scan is read page by page. */
  private static List<BufferedImage> pages(InputStream stream, Metadata metadata)
      throws IOException, TikaException {
    try (ImageInputStream in = ImageIO.createImageInputStream(stream)) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new TikaException("no image reader for " + metadata.get(Metadata.CONTENT_TYPE));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int n = reader.getNumImages(true);
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          pages.add(reader.read(i));
        }
        return pages;
      } finally {
        reader.dispose();
      }
    }
  }

  static OcrEngine engine(OcrSettings settings) throws IOException {
    OcrEngine e = ENGINES.get(settings);
    if (e != null) {
      return e;
    }
    synchronized (ENGINES) {
      e = ENGINES.get(settings);
      if (e == null) {
        e =
            switch (settings.engine()) {
              case PADDLE ->
                  new PaddleEngine(
                      PaddleModels.fromEnvironment(settings.model()),
                      settings.threads(),
                      settings.layout(),
                      settings.lexicon() == null
                          ? Optional.empty()
                          : Optional.of(Lexicon.load(Path.of(settings.lexicon()))));
              case TESSERACT ->
                  new TesseractEngine(
                      settings.language(),
                      settings.psm(),
                      settings.prep(),
                      settings.pageTimeoutSeconds());
              case TIKA -> throw new IllegalStateException("Tika's own parser reads with tika");
            };
        ENGINES.put(settings, e);
      }
      return e;
    }
  }
}
