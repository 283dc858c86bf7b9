package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report renders its chart in a real browser (headless Chromium, installed by CI). */
class ComparisonReportTest {

  @TempDir Path tmp;

  private static SystemScore system(String name, double f1Hits, Double perMinute) {
    FieldScore f = new FieldScore((long) f1Hits, 10 - (long) f1Hits, 10 - (long) f1Hits, 0, 10);
    return new SystemScore(
        name, 10, f, Map.of("total", f), 0.1, 1.0, 1.0, 0.0, 0.5, perMinute, 900.0, 120.0, 800.0);
  }

  @Test
  void theChartIsDrawnWithOnePointPerModel() throws Exception {
    String html =
        ComparisonReport.html(
            "test <report>",
            "| a | b |",
            List.of(system("rules", 8, null), system("small", 6, 40.0), system("big", 9, 12.0)));
    assertTrue(html.contains("test &lt;report&gt;"));
    Path file = tmp.resolve("report.html");
    Files.writeString(file, html);

    String chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : null;
    assumeTrue(chromium != null, "needs Debian's chromium (installed by .ci/run)");
    Process p =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                file.toUri().toString())
            .redirectErrorStream(false)
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    // The page's script sets this only after Chart.js built the chart: two models, rules excluded.
    assertTrue(
        dom.contains("data-chart-points=\"2\""),
        dom.length() > 400 ? dom.substring(dom.length() - 400) : dom);
    assertTrue(dom.contains("<canvas id=\"f1-vs-speed\""));
  }

  @Test
  void theReliabilityDiagramGetsEachModelsBins() throws Exception {
    Reliability r = Reliability.of("total", List.of(0.95, 0.95), List.of(true, false));
    Coverage c = new Coverage("small", 0.97, List.of(), null, List.of(r));
    String html =
        ComparisonReport.html("t", "| a |", List.of(system("small", 6, 40.0)), List.of(c));
    assertTrue(html.contains("\"system\":\"small\""), html.substring(html.length() - 2000));
    assertTrue(html.contains("\"label\":\"total (ECE 0.450, AUROC 0.500)\""));
    assertTrue(html.contains("{\"x\":0.95,\"y\":0.5,\"n\":2}"));
    // Browser check as above, when Chromium is there: one reliability chart built.
    Path file = tmp.resolve("r.html");
    Files.writeString(file, html);
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "needs Debian's chromium");
    Process p =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                file.toUri().toString())
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(dom.contains("data-reliability-charts=\"1\""), dom);
  }
}
