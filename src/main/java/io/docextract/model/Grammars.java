package io.docextract.model;

import de.kherud.llama.LlamaModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * GBNF grammars from JSON Schemas. llama.cpp's converter allows free whitespace between tokens
 * ({@code space ::= | " " | "\n" [ \t]{0,20}}); small models spend many tokens on it, so it is
 * narrowed to at most one space. Each grammar is tested against the loaded model before a job runs
 * (see {@link ModelRuntime#checkGrammar}), because llama.cpp drops one that fails to compile
 * without an error.
 *
 * <p>One conversion at a time: llama.cpp's converter (b4916, {@code json-schema-to-grammar.cpp})
 * fills a function-local {@code static std::unordered_set} of reserved rule names on first use
 * without a lock, so the first conversions of a process, made at once by workers setting up,
 * corrupt the native heap: the JVM aborts ({@code malloc(): unaligned tcache chunk detected}) or
 * spins forever inside the set (a CI run hung until its time ran out).
 */
public final class Grammars {

  /** Converted grammars by schema; bounded for {@code serve}, whose requests bring any schema. */
  private static final Map<String, String> CONVERTED =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > 256;
        }
      };

  private static final String ROOT = "root ::= ";
  private static final String OPENING_QUOTE_ROOT = ROOT + "\"\\\"\" ";

  private Grammars() {}

  public static String forSchema(String schemaJson) {
    synchronized (CONVERTED) {
      return CONVERTED.computeIfAbsent(schemaJson, Grammars::convert);
    }
  }

  private static String convert(String schemaJson) {
    NativeLibrary.prepare();
    String grammar = LlamaModel.jsonSchemaToGrammar(schemaJson);
    if (grammar == null || grammar.isBlank()) {
      throw new IllegalArgumentException("llama.cpp produced no grammar for the schema");
    }
    return compactWhitespace(grammar);
  }

  /**
   * The grammar of a string value whose opening quote is already written: its root rule without the
   * leading {@code "\""}. Empty when the root is not a plain string (a number, an object, an
   * alternation), which then keeps its whole grammar.
   */
  static Optional<String> afterOpeningQuote(String grammar) {
    boolean plainString =
        grammar.lines().anyMatch(l -> l.startsWith(OPENING_QUOTE_ROOT) && !l.contains("|"));
    return plainString
        ? Optional.of(
            mapLines(
                grammar,
                l ->
                    l.startsWith(OPENING_QUOTE_ROOT)
                        ? ROOT + l.substring(OPENING_QUOTE_ROOT.length())
                        : l))
        : Optional.empty();
  }

  /**
   * A value's grammar followed by what the model may write after it: {@code tail} is a GBNF
   * expression. A tuned model writes the punctuation after a value in the same token as its end
   * ({@code ","} after a string, {@code "}} at the last one); a grammar that stopped at the value
   * would forbid that token and push the model to run the value on.
   */
  static String followedBy(String grammar, String tail) {
    return mapLines(
            grammar,
            l -> l.startsWith(ROOT) ? "scaffold-value ::= " + l.substring(ROOT.length()) : l)
        + "root ::= scaffold-value scaffold-tail\nscaffold-tail ::= "
        + tail
        + "\n";
  }

  static String compactWhitespace(String grammar) {
    return mapLines(grammar, l -> l.startsWith("space ::=") ? "space ::= \" \"?" : l);
  }

  /** Every line of a grammar passed through {@code rule}, ending in one newline. */
  private static String mapLines(String grammar, UnaryOperator<String> rule) {
    StringBuilder out = new StringBuilder();
    for (String line : grammar.split("\n", -1)) {
      out.append(rule.apply(line)).append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }
}
