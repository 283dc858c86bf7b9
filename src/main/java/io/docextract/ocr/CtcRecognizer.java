package io.docextract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PaddleOCR's text-line recogniser (SVTR/CRNN with a CTC head): each detected box is cropped,
 * scaled to 48 px high and read as a sequence of per-step character probabilities, decoded greedily
 * (the best character per step, repeats and the blank dropped). The character list travels inside
 * the model file (metadata key {@code character}), so model and dictionary cannot drift apart, or,
 * for a release that ships it beside the model, in a checked dictionary file. The last class is a
 * space (PaddleOCR's use_space_char); it is taken as the output's last index, not the list's end,
 * because the list stored in the PP-OCRv4 file is two characters shorter than the model's classes,
 * which would otherwise lose every space.
 */
final class CtcRecognizer implements AutoCloseable {

  static final int HEIGHT = 48;

  /** PaddleOCR pads short lines to this width: the model was trained on 48 x 320 inputs. */
  static final int MIN_WIDTH = 320;

  /** A crop wider than this is squeezed: a whole receipt row fits, and time stays bounded. */
  static final int MAX_WIDTH = 2400;

  static final int BATCH = 6;

  /** Lines read with a lower mean character probability are dropped (PaddleOCR's text_score). */
  static final double MIN_SCORE = 0.5;

  private final Onnx model;
  private final List<String> characters;
  private final Optional<LexiconCorrection> correction;

  CtcRecognizer(Path model, Optional<Path> dictionary, int threads, Optional<Lexicon> lexicon)
      throws IOException {
    this.model = new Onnx(model, threads);
    String dict =
        dictionary.isPresent()
            ? Files.readString(dictionary.get(), StandardCharsets.UTF_8)
            : this.model.metadata().get("character");
    if (dict == null || dict.isEmpty()) {
      throw new IOException(model + " carries no 'character' list in its metadata");
    }
    List<String> chars = new ArrayList<>();
    chars.add(""); // CTC blank, index 0
    chars.addAll(dict.lines().toList());
    this.characters = List.copyOf(chars);
    Map<Character, Integer> classOf = new HashMap<>();
    for (int i = 1; i < characters.size(); i++) {
      String c = characters.get(i);
      if (c.length() == 1) {
        classOf.putIfAbsent(c.charAt(0), i);
      }
    }
    this.correction = lexicon.map(l -> new LexiconCorrection(l, classOf));
  }

  /** The text in each box (same order); a box read below {@link #MIN_SCORE} gives "". */
  List<TextBox> read(BufferedImage page, List<TextRegion> boxes) throws IOException {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      order.add(i);
    }
    // Similar widths share a batch, so little of a batch is padding.
    order.sort(Comparator.comparingDouble(i -> boxes.get(i).ratio()));
    TextBox[] out = new TextBox[boxes.size()];
    for (int from = 0; from < order.size(); from += BATCH) {
      List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
      int planeWidth = MIN_WIDTH;
      for (int i : batch) {
        planeWidth = Math.max(planeWidth, width(boxes.get(i)));
      }
      float[] input = new float[batch.size() * 3 * HEIGHT * planeWidth];
      for (int k = 0; k < batch.size(); k++) {
        TextRegion b = boxes.get(batch.get(k));
        BufferedImage crop = Images.crop(page, b.toCrop(width(b), HEIGHT), width(b), HEIGHT);
        Onnx.putBgr(crop, input, k * 3 * HEIGHT * planeWidth, planeWidth, HEIGHT);
      }
      Onnx.Output o = model.run(input, new long[] {batch.size(), 3, HEIGHT, planeWidth});
      int steps = (int) o.shape()[1];
      int classes = (int) o.shape()[2];
      for (int k = 0; k < batch.size(); k++) {
        int offset = k * steps * classes;
        Decoded d = decode(o.values(), offset, steps, classes);
        String text = "";
        if (d.score >= MIN_SCORE) {
          String read =
              correction.isPresent()
                  ? correction.get().correct(d.text, d.emitted, o.values(), offset, steps, classes)
                  : d.text;
          text = LookAlikes.fix(read.strip());
        }
        out[batch.get(k)] = boxes.get(batch.get(k)).box(text, d.score);
      }
    }
    return List.of(out);
  }

  private record Decoded(String text, double score, List<Ctc.Emitted> emitted) {}

  private Decoded decode(float[] probs, int offset, int steps, int classes) {
    List<Ctc.Emitted> emitted =
        Ctc.greedy(probs, offset, steps, classes, c -> c == classes - 1 || c < characters.size());
    StringBuilder sb = new StringBuilder();
    double sum = 0;
    for (Ctc.Emitted e : emitted) {
      sb.append(e.cls() == classes - 1 ? " " : characters.get(e.cls()));
      sum += e.probability();
    }
    return new Decoded(sb.toString(), emitted.isEmpty() ? 0 : sum / emitted.size(), emitted);
  }

  private static int width(TextRegion b) {
    return Math.min(MAX_WIDTH, Math.max(1, (int) Math.ceil(HEIGHT * b.ratio())));
  }

  @Override
  public void close() {
    model.close();
  }
}
