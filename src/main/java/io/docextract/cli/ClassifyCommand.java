package io.docextract.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.classify.Classification;
import io.docextract.classify.Decision;
import io.docextract.classify.TypeClassifier;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.GoldTexts;
import io.docextract.ingest.DocumentTexts;
import io.docextract.model.ModelRuntime;
import io.docextract.values.JsonLines;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract classify}: how well a mixed-folder pipeline tells its types apart, on labelled
 * documents of each type — accuracy, a confusion table, and how many the signals decided alone.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify labelled documents with a pipeline's document types (signals, then the model)"
          + " and print accuracy and the confusion table.",
      "Each --labelled names a type and a gold file whose documents are of that type; the gold's"
          + " own text is used when it has one, else Tika parses the file.",
      "",
      "Example: docextract classify --pipeline pipelines/mixed.yaml"
          + " --labelled receipt=../shared/data/sroie-train-text/gold.jsonl@300:"
          + " --labelled nda=../shared/data/kleister-nda-train/gold.jsonl@70:"
    })
public final class ClassifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--pipeline",
      required = true,
      paramLabel = "FILE",
      description = "pipeline with two or more document types")
  Path pipeline;

  @Option(
      names = "--labelled",
      required = true,
      paramLabel = "TYPE=GOLD[@FROM:TO]",
      description =
          "documents of gold file GOLD (optionally a slice of its lines, e.g."
              + " gold.jsonl@70: for a held-apart tail) are of type TYPE; repeat per type")
  Map<String, String> labelled = new LinkedHashMap<>();

  @Option(names = "--no-model", description = "signals only: what the rules decide alone")
  boolean noModel;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JobConfig config = Pipelines.load(pipeline, null);
    Classification c = config.classification();
    if (c == null) {
      throw new CommandFailure(
          ExitCodes.BAD_CONFIG, pipeline + " has one document type:" + " nothing to classify");
    }
    List<String> open = DocumentTypeConfig.openTypes(config.documentTypes());
    for (String type : labelled.keySet()) {
      if (config.documentTypes().stream().noneMatch(t -> t.name().equals(type))) {
        throw new CommandFailure(
            ExitCodes.BAD_CONFIG, pipeline + " declares no type '" + type + "'");
      }
    }
    if (noModel) {
      c = new Classification(c.profiles(), false, c.minSignals(), c.headChars());
    }
    ModelRuntime runtime = c.useModel() ? ModelRuntime.acquire(config.model()) : null;
    TypeClassifier classifier = new TypeClassifier(c, runtime);
    DocumentTexts texts = new DocumentTexts(config.parseLimits());

    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    Map<String, Integer> byMethod = new TreeMap<>();
    List<ObjectNode> wrong = new ArrayList<>();
    int n = 0;
    int right = 0;
    long start = System.nanoTime();
    for (Map.Entry<String, String> e : labelled.entrySet()) {
      int at = e.getValue().lastIndexOf('@');
      Path gold = Path.of(at < 0 ? e.getValue() : e.getValue().substring(0, at));
      String slice = at < 0 ? "all" : e.getValue().substring(at + 1);
      for (GoldDocument g : GoldSet.slice(GoldSet.load(gold), slice)) {
        String text = GoldTexts.textOf(g, null, texts).orElse(null);
        Decision d =
            text == null
                ? new Decision(null, "unreadable", Map.of())
                : classifier.classify(text, open);
        String got = d.type() == null ? "unknown" : d.type();
        confusion.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(got, 1, Integer::sum);
        byMethod.merge(d.method(), 1, Integer::sum);
        n++;
        if (got.equals(e.getKey())) {
          right++;
        } else {
          ObjectNode w = JsonLines.mapper().createObjectNode();
          w.put("doc", g.doc())
              .put("expected", e.getKey())
              .put("got", got)
              .put("method", d.method())
              .put("scores", d.scores().toString());
          wrong.add(w);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double accuracy = n == 0 ? 0 : (double) right / n;
    out.printf(
        "%d documents, accuracy %.3f (%d right), %.1f s; decided by %s%n",
        n, accuracy, right, seconds, byMethod);
    out.println("expected -> classified as:");
    confusion.forEach((type, row) -> out.printf("  %-10s %s%n", type, row));
    wrong.stream().limit(20).forEach(w -> out.println("  wrong: " + w));
    if (json != null) {
      ObjectNode root = JsonLines.mapper().createObjectNode();
      root.put("pipeline", pipeline.toString())
          .put("documents", n)
          .put("accuracy", accuracy)
          .put("seconds", seconds)
          .put("model", c.useModel());
      root.set("by_method", JsonLines.mapper().valueToTree(byMethod));
      root.set("confusion", JsonLines.mapper().valueToTree(confusion));
      root.putArray("wrong").addAll(wrong);
      Files.writeString(
          json,
          JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
