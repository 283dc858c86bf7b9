package io.docextract.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.eval.Prediction;
import io.docextract.ingest.DocumentTexts;
import io.docextract.model.ModelSettings;
import io.docextract.review.LabelStudio;
import io.docextract.review.PreAnnotation;
import io.docextract.values.JsonLines;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract label}: pre-annotated labelling tasks for unlabelled documents. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline over a folder of unlabelled documents and write labelling tasks"
          + " pre-filled with the best proposal per field — the pipeline's value (its model, and"
          + " its second tier or endpoint where it names one) or the rules' match — with the"
          + " fields where they disagree marked, most uncertain document first: Label Studio"
          + " tasks (OUT, and OUT.config.xml, its labeling config) and one JSON line per document"
          + " (OUT with .jsonl for .json). Either comes back, corrected, with `review import`"
          + " (--format label-studio or jsonl) as gold for `finetune --from`.",
      "",
      "Example: docextract label --pipeline pipelines/receipt.yaml --input new-receipts/"
          + " --out out/label/tasks.json"
    })
public final class LabelCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pipeline", required = true, paramLabel = "FILE")
  Path pipeline;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "the folder of unlabelled documents")
  Path input;

  @Option(names = "--type", paramLabel = "NAME", description = "document type (default: the first)")
  String type;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "out/label/tasks.json")
  Path out;

  @CommandLine.Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (!Files.isDirectory(input)) {
      throw new CommandFailure(ExitCodes.NO_INPUT, "--input: not a folder: " + input);
    }
    JobConfig config = Pipelines.load(pipeline, null);
    DocumentTypeConfig docType = Pipelines.type(config, type);
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    GoldRuns.Run run =
        GoldRuns.run(config, docType, input, dir.resolve("run"), BeamOptions.parse(beamArgs));
    Map<String, String> texts = new LinkedHashMap<>();
    try (DocumentTexts parsed = new DocumentTexts(config.parseLimits());
        Stream<Path> files = Files.list(input)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        texts.put(f.getFileName().toString(), parsed.text(f).orElse(""));
      }
    }
    List<PreAnnotation.Document> docs = new ArrayList<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Prediction p = run.byFile().getOrDefault(e.getKey(), Prediction.missing());
      docs.add(
          PreAnnotation.propose(
              e.getKey(),
              input.resolve(e.getKey()).toString(),
              docType.schema().tree(),
              docType.fieldNormalisers(),
              p.fields(),
              p.fieldConfidence(),
              p.confidence(),
              docType.rules().apply(e.getValue()),
              p.accepted() ? null : p.reason()));
    }
    docs = PreAnnotation.order(docs);
    ModelSettings m = docType.modelOr(config.model());
    String version =
        m.modelSha256().substring(0, 12)
            + (m.adapterSha256() == null ? "" : "+" + m.adapterSha256().substring(0, 12));
    ArrayNode tasks = JsonLines.mapper().createArrayNode();
    String base = out.getFileName().toString().replaceFirst("\\.json$", "");
    Path jsonl = out.resolveSibling(base + ".jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
      for (int i = 0; i < docs.size(); i++) {
        PreAnnotation.Document d = docs.get(i);
        tasks.add(
            PreAnnotation.task(
                d, texts.get(d.id()), docType.name(), i + 1, version, docType.schema().tree()));
        w.write(JsonLines.mapper().writeValueAsString(d.json(docType.name(), texts.get(d.id()))));
        w.newLine();
      }
    }
    JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), tasks);
    Path xml = out.resolveSibling(out.getFileName() + ".config.xml");
    Files.writeString(xml, LabelStudio.config(docType.schema().tree()));
    long disagreeing = docs.stream().filter(d -> !d.disagreements().isEmpty()).count();
    o.printf(
        "label: %d documents, %d with model and rules disagreeing; most uncertain first%n",
        docs.size(), disagreeing);
    o.println("written: " + out + ", " + jsonl + ", " + xml);
    return ExitCodes.OK;
  }
}
