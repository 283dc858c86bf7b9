package io.docextract.bench;

/**
 * One request as the pipeline would send it.
 *
 * @param source the input file
 * @param prompt the rendered prompt string
 * @param grammar the schema grammar, null to measure without one
 * @param sharedPrefixTokens tokens at the start of the prompt that every document of the type
 *     shares (instructions, schema, examples): what the prompt cache can reuse
 */
public record BenchPrompt(String source, String prompt, String grammar, int sharedPrefixTokens) {

  public BenchPrompt withoutGrammar() {
    return new BenchPrompt(source, prompt, null, sharedPrefixTokens);
  }
}
