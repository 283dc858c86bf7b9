package io.docextract.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.model.Completion;
import io.docextract.model.ExtractionPrompt;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses among candidate types by their signals, and asks the model (under a grammar that only
 * admits the candidates' names and {@code other}) when no type leads with enough of them.
 */
public final class TypeClassifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Classification config;
  private final SignalScorer scorer;
  private final ModelRuntime runtime;

  /** {@code runtime} may be null when the configuration does not use the model. */
  public TypeClassifier(Classification config, ModelRuntime runtime) {
    if (config.useModel() && runtime == null) {
      throw new IllegalArgumentException("classification by model needs a model runtime");
    }
    this.config = config;
    this.scorer = new SignalScorer(config.profiles());
    this.runtime = runtime;
  }

  public Decision classify(String text, List<String> among) throws InterruptedException {
    List<String> candidates =
        config.profiles().stream()
            .filter(p -> among.contains(p.name()) && p.admits(text))
            .map(TypeProfile::name)
            .toList();
    if (candidates.isEmpty()) {
      return new Decision(null, "length", Map.of());
    }
    Map<String, Integer> scores = scorer.scores(text, candidates);
    String best = null;
    int top = -1;
    int second = -1;
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      if (e.getValue() > top) {
        second = top;
        top = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    if (best != null && top >= config.minSignals() && top > second) {
      return new Decision(best, "signals", scores);
    }
    if (!config.useModel()) {
      return new Decision(null, "none", scores);
    }
    String answer = ask(text, candidates);
    return new Decision(Classification.OTHER.equals(answer) ? null : answer, "model", scores);
  }

  private String ask(String text, List<String> candidates) throws InterruptedException {
    List<String> names = new ArrayList<>(candidates);
    names.add(Classification.OTHER);
    StringBuilder system =
        new StringBuilder(
            "Say which kind of document this is. Answer with the kind's name only, as a JSON"
                + " string. The kinds:\n");
    for (TypeProfile p : config.profiles()) {
      if (candidates.contains(p.name())) {
        system.append("- ").append(p.name()).append(": ").append(p.description()).append('\n');
      }
    }
    system.append("- ").append(Classification.OTHER).append(": none of these\n");
    String head = ExtractionPrompt.clip(text, config.headChars());
    String prompt =
        runtime.renderTurns(
            system.toString(),
            List.<String[]>of(new String[] {"user", "Document:\n" + head.strip()}));
    String schema;
    try {
      schema = JSON.writeValueAsString(Map.of("type", "string", "enum", names));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Completion c = runtime.complete(prompt, Grammars.forSchema(schema), 24);
    try {
      String name = JSON.readTree(c.text()).asText();
      return names.contains(name) ? name : Classification.OTHER;
    } catch (IOException e) {
      return Classification.OTHER;
    }
  }
}
