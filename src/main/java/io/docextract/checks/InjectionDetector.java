package io.docextract.checks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A lexical signal for prompt injection: text in a document that is addressed to an AI model rather
 * than to a person — "ignore all previous instructions", "you are now in admin mode", "system
 * prompt", chat-template role markers such as {@code <|im_start|>}, {@code [INST]} or a {@code ###
 * Instruction} heading. Receipts, invoices and contracts have no reason to talk to a model, so such
 * a document goes to review as {@code suspected_injection} instead of to the model.
 *
 * <p>It is a tripwire, not a proof: a paraphrase it does not list gets through (the grammar still
 * holds the reply to the schema, and grounding and checks still apply), and a document that quotes
 * such a phrase innocently goes to a person, who can pass it on. A pipeline adds its own patterns,
 * or turns the detector off, per document type ({@code review.injection}).
 */
public final class InjectionDetector implements Serializable {

  /** What was found: the pattern's name and the text it matched, as printed in the document. */
  public record Match(String pattern, String text, int start) implements Serializable {}

  /** The built-in patterns, by name; matched case-insensitively on the text as parsed. */
  public static final Map<String, String> BUILT_IN = builtIn();

  private static Map<String, String> builtIn() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(
        "ignore-instructions",
        "\\b(?:ignore|disregard|forget|override|bypass|skip)\\b"
            + "[^.\\n]{0,40}?\\b(?:previous|prior|above|earlier|preceding|all|your|system|original"
            + "|any)\\b[^.\\n]{0,20}?\\b(?:instructions?|prompts?|directions|directives|rules"
            + "|guidelines)\\b");
    p.put(
        "new-instructions",
        "\\b(?:new|updated|real|actual|revised)\\s+(?:system\\s+)?" + "instructions?\\s*:");
    p.put(
        "role-change",
        "\\byou\\s+are\\s+now\\b[^.\\n]{0,40}?\\b(?:mode|assistant|ai|model"
            + "|chatbot|gpt|llm|dan|jailbroken|unrestricted|unfiltered)\\b");
    p.put("special-mode", "\\b(?:admin|developer|god|dan|jailbreak|debug)\\s+mode\\b");
    p.put("system-prompt", "\\b(?:system|developer)\\s+(?:prompt|message)\\b");
    p.put(
        "addressed-to-model",
        "\\b(?:attention|note\\s+to|dear|hey|hello)\\s*,?\\s+(?:the\\s+)?"
            + "(?:ai|llm|language\\s+model|assistant|chatbot|gpt|chatgpt|model|extractor)\\b");
    p.put(
        "planted-reply",
        "\\b(?:reply|respond|answer|output|return)\\s+(?:only\\s+)?with\\b" + "[^\\n]{0,20}?\\{");
    p.put("chat-token", "<\\|[a-z_]{2,30}\\|>|<(?:start|end)_of_turn>|\\[/?INST\\]|<</?SYS>>");
    p.put(
        "instruction-heading",
        "(?m)^\\s*#{2,}\\s*(?:instruction|system|response|assistant" + "|user)s?\\b");
    return java.util.Collections.unmodifiableMap(p);
  }

  private final Map<String, String> patterns;
  private transient List<Map.Entry<String, Pattern>> compiled;

  private InjectionDetector(Map<String, String> patterns) {
    this.patterns = patterns;
    compiled();
  }

  /** The built-in patterns. */
  public static InjectionDetector standard() {
    return new InjectionDetector(BUILT_IN);
  }

  /**
   * The built-in patterns and the pipeline's own (regular expressions, case-insensitive).
   *
   * @throws IllegalArgumentException for a pattern that does not compile
   */
  public static InjectionDetector withExtra(List<String> extra) {
    Map<String, String> all = new LinkedHashMap<>(BUILT_IN);
    for (int i = 0; extra != null && i < extra.size(); i++) {
      try {
        Pattern.compile(extra.get(i));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "injection pattern '"
                + extra.get(i)
                + "' is not a regular expression: "
                + e.getDescription(),
            e);
      }
      all.put("pipeline-" + (i + 1), extra.get(i));
    }
    return new InjectionDetector(java.util.Collections.unmodifiableMap(all));
  }

  /** The first instruction-like passage in the text, if any. */
  public Optional<Match> find(String text) {
    Match first = null;
    for (Map.Entry<String, Pattern> p : compiled()) {
      Matcher m = p.getValue().matcher(text);
      if (m.find() && (first == null || m.start() < first.start())) {
        first = new Match(p.getKey(), shorten(m.group().strip()), m.start());
      }
    }
    return Optional.ofNullable(first);
  }

  private List<Map.Entry<String, Pattern>> compiled() {
    if (compiled == null) {
      List<Map.Entry<String, Pattern>> list = new ArrayList<>();
      patterns.forEach(
          (name, regex) ->
              list.add(
                  Map.entry(
                      name,
                      Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))));
      compiled = list;
    }
    return compiled;
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 80 ? one.substring(0, 80) + "…" : one;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InjectionDetector d && d.patterns.equals(patterns);
  }

  @Override
  public int hashCode() {
    return patterns.hashCode();
  }
}
