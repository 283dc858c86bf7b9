package io.docextract.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of the JSON object a grammar asks for, spelt the way a tuned model writes the text
 * between two values ({@code ","date":"} after a string, {@code ,"date":"} after anything else),
 * for the patched server to draft when the prompt offers no match (native/README.md). Under a
 * whole-object grammar each key token otherwise costs a decoding step of its own, though the
 * grammar leaves the model no choice; drafted, the model checks the whole key in one batch. A wrong
 * guess costs only the rejected positions of that batch, so a grammar this does not understand
 * simply gets no drafts.
 *
 * <p>Reads the object grammars of llama.cpp's schema converter ({@link Grammars#forSchema}): the
 * root rule lists the top-level {@code NAME-kv} rules in the schema's order, each {@code NAME-kv
 * ::= "\"key\"" space ":" space VALUE}.
 */
final class KeyDrafts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RULE = Pattern.compile("^([A-Za-z0-9_-]+) ::= (.*)$");
  private static final Pattern KV_REF = Pattern.compile("(?<![\\w\"-])([A-Za-z0-9_-]+-kv)\\b");
  private static final Pattern KV_RULE =
      Pattern.compile(
          "^\"\\\\\"((?:[A-Za-z0-9_ .$@-])+)\\\\\"\" space \":\" space ([A-Za-z0-9_-]+)");

  private KeyDrafts() {}

  /**
   * The request value for {@code lookup_keys}: a JSON array with, per top-level key, its spellings;
   * empty when the grammar's root is not such an object.
   */
  static Optional<String> requestValue(String grammar) {
    List<List<String>> keys = spellings(grammar);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode out = JSON.createArrayNode();
    for (List<String> key : keys) {
      ArrayNode spellings = out.addArray();
      key.forEach(spellings::add);
    }
    return Optional.of(out.toString());
  }

  /** Per top-level key in order, the texts that may come before its value (with its opening). */
  static List<List<String>> spellings(String grammar) {
    Map<String, String> rules = new HashMap<>();
    for (String line : grammar.split("\n")) {
      Matcher m = RULE.matcher(line);
      if (m.matches()) {
        rules.put(m.group(1), m.group(2));
      }
    }
    String root = rules.get("root");
    if (root == null || !root.startsWith("\"{\"")) {
      return List.of();
    }
    List<List<String>> keys = new ArrayList<>();
    Matcher ref = KV_REF.matcher(root);
    while (ref.find()) {
      Matcher kv = KV_RULE.matcher(rules.getOrDefault(ref.group(1), ""));
      if (!kv.find()) {
        return List.of();
      }
      String key = "\"" + kv.group(1) + "\":" + opening(rules.getOrDefault(kv.group(2), ""));
      keys.add(keys.isEmpty() ? List.of("{" + key) : List.of("\"," + key, "," + key));
    }
    return keys;
  }

  /** A string value's opening quote, which the model writes in one token with the colon. */
  private static String opening(String valueRule) {
    return valueRule.startsWith("\"\\\"\"") ? "\"" : "";
  }
}
