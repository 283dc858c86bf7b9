package io.docextract.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.docextract.values.Normaliser;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document type's rules (pipelines/rules/TYPE.yaml). Per field, rules are tried by priority (then
 * file order); the first that matches gives the value.
 */
public final class RuleSet implements Serializable {

  private record RuleFile(
      String documentType,
      Map<String, String> defines,
      Map<String, String> precedence,
      List<RuleSpec> rules) {}

  /**
   * Whose value a field keeps when the model and the rules both give one. {@code GROUNDED_MODEL}
   * (the default): the model's, when it is found in the text. {@code MODEL}: the model's whenever
   * it is not empty — for values the model writes normalised ("2 years" for "two (2) years"), which
   * cannot be found as written. {@code RULES}: the rules', whenever they match — for fields whose
   * rules are more precise than the model.
   */
  public enum Precedence {
    GROUNDED_MODEL,
    MODEL,
    RULES
  }

  private record RuleSpec(
      String field,
      String name,
      String pattern,
      Integer priority,
      String normalise,
      Boolean multi,
      Integer within,
      String until,
      Boolean union,
      Boolean inDomain,
      Boolean wins,
      Boolean offer) {}

  /** A reference to a named fragment of {@code defines:} inside a pattern: {{NAME}}. */
  private static final Pattern FRAGMENT = Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_]*)}}");

  private final String documentType;
  private final List<Rule> rules;
  private final Map<String, Precedence> precedence;
  // rules whose match is kept over the model's value, whatever the field's precedence
  private final Set<String> winning;
  // null: every field's matches are offered as candidates
  private final Set<String> offered;
  // rules whose matches are never offered: a value in another form than the model is asked for
  private final Set<String> unoffered;

  public RuleSet(String documentType, List<Rule> rules) {
    this(documentType, rules, Map.of());
  }

  public RuleSet(String documentType, List<Rule> rules, Map<String, Precedence> precedence) {
    this(documentType, rules, precedence, Set.of(), null, Set.of());
  }

  private RuleSet(
      String documentType,
      List<Rule> rules,
      Map<String, Precedence> precedence,
      Set<String> winning,
      Set<String> offered,
      Set<String> unoffered) {
    this.documentType = documentType;
    this.unoffered = Set.copyOf(unoffered);
    this.precedence = Map.copyOf(precedence);
    this.winning = Set.copyOf(winning);
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparingInt(Rule::priority).reversed());
    this.rules = List.copyOf(sorted);
    this.offered = offered;
  }

  /**
   * The same rules, offering only these fields' matches as {@link #candidates}; values, fallback
   * and precedence still use every rule.
   */
  public RuleSet offering(Collection<String> fields) {
    return new RuleSet(documentType, rules, precedence, winning, Set.copyOf(fields), unoffered);
  }

  /** The same rules with {@code field}'s precedence set to {@code p} (eval scores each choice). */
  public RuleSet withPrecedence(String field, Precedence p) {
    Map<String, Precedence> changed = new LinkedHashMap<>(precedence);
    changed.put(field, p);
    return new RuleSet(documentType, rules, changed, winning, offered, unoffered);
  }

  /** The fields some rule extracts, in the order their first rule appears. */
  public Set<String> ruleFields() {
    Set<String> out = new LinkedHashSet<>();
    rules.forEach(r -> out.add(r.field()));
    return out;
  }

  /** The fields whose matches {@link #candidates} offers, sorted; empty when it offers all. */
  public List<String> offeredFields() {
    return offered == null ? List.of() : offered.stream().sorted().toList();
  }

  public static RuleSet empty(String documentType) {
    return new RuleSet(documentType, List.of());
  }

  public static RuleSet load(Path file) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    RuleFile f = yaml.readValue(file.toFile(), RuleFile.class);
    Map<String, String> defines = new LinkedHashMap<>();
    if (f.defines() != null) {
      for (Map.Entry<String, String> d : f.defines().entrySet()) {
        try {
          defines.put(d.getKey(), expand(d.getValue(), defines));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ": defines." + d.getKey() + ": " + e.getMessage());
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> winning = new HashSet<>();
    Set<String> unoffered = new HashSet<>();
    for (int i = 0; i < f.rules().size(); i++) {
      RuleSpec s = f.rules().get(i);
      String where = file + ": rules[" + i + "]";
      if (s.field() == null || s.pattern() == null) {
        throw new IOException(where + " needs 'field' and 'pattern'");
      }
      try {
        Rule rule =
            new Rule(
                s.field(),
                s.name() == null ? s.field() + "-" + i : s.name(),
                expand(s.pattern(), defines),
                s.priority() == null ? 0 : s.priority(),
                Normaliser.of(s.normalise()),
                Boolean.TRUE.equals(s.multi()),
                s.within() == null ? 0 : s.within(),
                s.until() == null ? null : expand(s.until(), defines),
                Boolean.TRUE.equals(s.union()),
                Boolean.TRUE.equals(s.inDomain()));
        rules.add(rule);
        if (Boolean.TRUE.equals(s.wins())) {
          winning.add(rule.name());
        }
        if (Boolean.FALSE.equals(s.offer())) {
          unoffered.add(rule.name());
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage());
      }
    }
    Map<String, Precedence> precedence = new LinkedHashMap<>();
    if (f.precedence() != null) {
      for (Map.Entry<String, String> e : f.precedence().entrySet()) {
        try {
          precedence.put(
              e.getKey(),
              Precedence.valueOf(
                  e.getValue().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException ex) {
          throw new IOException(
              file
                  + ": precedence."
                  + e.getKey()
                  + ": '"
                  + e.getValue()
                  + "' is not grounded-model, model or rules");
        }
      }
    }
    return new RuleSet(f.documentType(), rules, precedence, winning, null, unoffered);
  }

  /** The fields whose precedence the rule file sets. */
  public Set<String> precedenceFields() {
    return precedence.keySet();
  }

  /** Whose value {@code field} keeps when the model and the rules both give one. */
  public Precedence precedence(String field) {
    return precedence.getOrDefault(field, Precedence.GROUNDED_MODEL);
  }

  /**
   * The same for a value some rule found: a rule marked {@code wins} keeps its value over the
   * model's whatever the field's precedence, for a rule that is right whenever it matches (an
   * issuer named by the invoice's own domain) beside weaker rules of the same field.
   */
  public Precedence precedence(String field, Match match) {
    if (match != null) {
      for (String rule : match.rule().split("\\+")) {
        if (winning.contains(rule)) {
          return Precedence.RULES;
        }
      }
    }
    return precedence(field);
  }

  /**
   * The pattern with each {{NAME}} replaced by the named fragment as a non-capturing group (a
   * fragment may use the fragments defined before it).
   */
  static String expand(String pattern, Map<String, String> defines) {
    Matcher m = FRAGMENT.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String fragment = defines.get(m.group(1));
      if (fragment == null) {
        throw new IllegalArgumentException(
            "{{" + m.group(1) + "}} is not among the defines above" + " it: " + defines.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement("(?:" + fragment + ")"));
    }
    m.appendTail(out);
    return out.toString();
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

  /**
   * One pass over the rules: per field, the first rule (by priority) that matches. A union rule
   * does not end the search: its values join those of the union rules above it. A plain rule ends
   * it, when it matches or when union rules above it already gave values (it is then a fallback not
   * needed). The match names every rule that gave values, joined with '+'.
   */
  public Map<String, Match> matches(String text) {
    Map<String, Match> out = new LinkedHashMap<>();
    Set<String> done = new HashSet<>();
    for (Rule r : rules) {
      Match before = out.get(r.field());
      if (done.contains(r.field())) {
        continue;
      }
      if (before != null && !r.union()) {
        done.add(r.field());
        continue;
      }
      List<String> found = r.find(text);
      if (found.isEmpty()) {
        continue;
      }
      if (!r.union()) {
        done.add(r.field());
      }
      if (before == null) {
        out.put(r.field(), new Match(r.name(), found));
      } else {
        LinkedHashSet<String> all = new LinkedHashSet<>(before.values());
        all.addAll(found);
        out.put(r.field(), new Match(before.rule() + "+" + r.name(), List.copyOf(all)));
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
   * from every rule of the field in priority order: candidates for the model to choose from. A rule
   * marked {@code offer: false} is left out: it finds a value in another form than the model is
   * asked for (a "$" where the model writes USD).
   */
  public Map<String, List<String>> candidates(String text, int perField) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Rule r : rules) {
      if ((offered != null && !offered.contains(r.field())) || unoffered.contains(r.name())) {
        continue;
      }
      List<String> list = out.computeIfAbsent(r.field(), f -> new ArrayList<>());
      Iterator<String> printed = r.printed(text).iterator();
      while (list.size() < perField && printed.hasNext()) {
        String g = printed.next().replaceAll("\\s+", " ");
        if (!list.contains(g)) {
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
