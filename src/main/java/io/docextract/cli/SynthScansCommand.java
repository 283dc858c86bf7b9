package io.docextract.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.Splits;
import io.docextract.synth.ScanRender;
import io.docextract.values.JsonLines;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docextract synth-scans}: scan-like images of labelled documents given as OCR boxes. */
@Command(
    name = "synth-scans",
    mixinStandardHelpOptions = true,
    description = {
      "Draw each gold document's OCR boxes (SROIE's 'ocr_boxes') as a page image, each line at its"
          + " place, then degraded like a receipt scan (small, tilted, blurred, speckled, JPEG);"
          + " writes DIR/<doc>-scan.jpg and DIR/gold.jsonl with the same fields and no text, so finetune"
          + " and eval read them through the pipeline's own OCR.",
      "For training a model on the text OCR makes of scans when only the text of the documents"
          + " is at hand. The same seed gives the same bytes.",
      "",
      "Example: docextract synth-scans --gold ../shared/data/sroie-train-text/gold.jsonl"
          + " --split splits/sroie-train-text.json:train --out /tmp/scans"
    })
public final class SynthScansCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "GOLD")
  Path gold;

  @Option(names = "--out", required = true, paramLabel = "DIR")
  Path out;

  @Option(
      names = "--split",
      paramLabel = "FILE:PART",
      description = "a recorded split's part, e.g. splits/sroie-train-text.json:train")
  String split;

  @Option(
      names = "--select",
      defaultValue = "all",
      paramLabel = "FROM:TO",
      description = "slice of the gold file's lines (within --split when both are given)")
  String select;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42")
  long seed;

  @Override
  public Integer call() throws Exception {
    List<GoldDocument> all = GoldSet.load(gold);
    List<GoldDocument> docs =
        GoldSet.slice(split == null ? all : Splits.select(all, split), select);
    List<GoldDocument> boxed = docs.stream().filter(d -> d.ocrBoxes() != null).toList();
    if (boxed.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), gold + ": no selected document gives 'ocr_boxes' to draw");
    }
    Files.createDirectories(out);
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    for (GoldDocument d : boxed) {
      List<String> rows =
          Files.readAllLines(d.base().resolve(d.ocrBoxes()), StandardCharsets.UTF_8);
      // Its own id: a drawn page is another document than the text it was drawn from, so
      // `finetune --from` replays the text beside it (replay skips ids the new set holds).
      String name =
          Path.of(d.doc()).getFileName().toString().replaceAll("\\.[^.]*$", "") + "-scan.jpg";
      byte[] jpeg = ScanRender.jpeg(ScanRender.parse(rows), seed * 31 + d.doc().hashCode());
      Files.write(out.resolve(name), jpeg);
      bytes += jpeg.length;
      ObjectNode line = JsonLines.mapper().createObjectNode();
      line.put("doc", name);
      line.set("fields", d.fields());
      lines.add(JsonLines.toLine(line));
    }
    Files.write(out.resolve("gold.jsonl"), lines, StandardCharsets.UTF_8);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "synth-scans: %d page images (%d skipped without ocr_boxes, %.1f MB) in %s, gold: %s%n",
        boxed.size(), docs.size() - boxed.size(), bytes / 1e6, out, out.resolve("gold.jsonl"));
    o.flush();
    return ExitCodes.OK;
  }
}
