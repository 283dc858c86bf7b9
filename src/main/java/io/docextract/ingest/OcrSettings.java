package io.docextract.ingest;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * How Tika's Tesseract integration reads images and PDF pages without a text layer. OCR runs only
 * where {@code tesseract} is on the PATH; without it images yield no text.
 *
 * @param enabled false skips OCR entirely (faster when every input has a text layer)
 * @param language Tesseract language codes joined by '+', e.g. {@code eng} or {@code eng+deu}
 * @param pageTimeoutSeconds one Tesseract call (one image or one PDF page)
 */
public record OcrSettings(boolean enabled, String language, int pageTimeoutSeconds)
    implements Serializable {

  public static final String DEFAULT_LANGUAGE = "eng";
  public static final int DEFAULT_PAGE_TIMEOUT_SECONDS = 60;
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
  }

  public static OcrSettings defaults() {
    return new OcrSettings(true, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT_SECONDS);
  }

  public static OcrSettings off() {
    return new OcrSettings(false, DEFAULT_LANGUAGE, DEFAULT_PAGE_TIMEOUT_SECONDS);
  }
}
