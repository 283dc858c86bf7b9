package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

  private static LearningCurve.Point point(int size, double exact, double company, double min) {
    Map<String, Double> fields = new LinkedHashMap<>();
    fields.put("company", company);
    fields.put("total", 2 * exact - company);
    return new LearningCurve.Point(
        size, "labels-" + size + "/adapter.gguf", min, 0.5, exact, new Interval(0.1, 0.9), fields);
  }

  @Test
  void writesEverySizeAsJsonAndAChartPage() throws Exception {
    LearningCurve c = new LearningCurve("receipts <curve>", "gold [300:400], 100 documents");
    c.add(point(25, 0.5, 0.6, 2.5));
    c.add(point(50, 0.7, 0.8, 5.0));
    JsonNode j = c.json();
    assertEquals(2, j.get("sizes").size());
    JsonNode second = j.get("sizes").get(1);
    assertEquals(50, second.get("labels").asInt());
    assertEquals(0.7, second.get("field_exact").asDouble(), 1e-12);
    assertEquals(0.8, second.at("/fields/company").asDouble(), 1e-12);
    assertEquals(5.0, second.get("train_minutes").asDouble(), 1e-12);
    String html = c.html();
    // The chart's series: all fields, each field, and the minutes on their own axis.
    assertTrue(
        html.contains("{label: 'all fields', data: [{x: 25, y: 0.5}, {x: 50, y: 0.7}]"),
        "overall series");
    assertTrue(
        html.contains("{label: 'company', data: [{x: 25, y: 0.6}, {x: 50, y: 0.8}]"),
        "per-field series");
    assertTrue(
        html.contains("data: [{x: 25, y: 2.5}, {x: 50, y: 5.0}], yAxisID: 'minutes'"),
        "minutes series");
    assertTrue(html.contains("<h1>receipts &lt;curve&gt;</h1>"), "title escaped");
    assertTrue(html.contains("new Chart(") && html.length() > 100_000, "Chart.js inlined");
  }

  @Test
  void anF1CurveNamesItsMetricInTheJsonAndOnThePage() throws Exception {
    LearningCurve c =
        new LearningCurve("ndas", "gold [70:100], 30 documents", PromotionGate.Metric.F1);
    c.add(point(20, 0.6, 0.7, 8.0));
    JsonNode j = c.json();
    assertEquals("field_f1", j.get("metric").asText());
    JsonNode first = j.get("sizes").get(0);
    assertEquals(0.6, first.get("field_f1").asDouble(), 1e-12);
    assertEquals(0.1, first.get("field_f1_low").asDouble(), 1e-12);
    assertTrue(first.get("field_exact") == null, "no exact figure claimed for an F1 curve");
    String html = c.html();
    assertTrue(html.contains("<p>Field F1 on gold [70:100]"), "metric named in the text");
    assertTrue(html.contains("text: 'field F1'"), "metric named on the axis");
  }
}
