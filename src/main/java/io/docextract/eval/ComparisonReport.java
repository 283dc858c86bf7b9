package io.docextract.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * A self-contained HTML page comparing systems: the eval table and a Chart.js scatter of F1
 * against documents per minute, so the smallest model that meets the bar is easy to pick. Chart.js
 * comes from its webjar and is inlined, so the page opens offline.
 */
public final class ComparisonReport {


  private ComparisonReport() {}

  public static String html(String title, String markdownTable, List<SystemScore> systems)
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
        </script></body></html>
        """.formatted(escape(title), chartJs, escape(markdownTable), points.toString());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
