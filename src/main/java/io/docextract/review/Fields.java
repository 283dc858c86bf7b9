package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Field values as people edit them (lines of text in Label Studio, cells in a spreadsheet) turned
 * back into JSON of the schema's types, and the other way round.
 */
final class Fields {

  static final String LIST_SEPARATOR = " | ";

  private Fields() {}

  /** Lines for one field, as the schema types it: an array gets one item per line. */
  static JsonNode fromLines(List<String> lines, JsonNode property) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    boolean array = "array".equals(type(property));
    if (lines == null || lines.stream().allMatch(String::isBlank)) {
      return array ? f.arrayNode() : emptyScalar(property);
    }
    if (array) {
      ArrayNode out = f.arrayNode();
      for (String line : lines) {
        if (!line.isBlank()) {
          out.add(scalar(line.strip(), property.path("items")));
        }
      }
      return out;
    }
    return scalar(String.join(" ", lines).strip(), property);
  }

  /** A spreadsheet cell: arrays joined with " | " (objects as JSON). */
  static JsonNode fromCell(String cell, JsonNode property) throws IOException {
    if ("array".equals(type(property))) {
      return fromLines(
          cell == null || cell.isBlank()
              ? List.of()
              : List.of(cell.split(java.util.regex.Pattern.quote(LIST_SEPARATOR.strip()))),
          property);
    }
    return fromLines(cell == null ? List.of() : List.of(cell), property);
  }

  static String toCell(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isArray()) {
      List<String> parts = new java.util.ArrayList<>();
      v.forEach(i -> parts.add(i.isTextual() ? i.asText() : i.toString()));
      return String.join(LIST_SEPARATOR, parts);
    }
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static JsonNode scalar(String s, JsonNode property) throws IOException {
    String t = type(property);
    if (t.equals("number") || t.equals("integer")) {
      try {
        return JsonNodeFactory.instance.numberNode(new BigDecimal(s.replace(",", "")));
      } catch (NumberFormatException e) {
        throw new IOException("'" + s + "' is not a number");
      }
    }
    if (t.equals("object")) {
      return JsonLines.mapper().readTree(s);
    }
    return JsonNodeFactory.instance.textNode(s);
  }

  private static JsonNode emptyScalar(JsonNode property) {
    JsonNode type = property.path("type");
    boolean nullable = type.isArray() && type.toString().contains("\"null\"");
    return nullable || !"string".equals(type(property))
        ? NullNode.getInstance()
        : JsonNodeFactory.instance.textNode("");
  }

  /** The schema type, ignoring "null" in a union. */
  static String type(JsonNode property) {
    JsonNode type = property.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    return type.asText("string");
  }
}
