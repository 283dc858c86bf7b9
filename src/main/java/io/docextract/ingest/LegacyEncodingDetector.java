package io.docextract.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Tika's own detection, except that ISO-8859-1 is read as windows-1252, as browsers do (WHATWG
 * Encoding: the label iso-8859-1 means windows-1252). Tika's detector names cp1252 text ISO-8859-1,
 * and its content handler then replaces the C1 bytes where cp1252 keeps €, — and curly quotes with
 * U+FFFD; true ISO-8859-1 text has no C1 bytes, so it decodes the same.
 */
final class LegacyEncodingDetector implements EncodingDetector {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private final EncodingDetector tika = new DefaultEncodingDetector();

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    Charset detected = tika.detect(input, metadata);
    return StandardCharsets.ISO_8859_1.equals(detected) ? WINDOWS_1252 : detected;
  }
}
