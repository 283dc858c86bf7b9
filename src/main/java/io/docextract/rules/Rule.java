package io.docextract.rules;

import io.docextract.values.Normaliser;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One regular expression for one field: group 1 is the value. A multi rule takes every match (for
 * list fields such as an NDA's parties); otherwise the first match. {@code within} (above 0) makes
 * the rule read only the text's first characters, and {@code until} (a pattern) only the text
 * before its first match: a contract's preamble ends where its recitals begin. A {@code union} rule
 * adds its values to the field's instead of ending the search (see {@link RuleSet#matches}). An
 * {@code inDomain} rule keeps only the matches a web or e-mail domain printed in the text spells
 * ({@link DomainNames}): an invoice's issuer rather than its customer.
 */
public record Rule(
    String field,
    String name,
    String pattern,
    int priority,
    Normaliser normalise,
    boolean multi,
    int within,
    String until,
    boolean union,
    boolean inDomain)
    implements Serializable {

  public Rule(
      String field,
      String name,
      String pattern,
      int priority,
      Normaliser normalise,
      boolean multi) {
    this(field, name, pattern, priority, normalise, multi, 0, null, false, false);
  }

  /** Compiled once per JVM: rules run for every document in the pipeline's hot path. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  public Rule {
    Pattern compiled = Pattern.compile(pattern);
    if (compiled.matcher("").groupCount() < 1) {
      throw new IllegalArgumentException("rule '" + name + "' has no capture group");
    }
    normalise = normalise == null ? Normaliser.NONE : normalise;
    if (within < 0) {
      throw new IllegalArgumentException("rule '" + name + "': within must be 0 or more");
    }
    if (until != null) {
      try {
        Pattern.compile(until);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("rule '" + name + "': until: " + e.getMessage());
      }
    }
  }

  /**
   * The part of the text this rule reads: its first {@code within} characters (all of it when 0),
   * up to the first match of {@code until} there.
   */
  public String scope(String text) {
    String head = within > 0 && text.length() > within ? text.substring(0, within) : text;
    if (until != null) {
      Matcher end = COMPILED.computeIfAbsent(until, Pattern::compile).matcher(head);
      if (end.find()) {
        head = head.substring(0, end.start());
      }
    }
    return head;
  }

  /** The compiled pattern, shared by every use of this rule in the JVM. */
  public Pattern compiled() {
    return COMPILED.computeIfAbsent(pattern, Pattern::compile);
  }

  /**
   * The matches' group 1 as printed (stripped, not normalised), in text order and read lazily, so a
   * caller that wants a few stops the matcher early; blank groups, and under {@code inDomain} names
   * no printed domain spells, are left out.
   */
  public Stream<String> printed(String text) {
    Set<String> domains = inDomain ? DomainNames.labels(text) : Set.of();
    if (inDomain && domains.isEmpty()) {
      return Stream.empty();
    }
    return compiled()
        .matcher(scope(text))
        .results()
        .map(r -> r.group(1))
        .filter(g -> g != null && !g.isBlank())
        .map(String::strip)
        .filter(g -> !inDomain || DomainNames.names(g, domains));
  }

  /** The values this rule finds in the text, normalised; empty when it does not match. */
  public List<String> find(String text) {
    return printed(text)
        .limit(multi ? Long.MAX_VALUE : 1)
        .map(normalise::apply)
        .distinct()
        .toList();
  }
}
