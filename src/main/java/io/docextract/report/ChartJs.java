package io.docextract.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Chart.js from its webjar, to inline in the pages docextract writes, so they open offline. */
public final class ChartJs {

  static final String RESOURCE = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

  private ChartJs() {}

  public static String source() throws IOException {
    try (InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("Chart.js is missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
