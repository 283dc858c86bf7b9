package io.docextract.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The gate's decision written for people (markdown) and machines (JSON): what was compared on which
 * documents, the overall and per-field figures with their tests, and what was done.
 *
 * @param champion the champion adapter's path (or "none" for the base model alone) and sha256
 * @param documents what the documents were: the gold file and its selection
 * @param action what happened to the pipeline file
 */
public record PromotionReport(
    String pipeline,
    String type,
    String champion,
    String championSha256,
    String challenger,
    String challengerSha256,
    String documents,
    PromotionGate.Decision decision,
    String action) {

  public ObjectNode json() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("decision", decision.promote() ? "promoted" : "refused");
    o.put("pipeline", pipeline);
    o.put("document_type", type);
    o.putObject("champion").put("adapter", champion).put("sha256", championSha256);
    o.putObject("challenger").put("adapter", challenger).put("sha256", challengerSha256);
    o.put("documents", documents);
    o.put("document_count", decision.documents());
    var reasons = o.putArray("reasons");
    decision.reasons().forEach(reasons::add);
    o.put("metric", decision.metric().name().toLowerCase(Locale.ROOT));
    ObjectNode overall = o.putObject(decision.metric().key());
    overall.put("champion", decision.champion());
    overall.put("challenger", decision.challenger());
    overall.put("difference", decision.challenger() - decision.champion());
    overall.put("difference_low", decision.difference().low());
    overall.put("difference_high", decision.difference().high());
    ObjectNode fields = o.putObject("fields");
    for (PromotionGate.FieldComparison f : decision.fields()) {
      fields
          .putObject(f.field())
          .put("champion", f.champion())
          .put("challenger", f.challenger())
          .put("difference_low", f.difference().low())
          .put("difference_high", f.difference().high())
          .put("champion_only", f.championOnly())
          .put("challenger_only", f.challengerOnly())
          .put("p_worse", f.pWorse())
          .put("p_better", f.pBetter())
          .put("worse", f.worse());
    }
    o.putObject("test")
        .put("overall", "paired percentile bootstrap over documents, 95 %")
        .put("resamples", decision.resamples())
        .put("seed", decision.seed())
        .put(
            "per_field",
            decision.metric() == PromotionGate.Metric.EXACT
                ? "exact one-sided McNemar (binomial) test"
                : "exact one-sided sign test on per-document F1")
        .put("alpha", decision.alpha());
    o.put("action", action);
    return o;
  }

  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("## Promotion gate: ")
        .append(decision.promote() ? "**promoted**" : "**refused**")
        .append("\n\n");
    sb.append("- pipeline: `").append(pipeline).append("`, type `").append(type).append("`\n");
    sb.append("- champion: `")
        .append(champion)
        .append("` (")
        .append(shortSha(championSha256))
        .append(")\n");
    sb.append("- challenger: `")
        .append(challenger)
        .append("` (")
        .append(shortSha(challengerSha256))
        .append(")\n");
    sb.append("- documents: ")
        .append(decision.documents())
        .append(" of ")
        .append(documents)
        .append("\n");
    sb.append("- ").append(action).append("\n\n");
    decision.reasons().forEach(r -> sb.append("> ").append(r).append("\n>\n"));
    sb.append(
        String.format(
            Locale.ROOT,
            "\n| field | champion | challenger | difference [95 %% CI] | champion only |"
                + " challenger only | p (worse) | p (better) |\n|---|---|---|---|---|---|---|---|\n"
                + "| **all fields** | %.3f | %.3f | %s | | | | |\n",
            decision.champion(),
            decision.challenger(),
            decision.difference().format(decision.challenger() - decision.champion())));
    for (PromotionGate.FieldComparison f : decision.fields()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %s | %d | %d | %.4f%s | %.4f |\n",
              f.field(),
              f.champion(),
              f.challenger(),
              f.difference().format(f.challenger() - f.champion()),
              f.championOnly(),
              f.challengerOnly(),
              f.pWorse(),
              f.worse() ? " (worse)" : "",
              f.pBetter()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "\n%s per document; the overall interval is a paired bootstrap over"
                + " documents (%d resamples, seed %d), the per-field p-values exact one-sided"
                + " sign tests on the documents where one system scores higher (McNemar's test"
                + " for 0/1 scores; level %.2f).\n",
            decision.metric() == PromotionGate.Metric.EXACT
                ? "Field exact match"
                : "Field F1 (list values each counted, as in the Kleister metric)",
            decision.resamples(),
            decision.seed(),
            decision.alpha()));
    return sb.toString();
  }

  private static String shortSha(String sha) {
    return sha == null ? "–" : sha.substring(0, Math.min(12, sha.length()));
  }
}
