package io.docextract.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.docextract.review.QueuedItem;
import io.docextract.values.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One static HTML page per run: counts per route and reason with a Chart.js chart, and for each
 * document sent to review its reasons, the model's values with where they were found, and its text
 * with the grounded values highlighted. Rendered with a Mustache template; Chart.js is inlined from
 * its webjar so the page opens offline.
 */
public final class RunReport {

  static final int MAX_TEXT_CHARS = 6000;

  private RunReport() {}

  /** What a run produced, for the page. */
  /**
   * The run's counts. {@code tiers} maps tier1, tier2 to that tier's requests, records, model
   * seconds and tokens (RunSummary's figures); records are charted per tier when there are two.
   */
  public record Run(
      String pipeline,
      String runner,
      long inputs,
      long records,
      Map<String, Long> reviewByReason,
      Double wallSeconds,
      Map<String, Map<String, Object>> tiers) {

    public Run {
      tiers = tiers == null ? Map.of() : tiers;
    }

    public Run(
        String pipeline,
        String runner,
        long inputs,
        long records,
        Map<String, Long> reviewByReason,
        Double wallSeconds) {
      this(pipeline, runner, inputs, records, reviewByReason, wallSeconds, Map.of());
    }
  }

  public static String html(Run run, List<QueuedItem> reviewed) throws IOException {
    Template template;
    try (Reader r = resource("io/docextract/report/run-report.mustache")) {
      template = Mustache.compiler().escapeHTML(true).compile(r);
    }
    List<Map<String, Object>> routes = new ArrayList<>();
    if (run.tiers().size() > 1) {
      run.tiers()
          .forEach(
              (tier, stats) ->
                  routes.add(
                      Map.of(
                          "route",
                          "records",
                          "reason",
                          "records (" + tier + ")",
                          "count",
                          number(stats.get("records")))));
    } else {
      routes.add(Map.of("route", "records", "reason", "records", "count", run.records()));
    }
    run.reviewByReason()
        .forEach(
            (reason, n) -> routes.add(Map.of("route", "review", "reason", reason, "count", n)));
    ArrayNode routesJson = JsonNodeFactory.instance.arrayNode();
    routes.forEach(
        r ->
            routesJson
                .addObject()
                .put("route", (String) r.get("route"))
                .put("reason", (String) r.get("reason"))
                .put("count", (Long) r.get("count")));

    Map<String, Object> ctx = new HashMap<>();
    ctx.put("pipeline", run.pipeline());
    ctx.put("runner", run.runner());
    ctx.put("inputs", run.inputs());
    ctx.put("records", run.records());
    ctx.put("review", reviewed.size());
    ctx.put(
        "wallSeconds",
        run.wallSeconds() == null
            ? null
            : String.format(java.util.Locale.ROOT, "%.1f", run.wallSeconds()));
    ctx.put("routes", routes);
    List<Map<String, Object>> tiers = new ArrayList<>();
    run.tiers()
        .forEach(
            (tier, stats) -> {
              Map<String, Object> row = new HashMap<>();
              row.put("tier", tier);
              for (String key :
                  List.of(
                      "requests",
                      "records",
                      "model_seconds",
                      "prompt_tokens",
                      "generated_tokens")) {
                row.put(key, stats.getOrDefault(key, "–"));
              }
              tiers.add(row);
            });
    ctx.put("tiers", tiers);
    ctx.put("hasTiers", tiers.size() > 1);
    ctx.put("routesJson", routesJson.toString().replace("</", "<\\/"));
    ctx.put("chartJs", ChartJs.source());
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < reviewed.size(); i++) {
      items.add(item(i, reviewed.get(i)));
    }
    ctx.put("items", items);
    return template.execute(ctx);
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }

  private static Map<String, Object> item(int index, QueuedItem q) {
    Map<String, Object> m = new HashMap<>();
    m.put("index", index);
    m.put("source", q.source());
    m.put("reason", q.item().path("reason").asText());
    m.put("message", q.item().path("message").asText());
    List<String> messages = new ArrayList<>();
    q.item().path("validator_messages").forEach(v -> messages.add(v.asText()));
    m.put("messages", messages);
    m.put("hasMessages", !messages.isEmpty());
    List<Map<String, Object>> values = new ArrayList<>();
    q.predicted()
        .fields()
        .forEachRemaining(
            e -> {
              List<Span> spans = q.spans().getOrDefault(e.getKey(), List.of());
              String evidence =
                  spans.isEmpty()
                      ? "–"
                      : spans.stream()
                          .map(
                              s ->
                                  s == null
                                      ? "not found"
                                      : s.method()
                                          + (s.score() < 1
                                              ? String.format(
                                                  java.util.Locale.ROOT, " %.2f", s.score())
                                              : "")
                                          + " at "
                                          + s.start())
                          .reduce((a, b) -> a + "; " + b)
                          .orElse("–");
              values.add(
                  Map.of("field", e.getKey(), "value", text(e.getValue()), "evidence", evidence));
            });
    m.put("values", values);
    m.put("hasValues", !values.isEmpty());
    m.put("highlighted", highlight(q.text(), q.spans()));
    return m;
  }

  /** The text, HTML-escaped, with each found value wrapped in a mark titled with its field. */
  static String highlight(String text, Map<String, List<Span>> spans) {
    String shown = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    List<Object[]> marks = new ArrayList<>();
    spans.forEach(
        (field, list) ->
            list.forEach(
                s -> {
                  if (s != null && s.end() <= shown.length()) {
                    marks.add(new Object[] {s, field});
                  }
                }));
    marks.sort(Comparator.comparingInt(o -> ((Span) o[0]).start()));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Object[] o : marks) {
      Span s = (Span) o[0];
      if (s.start() < at) {
        continue; // overlapping values: the first one is marked
      }
      out.append(escape(shown.substring(at, s.start())));
      out.append("<mark class=\"")
          .append(s.method())
          .append("\" title=\"")
          .append(escape((String) o[1]))
          .append("\">")
          .append(escape(shown.substring(s.start(), s.end())))
          .append("</mark>");
      at = s.end();
    }
    out.append(escape(shown.substring(at)));
    if (shown.length() < text.length()) {
      out.append("\n… (").append(text.length() - shown.length()).append(" more characters)");
    }
    return out.toString();
  }

  private static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : v.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = RunReport.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing from the classpath: " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** Review counts in a stable order for the page. */
  public static Map<String, Long> sorted(Map<String, Long> byReason) {
    return new LinkedHashMap<>(new java.util.TreeMap<>(byReason));
  }
}
