package io.docextract.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Writes a corpus: N documents under {@code receipts/} and {@code invoices/} (the folders the
 * sample pipeline's globs type) and {@code gold.jsonl} beside them in the form {@code eval} reads.
 * Document i depends only on the seed and i, so a corpus of 500 is the first 500 of the corpus of
 * 10,000 for the same seed.
 */
public final class SynthCorpus {

  /** The default types, in turn. */
  public static final List<String> TYPES = List.of("receipt", "invoice");

  /**
   * What {@code types} may name: the defaults, and {@code invoice-online}, an invoice as online
   * services print them. A variant is named {@code <type>-<variant>} and writes documents of its
   * type ({@link #documentType}). It is not a default so that a seed gives the same corpus as
   * before it existed.
   */
  public static final List<String> KNOWN = List.of("receipt", "invoice", "invoice-online");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SynthCorpus() {}

  /**
   * Document i of a corpus: its type alternates over {@code types}; receipts 70% text, 20% HTML,
   * 10% PDF; invoices 20% text, 20% HTML, 40% PDF (half of them drawn in runs), 20% DOCX.
   */
  public static SynthDocument document(long seed, int i, List<String> types) {
    Random r = new Random(seed * 1_000_003L + i);
    String type = types.get(i % types.size());
    int f = r.nextInt(10);
    SynthDocument.Format format =
        f < 7
            ? SynthDocument.Format.TXT
            : f < 9 ? SynthDocument.Format.HTML : SynthDocument.Format.PDF;
    if (documentType(type).equals("invoice")) {
      // invoices arrive mostly as PDFs, also as HTML mail, Word files and plain text
      format =
          f < 2
              ? SynthDocument.Format.TXT
              : f < 4
                  ? SynthDocument.Format.HTML
                  : f < 8 ? SynthDocument.Format.PDF : SynthDocument.Format.DOCX;
      // Half the PDFs as invoicing software draws them (RenderPdfRuns), decided apart from r so
      // the documents themselves are those of corpora written before PDF_RUNS existed.
      if (format == SynthDocument.Format.PDF
          && new SplittableRandom(seed * 7_919L + i).nextBoolean()) {
        format = SynthDocument.Format.PDF_RUNS;
      }
    }
    return switch (type) {
      case "receipt" -> Receipts.make(r, format);
      case "invoice" -> Invoices.make(r, format);
      case "invoice-online" -> Invoices.makeOnline(r, format);
      default -> throw new IllegalArgumentException("unknown type '" + type + "'; known: " + KNOWN);
    };
  }

  /**
   * The document type a name of {@link #KNOWN} writes: {@code invoice} for {@code invoice-online}.
   */
  static String documentType(String name) {
    int dash = name.indexOf('-');
    return dash < 0 ? name : name.substring(0, dash);
  }

  /** The file a document is written to, relative to the corpus folder. */
  public static String relativePath(SynthDocument doc, int i) {
    return doc.type()
        + "s/"
        + doc.type()
        + String.format("-%05d.", i + 1)
        + doc.format().extension();
  }

  /** Writes {@code count} documents and gold.jsonl under {@code out}; returns files per type. */
  public static Map<String, Integer> write(Path out, int count, long seed, List<String> types)
      throws IOException {
    for (String t : types) {
      if (!KNOWN.contains(t)) {
        throw new IllegalArgumentException("unknown type '" + t + "'; known: " + KNOWN);
      }
      Files.createDirectories(out.resolve(documentType(t) + "s"));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (BufferedWriter gold =
        Files.newBufferedWriter(out.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        SynthDocument doc = document(seed, i, types);
        String rel = relativePath(doc, i);
        Files.write(out.resolve(rel), Render.bytes(doc));
        ObjectNode line = MAPPER.createObjectNode();
        line.put("doc", rel);
        line.put("type", doc.type());
        line.set("fields", doc.gold());
        gold.write(MAPPER.writeValueAsString(line));
        gold.write('\n');
        counts.merge(doc.type(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
