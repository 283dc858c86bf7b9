package io.docextract.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.report.ChartJs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained page of a growth run: docs/min (over a sliding minute, so batch-sized steps do
 * not read as swings) and the process tree's RSS against minutes into the run, with the figures of
 * {@link ScaleRunFigures}. Chart.js inlined from its webjar, as the run report does.
 *
 * <p>{@code java -cp docextract.jar io.docextract.bench.ScaleRunPlot PROGRESS_CSV RSS_CSV OUT_HTML
 * "TITLE"}
 */
public final class ScaleRunPlot {

  private static final int WINDOW_SECONDS = 60;

  private ScaleRunPlot() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: ScaleRunPlot PROGRESS_CSV RSS_CSV OUT_HTML TITLE");
      System.exit(2);
    }
    List<ScaleRunFigures.Progress> progress = ScaleRunFigures.progress(Path.of(args[0]));
    List<ScaleRunFigures.Rss> rss = ScaleRunFigures.rss(Path.of(args[1]));
    ScaleRunFigures figures = ScaleRunFigures.of(progress, rss);
    Files.writeString(Path.of(args[2]), html(args[3], progress, rss, figures));
    System.out.println(figures);
    System.out.print(ScaleRunTenths.of(progress, rss).table());
  }

  static String html(
      String title,
      List<ScaleRunFigures.Progress> progress,
      List<ScaleRunFigures.Rss> rss,
      ScaleRunFigures figures)
      throws IOException {
    long t0 = Math.min(progress.get(0).epoch(), rss.get(0).epoch());
    ArrayNode rate = JsonNodeFactory.instance.arrayNode();
    ArrayNode done = JsonNodeFactory.instance.arrayNode();
    int from = 0;
    for (ScaleRunFigures.Progress p : progress) {
      while (p.epoch() - progress.get(from).epoch() > WINDOW_SECONDS) {
        from++;
      }
      ScaleRunFigures.Progress a = progress.get(from);
      double minutes = (p.epoch() - t0) / 60.0;
      done.add(point(minutes, p.done()));
      if (p.epoch() > a.epoch() && a.done() > 0) {
        rate.add(point(minutes, (p.done() - a.done()) * 60.0 / (p.epoch() - a.epoch())));
      }
    }
    ArrayNode total = JsonNodeFactory.instance.arrayNode();
    ArrayNode main = JsonNodeFactory.instance.arrayNode();
    ArrayNode children = JsonNodeFactory.instance.arrayNode();
    ArrayNode load = JsonNodeFactory.instance.arrayNode();
    for (ScaleRunFigures.Rss r : rss) {
      double minutes = (r.epoch() - t0) / 60.0;
      total.add(point(minutes, r.totalMb()));
      main.add(point(minutes, r.mainMb()));
      children.add(point(minutes, r.childrenMb()));
      load.add(point(minutes, r.load1()));
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("rate", rate);
    data.set("done", done);
    data.set("total", total);
    data.set("main", main);
    data.set("children", children);
    data.set("load", load);
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
        <style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}</style>
        <script>%2$s</script></head>
        <body><h1>%1$s</h1>
        <p id="figures">%3$s</p>
        <h2>Throughput</h2>
        <div style="height:360px"><canvas id="rate"></canvas></div>
        <h2>Resident memory of the process tree</h2>
        <div style="height:360px"><canvas id="rss"></canvas></div>
        <script>
        const d = %4$s;
        const xAxis = {type: 'linear', title: {display: true, text: 'minutes into the run'}};
        new Chart(document.getElementById('rate'), {type: 'line',
          data: {datasets: [
            {label: 'docs/min (last minute)', data: d.rate, yAxisID: 'y', pointRadius: 0},
            {label: 'documents done', data: d.done, yAxisID: 'y2', pointRadius: 0},
            {label: 'load average (1 min)', data: d.load, yAxisID: 'y3', pointRadius: 0,
             borderDash: [4, 4]}]},
          options: {animation: false, maintainAspectRatio: false, scales: {x: xAxis,
            y: {beginAtZero: true, title: {display: true, text: 'docs/min'}},
            y2: {beginAtZero: true, position: 'right', title: {display: true, text: 'documents'}},
            y3: {beginAtZero: true, position: 'right', grid: {display: false},
                 title: {display: true, text: 'load'}}}}});
        new Chart(document.getElementById('rss'), {type: 'line',
          data: {datasets: [
            {label: 'total RSS, MB', data: d.total, pointRadius: 0},
            {label: 'docextract JVM', data: d.main, pointRadius: 0},
            {label: 'parser JVM (children)', data: d.children, pointRadius: 0}]},
          options: {animation: false, maintainAspectRatio: false, scales: {x: xAxis,
            y: {beginAtZero: true, title: {display: true, text: 'MB'}}}}});
        document.body.dataset.points = String(d.rate.length + d.total.length);
        </script></body></html>
        """
        .formatted(
            title.replace("<", "&lt;"),
            ChartJs.source(),
            figures.toString(),
            data.toString().replace("</", "<\\/"));
  }

  private static ObjectNode point(double x, double y) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("x", Math.round(x * 1000) / 1000.0)
        .put("y", Math.round(y * 10) / 10.0);
  }
}
