package io.docextract.bench;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.ingest.DocumentTexts;
import io.docextract.ingest.ParseOutcome;
import io.docextract.model.ContextOverflowException;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.PromptFit;
import io.docextract.model.ValueScaffold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompts a job would send for a set of files, built the way the pipeline builds them: Tika
 * parse, first matching document type, text clipped to the prompt budget and cut to fit the
 * context, the type's prompt rendered by the runtime, the schema's grammar. Files that would not
 * reach the model are counted by reason.
 */
public record PromptSet(List<BenchPrompt> prompts, Map<String, Long> skipped, double parseSeconds) {

  public static PromptSet build(JobConfig config, ModelRuntime runtime, List<Path> files)
      throws IOException {
    DocumentTexts texts = new DocumentTexts(config.parseLimits());
    Map<String, String> grammars = new HashMap<>();
    Map<String, Integer> prefixes = new HashMap<>();
    Map<String, Optional<ValueScaffold>> scaffolds = new HashMap<>();
    List<BenchPrompt> prompts = new ArrayList<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (Path f : files) {
      ParseOutcome o = texts.parse(f);
      if (!o.ok()) {
        skipped.merge(o.failure().code(), 1L, Long::sum);
        continue;
      }
      DocumentTypeConfig type =
          config.documentTypes().stream()
              .filter(t -> t.matches(f.toString()))
              .findFirst()
              .orElse(null);
      if (type == null) {
        skipped.merge("unknown_type", 1L, Long::sum);
        continue;
      }
      String text = type.fitText(o.document().text(), config.maxPromptChars());
      String grammar =
          grammars.computeIfAbsent(type.name(), k -> Grammars.forSchema(type.schema().json()));
      int prefix = prefixes.computeIfAbsent(type.name(), k -> sharedPrefixTokens(runtime, type));
      PromptFit fit;
      try {
        fit =
            PromptFit.fit(
                runtime, t -> runtime.renderPrompt(type.prompt(), type.promptText(t)), text);
      } catch (ContextOverflowException e) {
        skipped.merge("context_overflow", 1L, Long::sum);
        continue;
      }
      ValueScaffold scaffold =
          scaffolds.computeIfAbsent(type.name(), k -> type.scaffold()).orElse(null);
      prompts.add(new BenchPrompt(f.toString(), fit.prompt(), grammar, prefix, scaffold));
    }
    return new PromptSet(prompts, skipped, (System.nanoTime() - start) / 1e9);
  }

  /** Tokens before the point where two different documents' prompts first differ. */
  static int sharedPrefixTokens(ModelRuntime runtime, DocumentTypeConfig type) {
    String a = runtime.renderPrompt(type.prompt(), "A");
    String b = runtime.renderPrompt(type.prompt(), "B");
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i == 0 ? 0 : runtime.countTokens(a.substring(0, i));
  }

  public List<BenchPrompt> withoutGrammar() {
    return prompts.stream().map(BenchPrompt::withoutGrammar).toList();
  }

  /** The same requests with the model writing the whole object (no value scaffold). */
  public List<BenchPrompt> wholeObject() {
    return prompts.stream().map(BenchPrompt::wholeObject).toList();
  }

  public boolean decodesValues() {
    return prompts.stream().anyMatch(p -> p.scaffold() != null);
  }
}
