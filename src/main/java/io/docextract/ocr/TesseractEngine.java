package io.docextract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Tesseract's command line over a prepared page: the page is written as PNG, read with the given
 * page segmentation mode and the language packs, and its text returned with blank lines dropped
 * (Tesseract separates blocks with them; the dataset's lines have none).
 */
public final class TesseractEngine implements OcrEngine {

  private final String language;
  private final int psm;
  private final PagePrep prep;
  private final int timeoutSeconds;

  /**
   * @param psm Tesseract's {@code --psm}: 1 (automatic with orientation, Tika's default), 3
   *     (automatic), 4 (one column of varying sizes), 6 (one uniform block), 11 (sparse text)...
   */
  public TesseractEngine(String language, int psm, PagePrep prep, int timeoutSeconds) {
    if (psm < 0 || psm > 13) {
      throw new IllegalArgumentException("ocr.psm must be 0..13, got " + psm);
    }
    this.language = language;
    this.psm = psm;
    this.prep = prep;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  public String read(BufferedImage page) throws IOException {
    Path png = Files.createTempFile("docextract-ocr", ".png");
    try {
      ImageIO.write(prep.apply(page), "png", png.toFile());
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "tesseract",
                  png.toString(),
                  "stdout",
                  "-l",
                  language,
                  "--psm",
                  Integer.toString(psm)));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("tesseract took more than " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("tesseract exited with " + p.exitValue());
      }
      return new String(out, StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .reduce((a, b) -> a + "\n" + b)
          .orElse("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while tesseract ran", e);
    } finally {
      Files.deleteIfExists(png);
    }
  }

  @Override
  public String describe() {
    return "tesseract(" + language + ", psm " + psm + ", " + prep.describe() + ")";
  }
}
