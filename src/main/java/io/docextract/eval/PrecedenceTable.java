package io.docextract.eval;

import io.docextract.rules.RuleSet.Precedence;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whose value each field should keep when the model and the rules both give one, measured: field
 * exact on labelled documents under each precedence, on the same replies (the model's own values,
 * which lineage keeps for every field the rules replaced). So a rule file's {@code precedence:} is
 * chosen on a tune slice, not by hand; the best is suggested only where it beats the file's own by
 * at least {@link #MARGIN} of the documents, since one document on a small slice is noise.
 */
public record PrecedenceTable(String model, int documents, List<Row> rows) {

  /** At least this many more documents right before another precedence is suggested. */
  public static final int MARGIN = 2;

  /**
   * @param exact documents right under each precedence
   * @param current what the rule file says (its default when it says nothing)
   */
  public record Row(String field, Map<Precedence, Integer> exact, Precedence current) {

    /**
     * The precedence to use: the best when it beats the current by the margin, else the current.
     */
    public Precedence suggested() {
      Precedence best = current;
      for (Map.Entry<Precedence, Integer> e : exact.entrySet()) {
        if (e.getValue() >= exact.get(current) + MARGIN && e.getValue() > exact.get(best)) {
          best = e.getKey();
        }
      }
      return best;
    }
  }

  /** The rows whose suggestion differs from the rule file. */
  public List<Row> changes() {
    return rows.stream().filter(r -> r.suggested() != r.current()).toList();
  }

  public String markdown() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Precedence per field for %s (whose value a field keeps when the model and the"
                    + " rules both give one; field exact on these %d documents under each, the"
                    + " same replies; another is suggested only %d or more documents above the"
                    + " rule file's):%n%n",
                model,
                documents,
                MARGIN));
    sb.append("| field | model | grounded-model | rules | rule file | suggested |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              r.field(),
              share(r, Precedence.MODEL),
              share(r, Precedence.GROUNDED_MODEL),
              share(r, Precedence.RULES),
              name(r.current()),
              r.suggested() == r.current() ? "(keep)" : "**" + name(r.suggested()) + "**"));
    }
    return sb.append('\n').toString();
  }

  private String share(Row r, Precedence p) {
    return String.format(
        Locale.ROOT, "%.3f", documents == 0 ? 0 : (double) r.exact().get(p) / documents);
  }

  /** As the rule file spells it. */
  public static String name(Precedence p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
