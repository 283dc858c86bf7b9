package io.docextract.ingest;

import io.docextract.ocr.PaddleModels;
import io.docextract.ocr.PagePrep;
import io.docextract.ocr.ReadingOrder;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How images and PDF pages without a text layer are read.
 *
 * @param enabled false skips OCR entirely (faster when every input has a text layer)
 * @param language Tesseract language codes joined by '+', e.g. {@code eng} or {@code eng+deu}
 * @param pageTimeoutSeconds one Tesseract call (one image or one PDF page)
 * @param engine which reader: {@link Engine}
 * @param psm Tesseract's page segmentation mode ({@code tesseract} engine; Tika's default 1)
 * @param prep page preparation before Tesseract ({@code tesseract} engine)
 * @param layout how the boxes a detector found are written ({@code paddle} engine)
 * @param threads ONNX Runtime threads per model call ({@code paddle} engine)
 * @param model which PaddleOCR models ({@code paddle} engine; {@link PaddleModels.Release})
 * @param lexicon a word list the documents are printed with, an absolute path or null ({@code
 *     paddle} engine; {@code io.docextract.ocr.Lexicon})
 */
public record OcrSettings(
    boolean enabled,
    String language,
    int pageTimeoutSeconds,
    Engine engine,
    int psm,
    PagePrep prep,
    ReadingOrder.Layout layout,
    int threads,
    PaddleModels.Release model,
    String lexicon)
    implements Serializable {

  /** The OCR engines a pipeline can choose. */
  public enum Engine {
    /** Tika's Tesseract integration as Tika configures it (the default; needs tesseract). */
    TIKA,
    /** Tesseract's command line with {@code psm} and {@code prep} (needs tesseract). */
    TESSERACT,
    /**
     * PaddleOCR PP-OCRv4 detection + recognition on ONNX Runtime, in the JVM (weights fetched once
     * from the package index, {@code io.docextract.ocr.PaddleModels}).
     */
    PADDLE;

    public static Engine of(String name) {
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "ocr.engine must be tika, tesseract or paddle, got " + name);
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String DEFAULT_LANGUAGE = "eng";
  public static final int DEFAULT_PAGE_TIMEOUT_SECONDS = 60;
  public static final int DEFAULT_PSM = 1;

  /**
   * Two: the parser pool keeps one process per two cores ({@link ParserPool}), and on the
   * DirectRunner the files of a bundle are all parsed before the model sees any of them, so a page
   * has both of its process's cores to itself (10 receipt scans: 29.5 s against 42.5 s with one).
   */
  public static final int DEFAULT_THREADS = 2;

  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z_]+(\\+[a-zA-Z_]+)*");

  public OcrSettings {
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException(
          "ocr.language must be Tesseract codes joined by '+', got " + language);
    }
    if (pageTimeoutSeconds <= 0) {
      throw new IllegalArgumentException(
          "ocr.pageTimeoutSeconds must be > 0, got " + pageTimeoutSeconds);
    }
    if (engine == null) {
      throw new IllegalArgumentException("ocr.engine must be tika, tesseract or paddle");
    }
    if (psm < 0 || psm > 13) {
      throw new IllegalArgumentException("ocr.psm must be 0..13, got " + psm);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("ocr.threads must be 1..64, got " + threads);
    }
    prep = prep == null ? PagePrep.none() : prep;
    layout = layout == null ? ReadingOrder.Layout.BOXES : layout;
    model = model == null ? PaddleModels.Release.PP_OCRV4 : model;
  }

  /** Tika's Tesseract integration, as before engines could be chosen. */
  public OcrSettings(boolean enabled, String language, int pageTimeoutSeconds) {
    this(
        enabled,
        language,
        pageTimeoutSeconds,
        Engine.TIKA,
        DEFAULT_PSM,
        PagePrep.none(),
        ReadingOrder.Layout.BOXES,
        DEFAULT_THREADS,
        PaddleModels.Release.PP_OCRV4,
        null);
  }

  public static OcrSettings defaults() {
    return new OcrSettings(true, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT_SECONDS);
  }

  public static OcrSettings off() {
    return new OcrSettings(false, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT_SECONDS);
  }

  public OcrSettings withEngine(Engine e) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, e, psm, prep, layout, threads, model, lexicon);
  }

  public OcrSettings withPsm(int p) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, p, prep, layout, threads, model, lexicon);
  }

  public OcrSettings withPrep(PagePrep p) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, psm, p, layout, threads, model, lexicon);
  }

  public OcrSettings withLayout(ReadingOrder.Layout l) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, psm, prep, l, threads, model, lexicon);
  }

  public OcrSettings withThreads(int t) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, psm, prep, layout, t, model, lexicon);
  }

  public OcrSettings withLexicon(String path) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, psm, prep, layout, threads, model, path);
  }

  public OcrSettings withModel(PaddleModels.Release m) {
    return new OcrSettings(
        enabled, language, pageTimeoutSeconds, engine, psm, prep, layout, threads, m, lexicon);
  }

  /** These settings with each non-null value of a pipeline file's {@code limits.ocr} applied. */
  public OcrSettings with(
      String engineName,
      Integer psmValue,
      Boolean grey,
      Integer minWidth,
      Boolean binarise,
      String layoutName,
      Integer threadCount,
      String modelName,
      String lexiconPath) {
    OcrSettings s = this;
    if (engineName != null) {
      s = s.withEngine(Engine.of(engineName));
    }
    if (psmValue != null) {
      s = s.withPsm(psmValue);
    }
    if (grey != null || minWidth != null || binarise != null) {
      s =
          s.withPrep(
              new PagePrep(
                  grey != null ? grey : prep.grayscale(),
                  minWidth != null ? minWidth : prep.minWidth(),
                  binarise != null ? binarise : prep.binarise()));
    }
    if (layoutName != null) {
      s = s.withLayout(ReadingOrder.Layout.of(layoutName));
    }
    if (threadCount != null) {
      s = s.withThreads(threadCount);
    }
    if (modelName != null) {
      s = s.withModel(PaddleModels.Release.of(modelName));
    }
    if (lexiconPath != null) {
      Path p = Path.of(lexiconPath).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("ocr.lexicon: no such file " + lexiconPath);
      }
      s = s.withLexicon(p.toString());
    }
    return s;
  }

  /** For logs and reports: the engine and the settings it reads. */
  public String describe() {
    if (!enabled) {
      return "off";
    }
    return switch (engine) {
      case TIKA -> "tika-tesseract(" + language + ")";
      case TESSERACT -> "tesseract(" + language + ", psm " + psm + ", " + prep.describe() + ")";
      case PADDLE ->
          "paddle("
              + model.label()
              + ", "
              + layout.name().toLowerCase(Locale.ROOT)
              + ", "
              + threads
              + " thread"
              + (threads == 1 ? "" : "s")
              + (lexicon == null ? "" : ", lexicon " + Path.of(lexicon).getFileName())
              + ")";
    };
  }
}
