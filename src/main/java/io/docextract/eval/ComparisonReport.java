package io.docextract.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * A self-contained HTML page comparing systems: the eval table and a Chart.js scatter of F1 against
 * documents per minute, so the smallest model that meets the bar is easy to pick. Chart.js comes
 * from its webjar and is inlined, so the page opens offline.
 */
public final class ComparisonReport {

  private ComparisonReport() {}

  public static String html(String title, String markdownTable, List<SystemScore> systems)
      throws IOException {
    return html(title, markdownTable, systems, List.of());
  }

  /** With a reliability diagram per model: share right against mean confidence, per bin. */
  public static String html(
      String title, String markdownTable, List<SystemScore> systems, List<Coverage> coverage)
      throws IOException {
    ObjectMapper m = new ObjectMapper();
    ArrayNode points = m.createArrayNode();
    for (SystemScore s : systems) {
      if (s.docsPerMinute() == null) {
        continue; // the rules take no model time: shown in the table only
      }
      ObjectNode p = points.addObject();
      p.put("label", s.system());
      p.put("x", s.docsPerMinute());
      p.put("y", Math.round(s.overall().f1() * 1000) / 1000.0);
    }
    ArrayNode reliability = m.createArrayNode();
    for (Coverage c : coverage) {
      ObjectNode chart = reliability.addObject();
      chart.put("system", c.system());
      ArrayNode series = chart.putArray("series");
      for (Reliability r : c.reliability()) {
        ObjectNode one = series.addObject();
        one.put(
            "label",
            String.format(
                java.util.Locale.ROOT,
                "%s (ECE %.3f%s)",
                r.score(),
                r.ece(),
                r.auroc() == null
                    ? ""
                    : String.format(java.util.Locale.ROOT, ", AUROC %.3f", r.auroc())));
        ArrayNode pts = one.putArray("data");
        r.bins().stream()
            .filter(b -> b.count() > 0)
            .forEach(
                b ->
                    pts.addObject()
                        .put("x", b.meanConfidence())
                        .put("y", b.shareRight())
                        .put("n", b.count()));
      }
    }
    String chartJs = io.docextract.report.ChartJs.source();
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
        <style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}
        pre{white-space:pre-wrap}</style>
        <script>%2$s</script></head>
        <body><h1>%1$s</h1>
        <h2>F1 against documents per minute</h2>
        <div style="height:420px"><canvas id="f1-vs-speed"></canvas></div>
        <div id="reliability"></div>
        <h2>Figures</h2><pre>%3$s</pre>
        <script>
        const points = %4$s;
        const chart = new Chart(document.getElementById('f1-vs-speed'), {
          type: 'scatter',
          data: {datasets: points.map((p, i) => ({label: p.label, data: [{x: p.x, y: p.y}],
            pointRadius: 8}))},
          options: {animation: false, maintainAspectRatio: false,
            scales: {x: {title: {display: true, text: 'documents per minute'}, beginAtZero: true},
                     y: {title: {display: true, text: 'F1'}, min: 0, max: 1}}}
        });
        document.body.dataset.chartPoints = String(chart.data.datasets.length);
        // One reliability diagram per model: a calibrated score lies on the diagonal.
        const reliability = %5$s;
        reliability.forEach((r, i) => {
          const box = document.getElementById('reliability');
          box.insertAdjacentHTML('beforeend', '<h2>Calibration: ' + r.system.replace(/</g, '&lt;')
            + '</h2><div style="height:420px"><canvas id="reliability-' + i + '"></canvas></div>');
          new Chart(document.getElementById('reliability-' + i), {
            type: 'scatter',
            data: {datasets: [{label: 'calibrated', data: [{x: 0, y: 0}, {x: 1, y: 1}],
                showLine: true, pointRadius: 0, borderDash: [4, 4]}]
              .concat(r.series.map(s => ({label: s.label, data: s.data, showLine: true})))},
            options: {animation: false, maintainAspectRatio: false,
              scales: {x: {title: {display: true, text: 'mean confidence (bin)'}, min: 0, max: 1},
                       y: {title: {display: true, text: 'share right'}, min: 0, max: 1}}}
          });
        });
        document.body.dataset.reliabilityCharts = String(reliability.length);
        </script></body></html>
        """
        .formatted(
            escape(title),
            chartJs,
            escape(markdownTable),
            points.toString(),
            reliability.toString());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
