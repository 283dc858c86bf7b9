package io.docextract.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON object of a schema laid out so that the model writes only the values. Keys, quotes and
 * commas are fixed by the schema, yet under a whole-object grammar each of them still costs one
 * decoding step (≈16 ms here, against ≈2.7 ms for a token read as prompt). Here docextract writes
 * them into the prompt, in the compact form and key order the model was tuned on ({@code
 * {"company":"…","date":"…"}}), and the model decodes each value under that property's own grammar,
 * the prompt cache keeping what it has read. Only for objects whose every property is required:
 * with an optional key the model must be free to leave it out.
 */
public final class ValueScaffold implements Serializable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One property: the text before its value, its grammar, whether the text opens a string, and the
   * GBNF of what may follow the value.
   */
  record Slot(String key, String lead, String grammar, boolean inString, String tail)
      implements Serializable {}

  private final List<Slot> slots;

  private ValueScaffold(List<Slot> slots) {
    this.slots = List.copyOf(slots);
  }

  /** The scaffold of an object schema whose properties are all required; empty otherwise. */
  public static Optional<ValueScaffold> forSchema(String schemaJson) {
    JsonNode schema = parse(schemaJson);
    if (!fits(schema)) {
      return Optional.empty();
    }
    JsonNode properties = schema.path("properties");
    List<Slot> slots = new ArrayList<>();
    List<String> keys = names(properties);
    for (String key : keys) {
      String lead = (slots.isEmpty() ? "{" : ",") + quoted(key) + ":";
      String grammar = Grammars.forSchema(properties.get(key).toString());
      Optional<String> insideString = Grammars.afterOpeningQuote(grammar);
      // What follows the value in the object the model was tuned on: a comma and the next key's
      // quote, or the closing brace.
      String tail = slots.size() == keys.size() - 1 ? "\"}\"?" : "(\",\" \"\\\"\"?)?";
      slots.add(
          new Slot(
              key,
              lead + (insideString.isPresent() ? "\"" : ""),
              Grammars.followedBy(insideString.orElse(grammar), tail),
              insideString.isPresent(),
              tail));
    }
    return Optional.of(new ValueScaffold(slots));
  }

  /**
   * This scaffold for one document whose {@code fields} are copied from {@code text}: each of those
   * string values is decoded under {@link CopyGrammar}, so it can only be a stretch of the text.
   * The schema's own constraints on them (a pattern, a length) are left to validation.
   *
   * @throws IllegalArgumentException for a field that is not one of the scaffold's string values
   */
  public ValueScaffold copying(Collection<String> fields, String text) {
    if (fields.isEmpty()) {
      return this;
    }
    Set<String> strings = copyable();
    if (!strings.containsAll(fields)) {
      throw new IllegalArgumentException(
          "only string values can be copied from the text: " + fields + " against " + strings);
    }
    String copied = CopyGrammar.insideString(text);
    List<Slot> out = new ArrayList<>();
    for (Slot s : slots) {
      out.add(
          fields.contains(s.key())
              ? new Slot(s.key(), s.lead(), Grammars.followedBy(copied, s.tail()), true, s.tail())
              : s);
    }
    return new ValueScaffold(out);
  }

  /**
   * The properties whose values {@link #copying} can hold to the text: those decoded inside a plain
   * string (a {@code format} or {@code enum} brings its own grammar, which copying would drop).
   */
  public Set<String> copyable() {
    Set<String> out = new HashSet<>();
    slots.stream().filter(Slot::inString).forEach(s -> out.add(s.key()));
    return out;
  }

  /**
   * True for an object schema with properties, every one of them required: the only shape whose
   * keys docextract can write ahead of the values. Reads the schema only; builds no grammar.
   */
  public static boolean fits(JsonNode schema) {
    JsonNode properties = schema.path("properties");
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    return properties.isObject()
        && !properties.isEmpty()
        && required.containsAll(names(properties));
  }

  private static JsonNode parse(String schemaJson) {
    try {
      return JSON.readTree(schemaJson);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a JSON schema: " + e.getMessage(), e);
    }
  }

  List<Slot> slots() {
    return slots;
  }

  /** Everything docextract writes of the object: the keys with their punctuation. */
  String leads() {
    StringBuilder sb = new StringBuilder();
    slots.forEach(s -> sb.append(s.lead()));
    return sb.append('}').toString();
  }

  private static List<String> names(JsonNode properties) {
    List<String> out = new ArrayList<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String quoted(String key) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(key)) + "\"";
  }
}
