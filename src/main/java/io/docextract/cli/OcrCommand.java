package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.OcrQuality;
import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.OcrSettings;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract ocr}: how well the OCR reads labelled scans, apart from any model, through the
 * same parser the pipeline uses.
 */
@Command(
    name = "ocr",
    mixinStandardHelpOptions = true,
    description = {
      "Read labelled scans with an OCR engine through the pipeline's parser and measure the"
          + " reading: per page whether each gold value is in the text (as printed; letters and"
          + " digits only), the character error rate against the gold's own text (SROIE's OCR"
          + " lines) and the seconds per page. Prints a summary table; writes each page's text"
          + " and figures under --out.",
      "",
      "Example: docextract ocr --gold ../shared/data/sroie-train/gold.jsonl --engine paddle",
      "         docextract ocr --gold ../shared/data/sroie-train/gold.jsonl --engine tesseract"
          + " --psm 4 --min-width 1400"
    })
public final class OcrCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "gold JSON lines with the scans ('doc') and, for CER, their text")
  Path gold;

  @CommandLine.Mixin GoldOptions goldOptions = new GoldOptions();

  @Option(
      names = "--pipeline",
      paramLabel = "FILE",
      description = "take the OCR settings from this pipeline file (flags below override them)")
  Path pipeline;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description =
          "tika (Tika's Tesseract, the default), tesseract (command line with --psm"
              + " and page preparation) or paddle (PP-OCRv4 on ONNX Runtime)")
  String engine;

  @Option(names = "--psm", paramLabel = "N", description = "Tesseract page segmentation mode")
  Integer psm;

  @Option(names = "--grey", description = "tesseract: convert to grey first")
  boolean grey;

  @Option(
      names = "--min-width",
      paramLabel = "PX",
      defaultValue = "0",
      description = "tesseract: scale smaller pages up to this width")
  int minWidth;

  @Option(names = "--binarise", description = "tesseract: Otsu binarisation")
  boolean binarise;

  @Option(
      names = "--layout",
      paramLabel = "boxes|rows",
      description = "paddle: one box a line (SROIE's shape) or a row's boxes on one line")
  String layout;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "paddle: pp-ocrv4 (default), pp-ocrv5, pp-ocrv6-small or pp-ocrv6-tiny")
  String model;

  @Option(names = "--threads", paramLabel = "N", description = "paddle: ONNX Runtime threads")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/ocr")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OcrSettings settings;
    List<GoldDocument> docs;
    try {
      settings = settings();
      docs = goldOptions.load(gold);
    } catch (IllegalArgumentException | IOException e) {
      err.println("docextract: " + e.getMessage());
      return ExitCodes.BAD_CONFIG;
    }
    if (docs.isEmpty()) {
      err.println("docextract: no gold documents selected from " + gold);
      return ExitCodes.NO_INPUT;
    }
    List<String> fields = new ArrayList<>();
    docs.get(0).fields().fieldNames().forEachRemaining(fields::add);
    Path texts = out.resolve("texts");
    Files.createDirectories(texts);
    OcrQuality quality = new OcrQuality();
    // The gold's own text scored the same way: the ceiling, what a perfect reading would find.
    OcrQuality given = new OcrQuality();
    long started = System.nanoTime();
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withOcr(settings));
        var pages = Files.newBufferedWriter(out.resolve("pages.jsonl"))) {
      // The first parse starts the parser process and loads the engine: not a page's cost.
      read(parser, docs.get(0).file(goldOptions.docs));
      started = System.nanoTime();
      for (GoldDocument g : docs) {
        Path file = g.file(goldOptions.docs);
        long t0 = System.nanoTime();
        String text = read(parser, file);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Files.writeString(texts.resolve(file.getFileName() + ".txt"), text);
        OcrQuality.Page p =
            quality.add(g.doc(), values(g.fields()), text, g.hasText() ? g.text() : null, millis);
        if (g.hasText()) {
          given.add(g.doc(), values(g.fields()), g.text(), g.text(), 0);
        }
        pages.write(JsonLines.mapper().writeValueAsString(p));
        pages.newLine();
      }
    }
    double minutes = (System.nanoTime() - started) / 6e10;
    String table =
        "OCR of "
            + docs.size()
            + " pages of "
            + gold
            + " ["
            + goldOptions.describe()
            + "]: "
            + settings.describe()
            + "\n"
            + "gold values found in the text, as printed / letters and digits only;"
            + " CER against the gold's own text\n\n"
            + quality.table(settings.engine().label(), fields)
            + (given.pages().isEmpty()
                ? ""
                : given.table("the gold's own text", fields).lines().skip(2).findFirst().orElse("")
                    + "\n")
            + String.format(
                java.util.Locale.ROOT,
                "%n%.1f pages/min (%d cores)%n",
                docs.size() / minutes,
                Runtime.getRuntime().availableProcessors());
    Files.writeString(out.resolve("ocr.md"), table);
    o.println(table);
    o.println(
        "written: "
            + out.resolve("ocr.md")
            + ", "
            + out.resolve("pages.jsonl")
            + ", "
            + texts
            + "/");
    o.flush();
    return ExitCodes.OK;
  }

  private OcrSettings settings() {
    OcrSettings s =
        pipeline != null
            ? Pipelines.load(pipeline, null).parseLimits().ocr()
            : OcrSettings.defaults();
    return s.with(
        engine,
        psm,
        grey ? Boolean.TRUE : null,
        minWidth > 0 ? minWidth : null,
        binarise ? Boolean.TRUE : null,
        layout,
        threads,
        model,
        null);
  }

  /** The page's text as the pipeline would get it ("" when the parse found none). */
  private static String read(DocumentParser parser, Path file) throws IOException {
    ParseOutcome o = parser.parse(Files.readAllBytes(file), file.toString());
    return o.ok() ? o.document().text() : "";
  }

  private static Map<String, String> values(JsonNode fields) {
    Map<String, String> out = new LinkedHashMap<>();
    fields.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
