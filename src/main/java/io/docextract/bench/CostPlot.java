package io.docextract.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.docextract.model.Completion;
import java.io.IOException;
import java.util.List;

/**
 * A self-contained page plotting each document's latency against its prompt length (the limit
 * pass), one series per bench run, so a user can read off what a longer document will cost.
 * Chart.js is inlined from its webjar.
 */
public final class CostPlot {

  private CostPlot() {}

  /** One run's points: prompt tokens (x) and latency in ms (y) per document. */
  public record Series(String label, List<Completion> completions) {}

  public static String html(String title, List<Series> series) throws IOException {
    ArrayNode data = JsonNodeFactory.instance.arrayNode();
    for (Series s : series) {
      var set = data.addObject();
      set.put("label", s.label());
      ArrayNode points = set.putArray("data");
      for (Completion c : s.completions()) {
        points
            .addObject()
            .put("x", c.promptTokens())
            .put("y", c.totalMillis())
            .put("generated", c.generatedTokens());
      }
    }
    String chartJs = io.docextract.report.ChartJs.source();
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
        <style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}</style>
        <script>%2$s</script></head>
        <body><h1>%1$s</h1>
        <p>Each point is one document of the limit pass: its prompt length and the time from
        request to complete answer (the runtime alone, one slot at a time).</p>
        <div style="height:460px"><canvas id="cost"></canvas></div>
        <script>
        const sets = %3$s;
        const chart = new Chart(document.getElementById('cost'), {
          type: 'scatter',
          data: {datasets: sets.map(s => ({label: s.label, data: s.data, pointRadius: 4}))},
          options: {animation: false, maintainAspectRatio: false,
            scales: {x: {title: {display: true, text: 'prompt tokens'}, beginAtZero: true},
                     y: {title: {display: true, text: 'latency, ms'}, beginAtZero: true}}}
        });
        document.body.dataset.points = String(sets.reduce((n, s) => n + s.data.length, 0));
        </script></body></html>
        """
        .formatted(title.replace("<", "&lt;"), chartJs, data.toString().replace("</", "<\\/"));
  }
}
