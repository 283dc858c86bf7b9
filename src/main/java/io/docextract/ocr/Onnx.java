package io.docextract.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** One ONNX model on ONNX Runtime's CPU provider, fed one NCHW float tensor. */
final class Onnx implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String input;

  Onnx(Path model, int threads) throws IOException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(model.toString(), options);
      input = session.getInputNames().iterator().next();
    } catch (OrtException e) {
      throw new IOException("cannot load " + model + ": " + e.getMessage(), e);
    }
  }

  Map<String, String> metadata() throws IOException {
    try {
      return session.getMetadata().getCustomMetadata();
    } catch (OrtException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Runs the model; returns its first output flattened, with that output's shape. */
  Output run(float[] data, long[] shape) throws IOException {
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
        OrtSession.Result r = session.run(Map.of(input, t))) {
      OnnxTensor out = (OnnxTensor) r.get(0);
      FloatBuffer fb = out.getFloatBuffer();
      float[] values = new float[fb.remaining()];
      fb.get(values);
      return new Output(values, out.getInfo().getShape());
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime: " + e.getMessage(), e);
    }
  }

  record Output(float[] values, long[] shape) {}

  /** PaddleOCR's usual normalisation, (v / 255 - 0.5) / 0.5 on every channel. */
  private static final float[] HALF = {0.5f, 0.5f, 0.5f};

  /**
   * ImageNet's, as PaddleOCR's NormalizeImage applies the mean and std it lists in R, G, B order to
   * OpenCV's B, G, R channels one by one (its first mean on B): detectors of PP-OCRv5 and later.
   */
  private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};

  private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /**
   * Writes an RGB image into {@code dst} at {@code offset} as PaddleOCR's models expect it:
   * channels in B, G, R order (they were trained on OpenCV's images), each (v / 255 - 0.5) / 0.5,
   * in a plane of {@code planeWidth} columns (the rest of each row stays 0, the padding value).
   */
  static void putBgr(BufferedImage img, float[] dst, int offset, int planeWidth, int planeHeight) {
    put(img, dst, offset, planeWidth, planeHeight, HALF, HALF);
  }

  /** As {@link #putBgr} with ImageNet's normalisation, one plane the image's size. */
  static void putBgrImageNet(BufferedImage img, float[] dst, int planeWidth, int planeHeight) {
    put(img, dst, 0, planeWidth, planeHeight, IMAGENET_MEAN, IMAGENET_STD);
  }

  private static void put(
      BufferedImage img,
      float[] dst,
      int offset,
      int planeWidth,
      int planeHeight,
      float[] mean,
      float[] std) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    int plane = planeWidth * planeHeight;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = argb[y * w + x];
        int at = offset + y * planeWidth + x;
        dst[at] = ((p & 0xff) / 255f - mean[0]) / std[0];
        dst[at + plane] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
        dst[at + 2 * plane] = (((p >> 16) & 0xff) / 255f - mean[2]) / std[2];
      }
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Closing frees native memory only; nothing to recover.
    }
  }
}
