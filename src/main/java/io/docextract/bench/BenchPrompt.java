package io.docextract.bench;

import io.docextract.model.ValueScaffold;

/**
 * One request as the pipeline would send it.
 *
 * @param source the input file
 * @param prompt the rendered prompt string
 * @param grammar the schema grammar, null to measure without one
 * @param sharedPrefixTokens tokens at the start of the prompt that every document of the type
 *     shares (instructions, schema, examples): what the prompt cache can reuse
 * @param scaffold when the type decodes only values, its keys; null when the model writes the whole
 *     object
 */
public record BenchPrompt(
    String source, String prompt, String grammar, int sharedPrefixTokens, ValueScaffold scaffold) {

  /** The whole object, generated without a grammar. */
  public BenchPrompt withoutGrammar() {
    return new BenchPrompt(source, prompt, null, sharedPrefixTokens, null);
  }

  /** The whole object, generated under the schema grammar. */
  public BenchPrompt wholeObject() {
    return new BenchPrompt(source, prompt, grammar, sharedPrefixTokens, null);
  }
}
