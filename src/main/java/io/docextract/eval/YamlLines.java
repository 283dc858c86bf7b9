package io.docextract.eval;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level reading of a pipeline file, for the edits that must keep its comments and layout
 * ({@link PipelineThreshold}, {@link PipelineAdapter}): where a document type's item is, where a
 * block ends, how deep its keys sit.
 */
final class YamlLines {

  private YamlLines() {}

  /** A {@code - name: TYPE} item: its line and the indent of its keys. */
  record Item(int start, int indent) {}

  /** The type's item written as {@code - name: TYPE}, or null. */
  static Item typeItem(List<String> lines, String type) {
    Pattern item =
        Pattern.compile(
            "^(\\s*)-(\\s+)name:\\s*[\"']?" + Pattern.quote(type) + "[\"']?\\s*(#.*)?$");
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = item.matcher(lines.get(i));
      if (m.matches()) {
        return new Item(i, m.group(1).length() + 1 + m.group(2).length());
      }
    }
    return null;
  }

  /** The first line from {@code from} on that is content indented less than {@code min}. */
  static int blockEnd(List<String> lines, int from, int min) {
    for (int i = from; i < lines.size(); i++) {
      if (!isBlankOrComment(lines.get(i)) && indent(lines.get(i)) < min) {
        return i;
      }
    }
    return lines.size();
  }

  /** The indent of the first content line in [from, end), else {@code fallback}. */
  static int childIndent(List<String> lines, int from, int end, int fallback) {
    for (int j = from; j < end; j++) {
      if (!isBlankOrComment(lines.get(j))) {
        return indent(lines.get(j));
      }
    }
    return fallback;
  }

  /** Removes a line starting with {@code prefix} right above {@code at}; returns at's new index. */
  static int dropLineAbove(List<String> lines, int at, String prefix) {
    if (at > 0 && lines.get(at - 1).strip().startsWith(prefix)) {
      lines.remove(at - 1);
      return at - 1;
    }
    return at;
  }

  static boolean isBlankOrComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
