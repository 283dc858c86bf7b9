package io.docextract.eval;

import static io.docextract.eval.YamlLines.blockEnd;
import static io.docextract.eval.YamlLines.childIndent;
import static io.docextract.eval.YamlLines.dropLineAbove;
import static io.docextract.eval.YamlLines.indent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an accept threshold into a pipeline file's text: {@code review.minConfidence} of one
 * document type, with a comment saying where it came from. The text is edited line by line rather
 * than parsed and re-serialised, so the file's comments, order and layout survive. Handles the two
 * shapes the shipped pipelines use: a block {@code review:} (with or without a minConfidence line)
 * and a flow {@code review: {...}}; a type without review gets a block.
 */
public final class PipelineThreshold {

  private static final Pattern FLOW_MIN = Pattern.compile("minConfidence:\\s*[^,}\\s]+");

  private PipelineThreshold() {}

  /** The comment eval writes above the threshold. */
  public static String comment(
      String gold, String slice, String date, double precision, double share, double target) {
    return String.format(
        Locale.ROOT,
        "# chosen by eval on %s %s, %s: precision %.3f of accepted"
            + " fields, %.0f%% of documents accepted, target %.2f",
        gold,
        slice,
        date,
        precision,
        share * 100,
        target);
  }

  /** {@code yaml} with the type's review.minConfidence set to {@code threshold}. */
  public static String apply(String yaml, String type, double threshold, String comment) {
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    String value = String.format(Locale.ROOT, "%.3f", threshold);
    YamlLines.Item item = YamlLines.typeItem(lines, type);
    if (item == null) {
      throw new IllegalArgumentException(
          "no document type '"
              + type
              + "' written as '- name: "
              + type
              + "' in the pipeline file; set review.minConfidence by hand");
    }
    int start = item.start();
    int indent = item.indent();
    int end = blockEnd(lines, start + 1, indent);
    String pad = " ".repeat(indent);
    for (int i = start + 1; i < end; i++) {
      String line = lines.get(i);
      if (indent(line) != indent || !line.strip().startsWith("review:")) {
        continue;
      }
      String rest = line.strip().substring("review:".length()).strip();
      if (rest.startsWith("{")) {
        // Flow style: set the key inside the braces, the comment goes on the line above.
        Matcher m = FLOW_MIN.matcher(line);
        String edited;
        if (m.find()) {
          edited = m.replaceFirst("minConfidence: " + value);
        } else if (rest.matches("\\{\\s*}.*")) {
          edited = line.replaceFirst("\\{\\s*}", "{minConfidence: " + value + "}");
        } else {
          edited = line.replaceFirst("\\{\\s*", "{minConfidence: " + value + ", ");
        }
        lines.set(i, edited);
        lines.add(dropLineAbove(lines, i, "# chosen by eval on "), pad + comment);
        return String.join("\n", lines);
      }
      int reviewEnd = blockEnd(lines, i + 1, indent + 1);
      int childIndent = childIndent(lines, i + 1, reviewEnd, indent + 2);
      String childPad = " ".repeat(childIndent);
      for (int j = i + 1; j < reviewEnd; j++) {
        String l = lines.get(j);
        if (indent(l) == childIndent && l.strip().startsWith("minConfidence:")) {
          lines.set(j, childPad + "minConfidence: " + value);
          int at = dropLineAbove(lines, j, "# chosen by eval on ");
          lines.add(at, childPad + comment);
          return String.join("\n", lines);
        }
      }
      lines.add(i + 1, childPad + "minConfidence: " + value);
      lines.add(i + 1, childPad + comment);
      return String.join("\n", lines);
    }
    lines.add(start + 1, pad + "  minConfidence: " + value);
    lines.add(start + 1, pad + "  " + comment);
    lines.add(start + 1, pad + "review:");
    return String.join("\n", lines);
  }
}
