package io.docextract.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.docextract.eval.Normaliser;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document type's rules (pipelines/rules/TYPE.yaml). Per field, rules are tried by priority
 * (then file order); the first that matches gives the value.
 */
public final class RuleSet implements Serializable {

  private record RuleFile(String documentType, List<RuleSpec> rules) {}

  private record RuleSpec(String field, String name, String pattern, Integer priority,
      String normalise, Boolean multi) {}

  private final String documentType;
  private final List<Rule> rules;

  public RuleSet(String documentType, List<Rule> rules) {
    this.documentType = documentType;
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparingInt(Rule::priority).reversed());
    this.rules = List.copyOf(sorted);
  }

  public static RuleSet empty(String documentType) {
    return new RuleSet(documentType, List.of());
  }

  public static RuleSet load(Path file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    RuleFile f = yaml.readValue(file.toFile(), RuleFile.class);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < f.rules().size(); i++) {
      RuleSpec s = f.rules().get(i);
      String where = file + ": rules[" + i + "]";
      if (s.field() == null || s.pattern() == null) {
        throw new IOException(where + " needs 'field' and 'pattern'");
      }
      try {
        rules.add(new Rule(s.field(), s.name() == null ? s.field() + "-" + i : s.name(),
            s.pattern(), s.priority() == null ? 0 : s.priority(), Normaliser.of(s.normalise()),
            Boolean.TRUE.equals(s.multi())));
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage());
      }
    }
    return new RuleSet(f.documentType(), rules);
  }

  public String documentType() {
    return documentType;
  }

  public List<Rule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The values a field got and the rule that gave them. */
  public record Match(String rule, List<String> values) {}

  /** One pass over the rules: per field, the first rule (by priority) that matches. */
  public Map<String, Match> matches(String text) {
    Map<String, Match> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (out.containsKey(r.field())) {
        continue;
      }
      List<String> found = r.find(text);
      if (!found.isEmpty()) {
        out.put(r.field(), new Match(r.name(), found));
      }
    }
    return out;
  }

  /** Field → values, for every field some rule found. */
  public Map<String, List<String>> apply(String text) {
    return values(matches(text));
  }

  /** Field → values of matches already found. */
  public static Map<String, List<String>> values(Map<String, Match> matches) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    matches.forEach((field, m) -> out.put(field, m.values()));
    return out;
  }

  /**
   * Up to {@code perField} distinct values per field as they appear in the text (not normalised),
   * from every rule of the field in priority order: candidates for the model to choose from.
   */
  public Map<String, List<String>> candidates(String text, int perField) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      List<String> list = out.computeIfAbsent(r.field(), f -> new ArrayList<>());
      java.util.regex.Matcher m = r.compiled().matcher(text);
      while (list.size() < perField && m.find()) {
        String g = m.group(1) == null ? "" : m.group(1).strip().replaceAll("\\s+", " ");
        if (!g.isEmpty() && !list.contains(g)) {
          list.add(g);
        }
      }
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  /** For each field, the name of the rule that gave its value. */
  public Map<String, String> explain(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    matches(text).forEach((field, m) -> out.put(field, m.rule()));
    return out;
  }
}
