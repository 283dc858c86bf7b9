package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.catalog.Checksums;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.Bootstrap;
import io.docextract.eval.FieldScore;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.LearningCurve;
import io.docextract.eval.PipelineAdapter;
import io.docextract.eval.Prediction;
import io.docextract.eval.Scorer;
import io.docextract.finetune.NestedSample;
import io.docextract.finetune.TrainingSplit;
import io.docextract.model.ModelRuntime;
import io.docextract.values.JsonLines;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code finetune --sizes}: one adapter per number of labels, trained on nested seeded subsets of
 * the training split, each run through the pipeline on the same held-apart documents and scored
 * field by field; curve.json and curve.html are rewritten after every size, so a long curve can be
 * read (or stopped) part way.
 */
final class LearningCurveRun {

  /** Trains one adapter on {@code docs} into {@code dir}; returns the trainer's last event. */
  interface Trainer {
    JsonNode train(Path dir, List<TrainingSplit.Doc> docs) throws Exception;
  }

  private LearningCurveRun() {}

  static int run(
      FinetuneCommand c,
      JobConfig config,
      DocumentTypeConfig type,
      TrainingSplit.Result split,
      Trainer trainer)
      throws Exception {
    PrintWriter o = c.spec.commandLine().getOut();
    if (c.heldApart == null) {
      throw new CommandLine.ParameterException(
          c.spec.commandLine(),
          "--sizes needs --held-apart (the documents every size is scored on)");
    }
    List<Integer> sizes = c.sizes.stream().sorted().distinct().toList();
    if (sizes.get(0) < 1 || sizes.get(sizes.size() - 1) > split.train().size()) {
      throw new CommandLine.ParameterException(
          c.spec.commandLine(),
          "--sizes must be between 1 and the "
              + split.train().size()
              + " training documents, got "
              + c.sizes);
    }
    List<GoldDocument> held = GoldSet.slice(GoldSet.load(c.heldApart), c.heldApartSelect);
    Path inputs = c.out.resolve("held-apart");
    Map<String, GoldDocument> byFile = c.goldOptions.materialise(held, inputs);
    String original = Files.readString(c.pipeline);
    String heldName = c.heldApart + " [" + c.heldApartSelect + "], " + held.size() + " documents";
    LearningCurve curve =
        new LearningCurve("docextract learning curve: " + type.name(), heldName, c.metric);
    List<String> fields = List.copyOf(type.fieldNormalisers().keySet());
    for (int size : sizes) {
      Path dir = c.out.resolve("labels-" + size);
      List<TrainingSplit.Doc> docs =
          NestedSample.pick(split.train(), size, c.seed, Set.of(), Set.of());
      o.printf("learning curve: %d labels -> %s%n", size, dir);
      o.flush();
      JsonNode done = trainer.train(dir, docs);
      Path adapter = dir.resolve("adapter.gguf");
      Path file = dir.resolve("pipeline.yaml");
      Files.writeString(
          file,
          PipelineAdapter.apply(
              original,
              type.name(),
              adapter.toString(),
              Checksums.sha256(adapter),
              "# learning curve: " + size + " labels"));
      JobConfig sized = Pipelines.loadIgnoringMerged(file);
      ModelRuntime.shutdownIdle();
      GoldRuns.Run run =
          GoldRuns.run(
              sized,
              Pipelines.type(sized, type.name()),
              inputs,
              dir.resolve("held-apart-run"),
              BeamOptions.parse(c.beamArgs));
      Scorer scorer = new Scorer(type.fieldNormalisers());
      List<Map<String, FieldScore>> perDocument = new ArrayList<>();
      byFile.forEach(
          (f, g) ->
              perDocument.add(
                  scorer.add(
                      g.fields(), run.byFile().getOrDefault(f, Prediction.missing()).fields())));
      Map<String, Double> perField = new LinkedHashMap<>();
      for (String f : fields) {
        perField.put(f, c.metric.score(scorer.perField().get(f)));
      }
      double score = c.metric.score(scorer.overall());
      double trainMinutes = (done == null ? 0 : done.path("train_s").asDouble()) / 60;
      JsonNode loss = done == null ? null : done.get("eval_loss");
      curve.add(
          new LearningCurve.Point(
              size,
              adapter.toString(),
              trainMinutes,
              loss == null || !loss.isNumber() ? null : loss.asDouble(),
              score,
              Bootstrap.scores(perDocument, fields).get(c.metric.statistic()),
              perField));
      o.printf(
          Locale.ROOT,
          "learning curve: %d labels: %s %.3f %s, %.1f training minutes%n",
          size,
          c.metric.label(),
          score,
          perField,
          trainMinutes);
      o.flush();
      Files.writeString(
          c.out.resolve("curve.json"),
          JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(curve.json()));
      Files.writeString(c.out.resolve("curve.html"), curve.html());
    }
    o.println("written: " + c.out.resolve("curve.json") + ", " + c.out.resolve("curve.html"));
    return ExitCodes.OK;
  }
}
