package io.docextract.eval;

import io.docextract.values.Normaliser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The trade a confidence threshold makes, measured on labelled documents: for each threshold, the
 * share of documents accepted without review and the field-level precision of what was accepted;
 * and the lowest threshold (most coverage) whose precision reaches the target.
 *
 * @param chosen the threshold to put in the pipeline (review.minConfidence), null when none reaches
 *     the target
 * @param reliability calibration of the document's confidence and of each field's, on the documents
 *     that have one
 */
public record Coverage(
    String system, double target, List<Row> rows, Row chosen, List<Reliability> reliability) {

  /** One threshold: documents accepted, their share, and the precision of their fields. */
  public record Row(double threshold, long accepted, double share, Double precision) {}

  private static final double[] GRID = {0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0};

  public static Coverage of(
      String system, List<EvalItem> items, Map<String, Normaliser> fields, double target) {
    TreeSet<Double> thresholds = new TreeSet<>();
    for (double t : GRID) {
      thresholds.add(t);
    }
    items.forEach(
        i -> {
          Prediction p = i.byModel().get(system);
          if (p != null && p.confidence() != null) {
            thresholds.add(p.confidence());
          }
        });
    List<Row> all = new ArrayList<>();
    for (double t : thresholds) {
      all.add(row(system, items, fields, t));
    }
    Row chosen =
        all.stream()
            .filter(r -> r.accepted() > 0 && r.precision() != null && r.precision() >= target)
            .findFirst()
            .orElse(null);
    List<Row> shown = new ArrayList<>();
    for (Row r : all) {
      boolean onGrid = false;
      for (double t : GRID) {
        onGrid |= t == r.threshold();
      }
      if (onGrid || r == chosen) {
        shown.add(r);
      }
    }
    return new Coverage(system, target, shown, chosen, reliability(system, items, fields));
  }

  /**
   * The document's confidence against "every field right", and each field's confidence against that
   * field right, over every document with a confidence (also those sent to review for another
   * reason: calibration is about the score). Values are the prediction's, as for the precision
   * above.
   */
  static List<Reliability> reliability(
      String system, List<EvalItem> items, Map<String, Normaliser> fields) {
    List<Double> docConfidence = new ArrayList<>();
    List<Boolean> docRight = new ArrayList<>();
    Map<String, List<Double>> fieldConfidence = new java.util.LinkedHashMap<>();
    Map<String, List<Boolean>> fieldRight = new java.util.LinkedHashMap<>();
    for (EvalItem i : items) {
      Prediction p = i.byModel().getOrDefault(system, Prediction.missing());
      if (p.confidence() == null) {
        continue;
      }
      Map<String, FieldScore> scores = new Scorer(fields).add(i.gold(), p.fields());
      docConfidence.add(p.confidence());
      docRight.add(scores.values().stream().allMatch(s -> s.exact() == 1));
      for (String f : fields.keySet()) {
        Double c = p.fieldConfidence().get(f);
        if (c != null) {
          fieldConfidence.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
          fieldRight.computeIfAbsent(f, k -> new ArrayList<>()).add(scores.get(f).exact() == 1);
        }
      }
    }
    List<Reliability> out = new ArrayList<>();
    out.add(Reliability.of("document", docConfidence, docRight));
    fieldConfidence.forEach((f, c) -> out.add(Reliability.of(f, c, fieldRight.get(f))));
    return out;
  }

  private static Row row(
      String system, List<EvalItem> items, Map<String, Normaliser> fields, double t) {
    Scorer s = new Scorer(fields);
    for (EvalItem i : items) {
      Prediction p = i.byModel().getOrDefault(system, Prediction.missing());
      if (p.acceptedAt(t)) {
        s.add(i.gold(), p.fields());
      }
    }
    long n = s.documents();
    return new Row(
        t,
        n,
        items.isEmpty() ? 0 : (double) n / items.size(),
        n == 0 ? null : s.overall().precision());
  }

  public String markdown() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nAccept threshold for %s (target precision %.2f):%n%n"
                    + "| min confidence | auto-accepted | share | precision of accepted |%n"
                    + "|---|---|---|---|%n",
                system,
                target));
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s%.3f | %d | %.0f%% | %s |%n",
              r == chosen ? "**→** " : "",
              r.threshold(),
              r.accepted(),
              r.share() * 100,
              r.precision() == null ? "–" : String.format(Locale.ROOT, "%.3f", r.precision())));
    }
    sb.append(
        chosen == null
            ? "\nNo threshold reaches the target: every document needs review at this precision.\n"
            : String.format(
                Locale.ROOT,
                "%nSuggested: `review: {minConfidence: %.3f}` — auto-accepts"
                    + " %.0f%% of documents at precision %.3f.%n",
                chosen.threshold(),
                chosen.share() * 100,
                chosen.precision()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%nCalibration of %s's confidence (%d equal-width bins;"
                + " share right: all fields for the document, the field for a field):%n",
            system,
            Reliability.BINS));
    reliability.forEach(r -> sb.append(r.markdown()));
    return sb.toString();
  }
}
