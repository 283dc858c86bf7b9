package io.docextract.model;

import de.kherud.llama.LlamaModel;
import java.util.Optional;

/**
 * GBNF grammars from JSON Schemas. llama.cpp's converter allows free whitespace between tokens
 * ({@code space ::= | " " | "\n" [ \t]{0,20}}); small models spend many tokens on it, so it is
 * narrowed to at most one space. Each grammar is tested against the loaded model before a job
 * runs (see {@link ModelRuntime#checkGrammar}), because llama.cpp drops one that fails to compile
 * without an error.
 */
public final class Grammars {

  private Grammars() {}

  public static String forSchema(String schemaJson) {
    NativeLibrary.prepare();
    String grammar = LlamaModel.jsonSchemaToGrammar(schemaJson);
    if (grammar == null || grammar.isBlank()) {
      throw new IllegalArgumentException("llama.cpp produced no grammar for the schema");
    }
    return compactWhitespace(grammar);
  }

  /**
   * The grammar of a string value whose opening quote is already written: its root rule without
   * the leading {@code "\""}. Empty when the root is not a plain string (a number, an object, an
   * alternation), which then keeps its whole grammar.
   */
  static Optional<String> afterOpeningQuote(String grammar) {
    StringBuilder out = new StringBuilder();
    boolean found = false;
    for (String line : grammar.split("\n", -1)) {
      if (line.startsWith("root ::= \"\\\"\" ") && !line.contains("|")) {
        out.append("root ::= ").append(line.substring("root ::= \"\\\"\" ".length()));
        found = true;
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return found ? Optional.of(out.toString().stripTrailing() + "\n") : Optional.empty();
  }

  /**
   * A value's grammar followed by what the model may write after it: {@code tail} is a GBNF
   * expression. A tuned model writes the punctuation after a value in the same token as its end
   * ({@code ","} after a string, {@code "}} at the last one); a grammar that stopped at the value
   * would forbid that token and push the model to run the value on.
   */
  static String followedBy(String grammar, String tail) {
    StringBuilder out = new StringBuilder();
    for (String line : grammar.split("\n", -1)) {
      out.append(line.startsWith("root ::= ") ? "scaffold-value ::= " + line.substring(9) : line)
          .append('\n');
    }
    return out.toString().stripTrailing()
        + "\nroot ::= scaffold-value scaffold-tail\nscaffold-tail ::= " + tail + "\n";
  }

  static String compactWhitespace(String grammar) {
    StringBuilder out = new StringBuilder();
    for (String line : grammar.split("\n", -1)) {
      if (line.startsWith("space ::=")) {
        out.append("space ::= \" \"?");
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }
}
