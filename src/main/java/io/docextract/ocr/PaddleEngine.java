package io.docextract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * PaddleOCR (detection + recognition of a {@link PaddleModels.Release}) on ONNX Runtime: find the
 * text boxes, read each, and lay them out in reading order ({@link ReadingOrder}). No angle
 * classifier: scans and photos of receipts come upright, and it would cost a third model call per
 * box.
 */
public final class PaddleEngine implements OcrEngine {

  private final DbDetector detector;
  private final CtcRecognizer recogniser;
  private final ReadingOrder.Layout layout;
  private final int threads;
  private final PaddleModels.Release release;
  private final Optional<Lexicon> lexicon;

  /**
   * @param threads ONNX Runtime's intra-op threads per model call
   */
  public PaddleEngine(PaddleModels models, int threads, ReadingOrder.Layout layout)
      throws IOException {
    this(models, threads, layout, Optional.empty());
  }

  /**
   * @param lexicon the words the documents are printed with; a word read outside it is corrected to
   *     one near it that the recogniser finds nearly as likely ({@link LexiconCorrection})
   */
  public PaddleEngine(
      PaddleModels models, int threads, ReadingOrder.Layout layout, Optional<Lexicon> lexicon)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("ocr.threads must be >= 1, got " + threads);
    }
    this.detector = new DbDetector(models.detector(), threads, models.release().detection());
    this.recogniser = new CtcRecognizer(models.recogniser(), models.dictionary(), threads, lexicon);
    this.lexicon = lexicon;
    this.release = models.release();
    this.layout = layout;
    this.threads = threads;
  }

  @Override
  public String read(BufferedImage page) throws IOException {
    return ReadingOrder.text(boxes(page), layout);
  }

  /** The boxes read on the page, with their text, in no particular order. */
  public List<TextBox> boxes(BufferedImage page) throws IOException {
    return recogniser.read(page, detector.detect(page));
  }

  @Override
  public String describe() {
    return "paddle("
        + release.label()
        + " det+rec, "
        + layout.name().toLowerCase(java.util.Locale.ROOT)
        + ", "
        + threads
        + " threads"
        + lexicon.map(l -> ", lexicon of " + l.size() + " words").orElse("")
        + ")";
  }

  @Override
  public void close() {
    detector.close();
    recogniser.close();
  }
}
