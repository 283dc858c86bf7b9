package io.docextract.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.ingest.ParseLimits;
import io.docextract.review.QueuedItem;
import io.docextract.review.ReviewQueue;
import io.docextract.values.Normaliser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report from a real review queue, rendered by headless Chromium, screenshot kept. */
class RunReportTest {

  @TempDir Path tmp;

  @Test
  void showsRoutesAsAChartAndEachReviewedDocumentWithItsEvidence() throws Exception {
    Path doc =
        Files.writeString(
            tmp.resolve("r1.txt"), "KEDAI <MAJU> SDN BHD\nDATE 01/02/2019\nTOTAL 9.00\n");
    ObjectNode item = new ObjectMapper().createObjectNode();
    item.put("id", "r1");
    item.put("source", doc.toString());
    item.put("document_type", "receipt");
    item.put("reason", "ungrounded");
    item.put("message", "not found in the text: address");
    item.putArray("validator_messages").add("address: \"1234567890\"");
    item.put(
        "raw_output",
        "{\"company\":\"KEDAI <MAJU> SDN BHD\",\"date\":\"01/02/2019\","
            + "\"address\":\"1234567890\",\"total\":\"9.00\"}");
    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve("review-00000-of-00001.jsonl"), item + "\n");
    List<QueuedItem> items =
        ReviewQueue.read(
            run,
            ParseLimits.defaults(),
            6000,
            Map.of("date", Normaliser.DATE, "total", Normaliser.AMOUNT));

    Map<String, Map<String, Object>> tiers = new java.util.LinkedHashMap<>();
    tiers.put(
        "tier1",
        Map.of(
            "requests",
            5L,
            "records",
            3L,
            "model_seconds",
            9.1,
            "prompt_tokens",
            2900L,
            "generated_tokens",
            410L));
    tiers.put(
        "tier2",
        Map.of(
            "requests",
            2L,
            "records",
            1L,
            "model_seconds",
            3.2,
            "prompt_tokens",
            1200L,
            "generated_tokens",
            170L));
    String html =
        RunReport.html(
            new RunReport.Run(
                "receipt", "DirectRunner", 5, 4, Map.of("ungrounded", 1L), 12.5, tiers),
            items);
    assertTrue(
        html.contains("<td>tier2</td><td>2</td><td>1</td><td>3.2</td>"),
        "the tier table shows what each tier did");
    assertTrue(
        html.contains(
            "<mark class=\"exact\" title=\"company\">KEDAI &lt;MAJU&gt; SDN BHD" + "</mark>"),
        "values are highlighted and the text escaped");
    assertTrue(html.contains("<mark class=\"exact\" title=\"total\">9.00</mark>"));
    assertTrue(html.contains("not found"), "the invented address is shown as not found");
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
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    // Set by the page's script once Chart.js drew the bars: records per tier, one review reason.
    assertTrue(
        dom.contains("data-chart-bars=\"3\""), dom.substring(Math.max(0, dom.length() - 300)));

    Path shot = Path.of("target", "screenshots", "run-report.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    Process s =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1200,1400",
                "--screenshot=" + shot,
                file.toUri().toString())
            .redirectErrorStream(true)
            .start();
    s.getInputStream().readAllBytes();
    assertTrue(s.waitFor(60, TimeUnit.SECONDS));
    assertTrue(Files.size(shot) > 10_000, "screenshot kept at " + shot);
  }
}
