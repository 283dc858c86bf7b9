package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.config.JobConfig;
import io.docextract.decision.RecordDecision;
import io.docextract.grounding.Grounder;
import io.docextract.grounding.RecordGrounding;
import io.docextract.ingest.DocumentTexts;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.ExtractionPrompt;
import io.docextract.values.JsonLines;
import io.docextract.values.Normaliser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A run's review queue read back for people: every line of its review*.jsonl, each document's text
 * re-parsed from its source with the run's limits (the items keep only an excerpt), and the model's
 * values grounded in it.
 */
public final class ReviewQueue {

  private ReviewQueue() {}

  /** What the model was shown of a document of a type: all of it, its opening or passages. */
  @FunctionalInterface
  public interface TextFit {
    String fit(String documentType, String text);

    static TextFit head(int maxPromptChars) {
      return (type, text) -> ExtractionPrompt.clip(text, maxPromptChars);
    }
  }

  /** How an item's values are found in its text: as its type's decision finds them. */
  @FunctionalInterface
  public interface Grounding {
    RecordGrounding of(String documentType, JsonNode fields, String text);

    static Grounding defaults(Map<String, Normaliser> normalisers) {
      Grounder grounder = Grounder.defaults();
      return (type, fields, text) -> RecordGrounding.of(fields, text, grounder, normalisers);
    }
  }

  /**
   * A run's queue as its pipeline sees it: each type's text fit, and its values grounded with the
   * type's own grounder and normalisers ({@link RecordDecision#ground}), as when it was decided.
   */
  public static List<QueuedItem> read(Path runDir, JobConfig config) throws IOException {
    Map<String, RecordDecision> decisions = new HashMap<>();
    config.documentTypes().forEach(t -> decisions.put(t.name(), new RecordDecision(t)));
    // Items no type decided (parse failures, unknown types) have no values to ground.
    Grounding untyped = Grounding.defaults(Map.of());
    return read(
        runDir,
        config.parseLimits(),
        config::fitText,
        (type, fields, text) -> {
          RecordDecision d = decisions.get(type);
          return d != null ? d.ground(fields, text) : untyped.of(type, fields, text);
        });
  }

  public static List<QueuedItem> read(
      Path runDir, ParseLimits limits, int maxPromptChars, Map<String, Normaliser> normalisers)
      throws IOException {
    return read(runDir, limits, TextFit.head(maxPromptChars), Grounding.defaults(normalisers));
  }

  public static List<QueuedItem> read(
      Path runDir, ParseLimits limits, TextFit fit, Grounding grounding) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(runDir, "review*.jsonl")) {
      ds.forEach(files::add);
    }
    files.sort(null);
    if (files.isEmpty()) {
      throw new IOException("no review*.jsonl in " + runDir);
    }
    List<QueuedItem> items = new ArrayList<>();
    try (DocumentTexts texts = new DocumentTexts(limits)) {
      for (Path f : files) {
        readItems(f, texts, fit, grounding, items);
      }
    }
    return items;
  }

  private static void readItems(
      Path f, DocumentTexts texts, TextFit fit, Grounding grounding, List<QueuedItem> items)
      throws IOException {
    for (String line : Files.readAllLines(f)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode item = JsonLines.mapper().readTree(line);
      String text = text(texts, item, fit);
      // The pipeline's proposal (after rules and fallback) where it got that far, else the
      // model's reply as it was: reviewers correct what the pipeline would have written.
      ObjectNode predicted =
          item.path("fields").isObject()
              ? ((ObjectNode) item.get("fields")).deepCopy()
              : predicted(item.path("raw_output").asText(""));
      RecordGrounding g = grounding.of(item.path("document_type").asText(""), predicted, text);
      double score =
          g.scores().values().stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
      items.add(
          new QueuedItem(item, text, predicted, g.spanLists(), predicted.isEmpty() ? 0 : score));
    }
  }

  private static String text(DocumentTexts texts, JsonNode item, TextFit fit) {
    if ("ParseDocuments".equals(item.path("stage").asText())) {
      // The parse itself failed (too large, corrupt, a limit, a timeout): parsing it again would
      // only repeat the cost, and there is no text beyond the excerpt.
      return item.path("excerpt").asText("");
    }
    String type = item.path("document_type").asText("");
    String text = textOf(texts, item.path("source").asText(), t -> fit.fit(type, t));
    // The source moved or cannot be parsed: the reviewer still gets the excerpt.
    return text != null ? text : item.path("excerpt").asText("");
  }

  /** The text the model saw for a source, or null when it cannot be read or parsed. */
  public static String textOf(DocumentTexts texts, String source, UnaryOperator<String> fit) {
    return texts.ofSource(source).map(fit).orElse(null);
  }

  private static ObjectNode predicted(String raw) {
    try {
      JsonNode n = JsonLines.mapper().readTree(raw);
      if (n != null && n.isObject()) {
        return (ObjectNode) n;
      }
    } catch (IOException e) {
      // A cut or broken reply: nothing to pre-fill.
    }
    return JsonLines.mapper().createObjectNode();
  }
}
