package io.docextract.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a verified local copy of a {@link ModelSource} on this machine's disk, once. A remote file
 * is streamed into a temporary file in the cache folder while its sha256 is computed, and renamed
 * to {@code <sha256>.gguf} only when the hash matches: readers see a whole, verified file or none.
 * Within a JVM one thread fetches while the others wait for it (DoFn instances sharing a worker);
 * across processes each fetches into its own temporary file and the atomic renames replace one
 * identical file with another, so racing workers are safe without a lock file. A file found in the
 * cache is hashed again before it is trusted, once per JVM.
 */
public final class ModelCache {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);

  /** Fetch attempts for a location that fails to read (network); a wrong checksum is final. */
  static final int ATTEMPTS = 3;

  /** Files verified in this JVM, by directory and sha256: hashed once, not per DoFn instance. */
  private static final Map<String, Path> VERIFIED = new ConcurrentHashMap<>();

  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final List<ModelOpener> openers;

  public ModelCache(Path dir, List<ModelOpener> openers) {
    this.dir = dir.toAbsolutePath();
    this.openers = List.copyOf(openers);
  }

  /** $DOCEXTRACT_CACHE (or ~/.cache/docextract/models)/remote, reading http(s) and the given. */
  public static ModelCache fromEnvironment(List<ModelOpener> more) {
    String cache = System.getenv("DOCEXTRACT_CACHE");
    Path base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache", "docextract", "models");
    List<ModelOpener> all = new ArrayList<>(List.of(new HttpModelOpener()));
    all.addAll(more);
    return new ModelCache(base.resolve("remote"), all);
  }

  public Path dir() {
    return dir;
  }

  /** A local, verified file with the source's bytes: the file itself if it is local. */
  public Path localCopy(ModelSource source) throws ModelUnavailableException {
    String key = (source.local() ? source.location() : dir.toString()) + "#" + source.sha256();
    Path known = VERIFIED.get(key);
    if (known != null && Files.isRegularFile(known)) {
      return known;
    }
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      known = VERIFIED.get(key);
      if (known != null && Files.isRegularFile(known)) {
        return known;
      }
      Path path = source.local() ? verifyInPlace(source) : fetchOnce(source);
      VERIFIED.put(key, path);
      return path;
    }
  }

  private static Path verifyInPlace(ModelSource source) throws ModelUnavailableException {
    Path path =
        "file".equals(source.scheme())
            ? Path.of(URI.create(source.location()))
            : Path.of(source.location());
    if (!Files.isRegularFile(path)) {
      throw new ModelUnavailableException("model file not found: " + source.location());
    }
    try {
      String sha = Checksums.sha256(path);
      if (!sha.equals(source.sha256())) {
        throw new ModelUnavailableException(mismatch(source, sha));
      }
    } catch (IOException e) {
      throw new ModelUnavailableException("cannot read " + source.location() + ": " + e);
    }
    return path.toAbsolutePath();
  }

  private Path fetchOnce(ModelSource source) throws ModelUnavailableException {
    Path target = dir.resolve(source.sha256() + extension(source));
    try {
      Files.createDirectories(dir);
      if (Files.isRegularFile(target)) {
        String sha = Checksums.sha256(target);
        if (sha.equals(source.sha256())) {
          return target; // an earlier run, or another process on this machine, fetched it
        }
        LOG.warn("{} in the cache has sha256 {}; fetching it again", target, sha);
      }
    } catch (IOException e) {
      throw new ModelUnavailableException("model cache " + dir + ": " + e.getMessage());
    }
    ModelOpener opener =
        openers.stream()
            .filter(o -> o.handles(source.scheme()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ModelUnavailableException(
                        "no reader for '"
                            + source.scheme()
                            + ":' locations ("
                            + source.location()
                            + "); gs:// and s3:// need Beam's file system"
                            + " for them on the classpath"));
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Path tmp = null;
      try {
        tmp = Files.createTempFile(dir, source.sha256() + "-", ".part");
        String sha = copyHashing(opener, source.location(), tmp);
        if (!sha.equals(source.sha256())) {
          throw new ModelUnavailableException(mismatch(source, sha));
        }
        move(tmp, target);
        tmp = null;
        LOG.info("model {} fetched into {}", source.location(), target);
        return target;
      } catch (IOException e) {
        last = e;
        LOG.warn(
            "fetching {} failed (attempt {} of {}): {}",
            source.location(),
            attempt,
            ATTEMPTS,
            e.toString());
        sleepBefore(attempt);
      } finally {
        deleteQuietly(tmp);
      }
    }
    throw new ModelUnavailableException(
        "cannot fetch " + source.location() + " after " + ATTEMPTS + " attempts: " + last);
  }

  private static String copyHashing(ModelOpener opener, String location, Path into)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = opener.open(location);
        OutputStream out = new DigestOutputStream(Files.newOutputStream(into), digest)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Atomic where the file system can (same folder, so it always can on POSIX). */
  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the model cache's file system cannot rename atomically: " + e);
    }
  }

  private static String mismatch(ModelSource source, String actual) {
    return source.location() + " has sha256 " + actual + ", expected " + source.sha256();
  }

  private static String extension(ModelSource source) {
    String name = source.fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : ".gguf";
  }

  private static void sleepBefore(int attempt) {
    if (attempt < ATTEMPTS) {
      try {
        Thread.sleep(500L << attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a stray .part file is never read: only <sha256>.gguf is, after its rename
      }
    }
  }
}
