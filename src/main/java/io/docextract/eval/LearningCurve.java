package io.docextract.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "How many labels do I need?": one adapter per training-set size, nested subsets, each scored on
 * the same held-apart documents. Written as JSON and as a page with the per-field exact match
 * against the number of labels, and the training minutes each size took on this machine.
 */
public final class LearningCurve {

  /**
   * One size's adapter and its held-apart scores.
   *
   * @param fields the score per field, in schema order
   * @param score the score over all fields
   * @param trainMinutes the trainer's training time (not prompt rendering or evaluation)
   */
  public record Point(
      int size,
      String adapter,
      double trainMinutes,
      Double evalLoss,
      double score,
      Interval interval,
      Map<String, Double> fields) {}

  private final String title;
  private final String heldApart;
  private final PromotionGate.Metric metric;
  private final List<Point> points = new ArrayList<>();

  public LearningCurve(String title, String heldApart) {
    this(title, heldApart, PromotionGate.Metric.EXACT);
  }

  public LearningCurve(String title, String heldApart, PromotionGate.Metric metric) {
    this.title = title;
    this.heldApart = heldApart;
    this.metric = metric;
  }

  public void add(Point p) {
    points.add(p);
  }

  public List<Point> points() {
    return List.copyOf(points);
  }

  public ObjectNode json() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("title", title);
    o.put("held_apart", heldApart);
    o.put("metric", metric.key());
    ArrayNode a = o.putArray("sizes");
    for (Point p : points) {
      ObjectNode n = a.addObject();
      n.put("labels", p.size());
      n.put("adapter", p.adapter());
      n.put("train_minutes", p.trainMinutes());
      if (p.evalLoss() != null) {
        n.put("eval_loss", p.evalLoss());
      }
      n.put(metric.key(), p.score());
      n.put(metric.key() + "_low", p.interval().low());
      n.put(metric.key() + "_high", p.interval().high());
      ObjectNode f = n.putObject("fields");
      p.fields().forEach(f::put);
    }
    return o;
  }

  /** A self-contained page (Chart.js inlined): scores and minutes against labels. */
  public String html() throws IOException {
    List<String> fieldNames =
        points.isEmpty() ? List.of() : List.copyOf(points.get(0).fields().keySet());
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("all fields", points.stream().map(Point::score).toList());
    for (String f : fieldNames) {
      series.put(f, points.stream().map(p -> p.fields().get(f)).toList());
    }
    StringBuilder datasets = new StringBuilder();
    for (Map.Entry<String, List<Double>> s : series.entrySet()) {
      datasets.append(
          String.format(
              Locale.ROOT,
              "{label: %s, data: %s, yAxisID: 'y', borderWidth: %d},",
              js(s.getKey()),
              xy(s.getValue()),
              s.getKey().equals("all fields") ? 4 : 2));
    }
    datasets.append(
        String.format(
            Locale.ROOT,
            "{label: 'training minutes', data: %s, yAxisID: 'minutes', borderDash: [6, 4]},",
            xy(points.stream().map(Point::trainMinutes).toList())));
    StringBuilder rows = new StringBuilder();
    for (Point p : points) {
      rows.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%d</td><td>%s</td>%s<td>%.1f</td><td>%s</td></tr>%n",
              p.size(),
              p.interval().format(p.score()),
              fieldNames.stream()
                  .map(f -> String.format(Locale.ROOT, "<td>%.3f</td>", p.fields().get(f)))
                  .reduce("", String::concat),
              p.trainMinutes(),
              p.evalLoss() == null ? "–" : String.format(Locale.ROOT, "%.4f", p.evalLoss())));
    }
    String head =
        fieldNames.stream().map(f -> "<th>" + esc(f) + "</th>").reduce("", String::concat);
    return String.format(
        Locale.ROOT,
        """
        <!doctype html><html><head><meta charset="utf-8"><title>%1$s</title>
        <script>%2$s</script>
        <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}
        td,th{padding:.2rem .6rem;text-align:right}</style></head><body>
        <h1>%1$s</h1><p>%7$s on %3$s, one adapter per number of labels (nested
        training subsets, the same seed); training minutes on this machine.</p>
        <canvas id="curve" width="900" height="450"></canvas>
        <table><tr><th>labels</th><th>all fields [95 %% CI]</th>%4$s<th>training min</th>
        <th>eval loss</th></tr>
        %5$s</table>
        <script>
        new Chart(document.getElementById('curve'), {type: 'line',
          data: {datasets: [%6$s]},
          options: {animation: false, scales: {
            x: {type: 'linear', title: {display: true, text: 'training labels'}},
            y: {min: 0, max: 1, title: {display: true, text: '%8$s'}},
            minutes: {position: 'right', min: 0, grid: {drawOnChartArea: false},
              title: {display: true, text: 'training minutes'}}}}});
        </script></body></html>
        """,
        esc(title),
        io.docextract.report.ChartJs.source(),
        esc(heldApart),
        head,
        rows,
        datasets,
        Character.toUpperCase(metric.label().charAt(0)) + metric.label().substring(1),
        metric.label());
  }

  /** The values as points over the number of labels, so unevenly spaced sizes are drawn so. */
  private String xy(List<Double> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(
              String.format(Locale.ROOT, "{x: %d, y: %s}", points.get(i).size(), values.get(i)));
    }
    return sb.append(']').toString();
  }

  private static String js(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
