package io.docextract.rules;

import io.docextract.eval.Normaliser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One regular expression for one field: group 1 is the value. A multi rule takes every match (for
 * list fields such as an NDA's parties); otherwise the first match.
 */
public record Rule(String field, String name, String pattern, int priority, Normaliser normalise,
    boolean multi) implements Serializable {

  /** Compiled once per JVM: rules run for every document in the pipeline's hot path. */
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  public Rule {
    Pattern compiled = Pattern.compile(pattern);
    if (compiled.matcher("").groupCount() < 1) {
      throw new IllegalArgumentException("rule '" + name + "' has no capture group");
    }
    normalise = normalise == null ? Normaliser.NONE : normalise;
  }

  /** The compiled pattern, shared by every use of this rule in the JVM. */
  public Pattern compiled() {
    return COMPILED.computeIfAbsent(pattern, Pattern::compile);
  }

  /** The values this rule finds in the text, normalised; empty when it does not match. */
  public List<String> find(String text) {
    Matcher m = compiled().matcher(text);
    LinkedHashSet<String> out = new LinkedHashSet<>();
    while (m.find()) {
      String g = m.group(1);
      if (g != null && !g.isBlank()) {
        out.add(normalise.apply(g.strip()));
        if (!multi) {
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }
}
