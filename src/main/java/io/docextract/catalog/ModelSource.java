package io.docextract.catalog;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model or adapter file named by where it is and the sha256 it must have: a local path, a {@code
 * file:} URI, an {@code https://} URL, or a URI of any scheme a {@link ModelOpener} reads (gs://,
 * s3:// through Beam's FileSystems). The checksum is required: a file is never used on the strength
 * of its name alone.
 */
public record ModelSource(String location, String sha256) implements Serializable {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  public ModelSource {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location must name a file, got " + location);
    }
    if (sha256 == null || !SHA256.matcher(sha256.toLowerCase(Locale.ROOT)).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 hex digits for " + location + ", got " + sha256);
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
  }

  /** The URI scheme, lower case, or null for a plain path (a Windows drive letter is a path). */
  public String scheme() {
    return schemeOf(location);
  }

  /** A plain path or a file: URI: already on this machine's disk, so used in place. */
  public boolean local() {
    return isLocal(location);
  }

  /** Whether a location is on this machine's disk (a path or file: URI) rather than fetched. */
  public static boolean isLocal(String location) {
    String s = schemeOf(location);
    return s == null || s.equals("file");
  }

  private static String schemeOf(String location) {
    if (!SCHEME.matcher(location).matches()) {
      return null;
    }
    return URI.create(location.replace(" ", "%20")).getScheme().toLowerCase(Locale.ROOT);
  }

  /** The last path segment, for naming and messages. */
  public String fileName() {
    String path = location.replaceFirst("[?#].*$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
