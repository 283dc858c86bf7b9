package io.docextract.model;

import de.kherud.llama.LlamaModel;

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
