package io.docextract.eval;

import static io.docextract.eval.YamlLines.blockEnd;
import static io.docextract.eval.YamlLines.childIndent;
import static io.docextract.eval.YamlLines.dropLineAbove;
import static io.docextract.eval.YamlLines.indent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a pipeline file's text at another adapter for one document type: the type's own {@code
 * model.adapter} where it has a model section, else the pipeline's. Edited line by line, like
 * {@link PipelineThreshold}, so comments, order and layout survive; the adapter line keeps its
 * trailing comment and gets a comment above saying where it came from. A declared {@code
 * adapterSha256} is replaced with the new adapter's (or dropped when there is none to give), so the
 * file never names one adapter with another's checksum.
 */
public final class PipelineAdapter {

  static final String MARK = "# promoted by docextract promote";

  private static final Pattern FLOW_ADAPTER = Pattern.compile("adapter:\\s*[^,}\\s]+");
  // Dropped with the comma that joins it to a neighbour, so the braces stay well formed.
  private static final Pattern FLOW_SHA =
      Pattern.compile("adapterSha256:\\s*[^,}\\s]+\\s*,\\s*|,\\s*adapterSha256:\\s*[^,}\\s]+");
  private static final Pattern FLOW_SHA_VALUE = Pattern.compile("adapterSha256:\\s*[^,}\\s]+");

  private PipelineAdapter() {}

  /** The comment written above the new adapter line. */
  public static String comment(String date, String report, String previous) {
    return MARK + " on " + date + " (" + report + "); was " + previous;
  }

  /**
   * {@code yaml} with the type's adapter set to {@code adapter}; {@code sha256} replaces a declared
   * adapterSha256 (null: the line is dropped).
   */
  public static String apply(
      String yaml, String type, String adapter, String sha256, String comment) {
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    YamlLines.Item item = YamlLines.typeItem(lines, type);
    if (item == null) {
      throw new IllegalArgumentException(
          "no document type '" + type + "' written as '- name: " + type + "' in the pipeline file");
    }
    int start = item.start();
    int indent = item.indent();
    int end = blockEnd(lines, start + 1, indent);
    for (int i = start + 1; i < end; i++) {
      String l = lines.get(i);
      if (indent(l) == indent && l.strip().startsWith("from:")) {
        throw new IllegalArgumentException(
            "document type '"
                + type
                + "' comes "
                + l.strip()
                + ": promote in that file, whose adapter this type uses");
      }
    }
    for (int i = start + 1; i < end; i++) {
      String l = lines.get(i);
      if (indent(l) == indent && l.strip().startsWith("model:")) {
        return edit(lines, i, indent, adapter, sha256, comment);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("model:")) {
        return edit(lines, i, 0, adapter, sha256, comment);
      }
    }
    throw new IllegalArgumentException("the pipeline file has no model section to point at");
  }

  /** Sets the adapter inside the model section starting at line {@code at}. */
  private static String edit(
      List<String> lines, int at, int indent, String adapter, String sha256, String comment) {
    String pad = " ".repeat(indent);
    String rest = lines.get(at).strip().substring("model:".length()).strip();
    if (rest.startsWith("{")) {
      String line = lines.get(at);
      line =
          sha256 == null
              ? FLOW_SHA.matcher(line).replaceFirst("")
              : FLOW_SHA_VALUE.matcher(line).replaceFirst("adapterSha256: " + sha256);
      Matcher m = FLOW_ADAPTER.matcher(line);
      line =
          m.find()
              ? m.replaceFirst(Matcher.quoteReplacement("adapter: " + adapter))
              : line.replaceFirst(
                  "\\{\\s*", Matcher.quoteReplacement("{adapter: " + adapter + ", "));
      lines.set(at, line);
      lines.add(dropLineAbove(lines, at, MARK), pad + comment);
      return String.join("\n", lines);
    }
    int end = blockEnd(lines, at + 1, indent + 1);
    int childIndent = childIndent(lines, at + 1, end, indent + 2);
    String childPad = " ".repeat(childIndent);
    for (int j = end - 1; j > at; j--) {
      String l = lines.get(j);
      if (indent(l) == childIndent && l.strip().startsWith("adapterSha256:")) {
        if (sha256 == null) {
          lines.remove(j);
          end--;
        } else {
          lines.set(j, childPad + "adapterSha256: " + sha256 + trailingComment(l));
        }
      }
    }
    for (int j = at + 1; j < end; j++) {
      String l = lines.get(j);
      if (indent(l) == childIndent && l.strip().startsWith("adapter:")) {
        lines.set(j, childPad + "adapter: " + adapter + trailingComment(l));
        lines.add(dropLineAbove(lines, j, MARK), childPad + comment);
        return String.join("\n", lines);
      }
    }
    // No adapter yet (the champion was the base model alone): the first key of the section.
    lines.add(at + 1, childPad + "adapter: " + adapter);
    lines.add(at + 1, childPad + comment);
    return String.join("\n", lines);
  }

  /** A line's trailing comment with the spaces before it, or "" (a '#' inside quotes is text). */
  private static String trailingComment(String line) {
    Matcher m = Pattern.compile("^[^\"'#]*?(\\s+#.*)$").matcher(line);
    return m.matches() ? m.group(1) : "";
  }
}
