package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.grounding.Grounder;
import io.docextract.grounding.RecordGrounding;
import io.docextract.rules.RuleSet;
import io.docextract.rules.RuleSet.Precedence;
import io.docextract.values.Normaliser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores every system on the same documents: the rules alone, each model, and each model with the
 * rules as fallback (a rule's value replaces a model value that is empty or not in the text).
 */
public final class EvalReport {

  private final String title;
  private final Map<String, Normaliser> fields;
  private final List<SystemScore> systems = new ArrayList<>();
  private final List<Coverage> coverage = new ArrayList<>();
  private PrecedenceTable precedence;

  /** The rules' per-document scores, for each model's paired difference from them. */
  private List<Map<String, FieldScore>> rulesPerDocument;

  /** The system name of the rules alone, and the suffix of a model with the rules as fallback. */
  static final String RULES = "rules";

  static final String WITH_RULES = "+rules";

  private final RuleSet ruleSet;
  private final JsonNode schema;

  public EvalReport(
      String title, Map<String, Normaliser> fields, RuleSet ruleSet, JsonNode schema) {
    this.title = title;
    this.fields = new LinkedHashMap<>(fields);
    this.ruleSet = ruleSet;
    this.schema = schema;
  }

  public List<SystemScore> systems() {
    return systems;
  }

  public void addRules(List<EvalItem> items) {
    Scorer s = new Scorer(fields);
    List<Map<String, FieldScore>> perDocument = new ArrayList<>();
    for (EvalItem i : items) {
      perDocument.add(s.add(i.gold(), rulesJson(i.rules())));
    }
    rulesPerDocument = perDocument;
    systems.add(
        new SystemScore(
            RULES,
            s.documents(),
            s.overall(),
            s.perField(),
            s.documentExactMatch(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Bootstrap.scores(perDocument, fields.keySet())));
  }

  /** Speed figures of one model's run, measured by the caller. */
  public record Speed(
      Double docsPerMinute, Double p95LatencyMs, Double cpuSecondsPer1000, Double peakRssMb) {}

  public void addModel(String model, List<EvalItem> items, Speed speed, boolean withRules) {
    Scorer all = new Scorer(fields);
    Scorer accepted = new Scorer(fields);
    long parse = 0;
    long schema = 0;
    long review = 0;
    List<Map<String, FieldScore>> perDocument = new ArrayList<>();
    for (EvalItem i : items) {
      Prediction p = i.byModel().getOrDefault(model, Prediction.missing());
      JsonNode predicted = withRules ? withFallback(p.fields(), i.text()) : p.fields();
      perDocument.add(all.add(i.gold(), predicted));
      if (p.accepted()) {
        accepted.add(i.gold(), predicted);
      } else {
        review++;
      }
      parse += p.parseValid() ? 1 : 0;
      schema += p.schemaValid() ? 1 : 0;
    }
    double n = Math.max(1, items.size());
    systems.add(
        new SystemScore(
            withRules ? model + WITH_RULES : model,
            all.documents(),
            all.overall(),
            all.perField(),
            all.documentExactMatch(),
            parse / n,
            schema / n,
            review / n,
            accepted.documents() == 0 ? null : accepted.overall().precision(),
            speed.docsPerMinute(),
            speed.p95LatencyMs(),
            speed.cpuSecondsPer1000(),
            speed.peakRssMb(),
            withDifferences(Bootstrap.scores(perDocument, fields.keySet()), perDocument)));
  }

  /** Adds "f1-rules" and "exact-rules": the paired difference from the rules, when scored. */
  private Map<String, Interval> withDifferences(
      Map<String, Interval> intervals, List<Map<String, FieldScore>> perDocument) {
    if (rulesPerDocument == null || rulesPerDocument.size() != perDocument.size()) {
      return intervals;
    }
    Map<String, Interval> out = new LinkedHashMap<>(intervals);
    Bootstrap.differences(perDocument, rulesPerDocument)
        .forEach((k, v) -> out.put(k + "-rules", v));
    return out;
  }

  /** The coverage/precision table of one model's confidence, and the threshold it suggests. */
  public Coverage addCoverage(String model, List<EvalItem> items, double targetPrecision) {
    Coverage c = Coverage.of(model, items, fields, targetPrecision);
    coverage.add(c);
    return c;
  }

  public List<Coverage> coverage() {
    return coverage;
  }

  /**
   * One line per document: the gold, the rules' values and each system's, with that document's
   * score per field, so a user can see which documents and fields go wrong (eval.md only sums them
   * up).
   */
  public List<ObjectNode> documents(List<EvalItem> items, List<String> models) {
    List<ObjectNode> out = new ArrayList<>();
    for (EvalItem i : items) {
      ObjectNode d = JsonNodeFactory.instance.objectNode();
      d.put("doc", i.doc());
      d.set("gold", i.gold());
      ObjectNode systemsNode = d.putObject("systems");
      if (!ruleSet.isEmpty()) {
        put(systemsNode.putObject(RULES), i.gold(), rulesJson(i.rules()));
      }
      for (String m : models) {
        Prediction p = i.byModel().getOrDefault(m, Prediction.missing());
        ObjectNode s = put(systemsNode.putObject(m), i.gold(), p.fields());
        s.put("accepted", p.accepted());
        s.put("reason", p.reason());
        s.put("confidence", p.confidence());
        if (!p.fieldConfidence().isEmpty()) {
          ObjectNode fc = s.putObject("field_confidence");
          p.fieldConfidence().forEach(fc::put);
        }
        if (!ruleSet.isEmpty()) {
          put(systemsNode.putObject(m + WITH_RULES), i.gold(), withFallback(p.fields(), i.text()));
        }
      }
      out.add(d);
    }
    return out;
  }

  private ObjectNode put(ObjectNode system, JsonNode gold, JsonNode predicted) {
    system.set("fields", predicted);
    ObjectNode score = system.putObject("score");
    new Scorer(fields)
        .add(gold, predicted)
        .forEach(
            (f, s) -> score.putObject(f).put("tp", s.tp()).put("fp", s.fp()).put("fn", s.fn()));
    return system;
  }

  static JsonNode rulesJson(Map<String, List<String>> rules) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    rules.forEach(
        (field, values) -> {
          var arr = o.putArray(field);
          values.forEach(arr::add);
        });
    return o;
  }

  /**
   * Field exact under each precedence for every field the rules speak for, from the model's own
   * values on these documents; empty without rules.
   */
  public Optional<PrecedenceTable> addPrecedence(String model, List<EvalItem> items) {
    Set<String> ruled = ruleSet.ruleFields();
    // The rules' matches do not depend on the precedence: found once per document.
    List<Map<String, RuleSet.Match>> matches =
        items.stream().map(i -> ruleSet.matches(textOf(i.text()))).toList();
    List<PrecedenceTable.Row> rows = new ArrayList<>();
    for (String f : fields.keySet()) {
      if (!ruled.contains(f)) {
        continue;
      }
      Map<Precedence, Integer> exact = new EnumMap<>(Precedence.class);
      for (Precedence p : Precedence.values()) {
        RuleSet rules = ruleSet.withPrecedence(f, p);
        int right = 0;
        for (int d = 0; d < items.size(); d++) {
          EvalItem i = items.get(d);
          JsonNode own = i.byModel().getOrDefault(model, Prediction.missing()).ownFields();
          JsonNode kept = withFallback(own, textOf(i.text()), rules, matches.get(d));
          right += (int) new Scorer(fields).add(i.gold(), kept).get(f).exact();
        }
        exact.put(p, right);
      }
      rows.add(new PrecedenceTable.Row(f, exact, ruleSet.precedence(f)));
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    precedence = new PrecedenceTable(model, items.size(), rows);
    return Optional.of(precedence);
  }

  /** The model's values with the rules' where the pipeline's fallback would put them. */
  private JsonNode withFallback(JsonNode model, String text) {
    String t = textOf(text);
    return withFallback(model, t, ruleSet, ruleSet.matches(t));
  }

  private JsonNode withFallback(
      JsonNode model, String t, RuleSet rules, Map<String, RuleSet.Match> matches) {
    ObjectNode out =
        model != null && model.isObject()
            ? ((ObjectNode) model).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    io.docextract.rules.RuleFallback.apply(
        out,
        rules,
        matches,
        t,
        schema,
        RecordGrounding.foundByForm(out, t, Grounder.defaults(), fields));
    return out;
  }

  private static String textOf(String text) {
    return text == null ? "" : text;
  }

  public String markdown() {
    StringBuilder sb = new StringBuilder("## " + title + "\n\n");
    sb.append("Each figure is followed by its 95 % bootstrap interval over documents [low–high] (")
        .append(Bootstrap.RESAMPLES)
        .append(" resamples, seed ")
        .append(Bootstrap.SEED)
        .append(").\n\n");
    sb.append(
        "| system | docs | F1 | precision | recall | field exact | doc exact | parse-valid"
            + " | schema-valid | to review | precision accepted | docs/min | p95 ms | CPU-s/1000 docs"
            + " | peak RSS MB |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (SystemScore s : systems) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s | %s | %s" + " | %s | %s | %s | %s | %s | %s |%n",
              s.system(),
              s.documents(),
              s.withInterval("f1", s.overall().f1()),
              s.withInterval("precision", s.overall().precision()),
              s.withInterval("recall", s.overall().recall()),
              s.withInterval("exact", s.overall().accuracy()),
              s.withInterval("doc_exact", s.documentExactMatch()),
              pct(s.parseValid()),
              pct(s.schemaValid()),
              pct(s.reviewShare()),
              num(s.acceptedPrecision()),
              whole(s.docsPerMinute(), 1),
              whole(s.p95LatencyMs(), 0),
              whole(s.cpuSecondsPer1000(), 0),
              whole(s.peakRssMb(), 0)));
    }
    if (systems.stream().anyMatch(s -> s.system().endsWith(WITH_RULES))) {
      // The rows' names read as "the model alone" and "the model with rules"; they are not.
      sb.append(
          "\nA model's row is the pipeline's output as it writes it: records and review proposals,"
              + " with the rule file's fallback and precedence applied to the text the model was"
              + " shown (a long document's fitted passages). `"
              + WITH_RULES
              + "` applies the rules once more, over the whole document.\n");
    }
    differences(sb);
    sb.append("\nPer field, F1 / exact:\n\n| field |");
    systems.forEach(s -> sb.append(' ').append(s.system()).append(" |"));
    sb.append("\n|---|");
    systems.forEach(s -> sb.append("---|"));
    sb.append('\n');
    for (String f : fields.keySet()) {
      sb.append("| ")
          .append(f)
          .append(" (")
          .append(fields.get(f).name().toLowerCase(Locale.ROOT))
          .append(") |");
      for (SystemScore s : systems) {
        FieldScore fs = s.perField().get(f);
        sb.append(' ')
            .append(s.withInterval(f + ".f1", fs.f1()))
            .append(" / ")
            .append(s.withInterval(f + ".exact", fs.accuracy()))
            .append(" |");
      }
      sb.append('\n');
    }
    coverage.forEach(c -> sb.append(c.markdown()));
    if (precedence != null) {
      sb.append('\n').append(precedence.markdown());
    }
    return sb.toString();
  }

  /** Each model's difference from the rules on the same documents (paired bootstrap). */
  private void differences(StringBuilder sb) {
    SystemScore rules =
        systems.stream().filter(s -> s.system().equals(RULES)).findFirst().orElse(null);
    if (rules == null || systems.stream().noneMatch(s -> s.intervals().containsKey("f1-rules"))) {
      return;
    }
    sb.append(
        "\nDifference from the rules on the same documents (paired bootstrap; an interval"
            + " without 0 is a difference these documents show):\n\n| system | F1 − rules |"
            + " field exact − rules |\n|---|---|---|\n");
    for (SystemScore s : systems) {
      if (s.intervals().containsKey("f1-rules")) {
        sb.append("| ")
            .append(s.system())
            .append(" | ")
            .append(s.withInterval("f1-rules", s.overall().f1() - rules.overall().f1()))
            .append(" | ")
            .append(
                s.withInterval("exact-rules", s.overall().accuracy() - rules.overall().accuracy()))
            .append(" |\n");
      }
    }
  }

  private static String pct(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.0f%%", d * 100);
  }

  private static String whole(Double d, int decimals) {
    return d == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  private static String num(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.3f", d);
  }
}
