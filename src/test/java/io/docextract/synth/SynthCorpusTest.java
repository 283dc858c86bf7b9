package io.docextract.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.validate.DocumentSchema;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCorpusTest {

  private static final int COUNT = 60;

  @TempDir Path tmp;

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
    SynthCorpus.write(tmp.resolve("a"), COUNT, 7, SynthCorpus.TYPES);
    SynthCorpus.write(tmp.resolve("b"), COUNT, 7, SynthCorpus.TYPES);
    SynthCorpus.write(tmp.resolve("c"), COUNT, 8, SynthCorpus.TYPES);
    List<Path> files = files(tmp.resolve("a"));
    assertEquals(COUNT + 1, files.size(), "documents and gold.jsonl");
    assertEquals(
        files.stream().map(tmp.resolve("a")::relativize).toList(),
        files(tmp.resolve("b")).stream().map(tmp.resolve("b")::relativize).toList());
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(f),
          Files.readAllBytes(tmp.resolve("b").resolve(tmp.resolve("a").relativize(f))),
          "" + f);
    }
    assertNotEquals(
        Files.readString(tmp.resolve("a/gold.jsonl")),
        Files.readString(tmp.resolve("c/gold.jsonl")));
  }

  @Test
  void everyGoldValueIsPrintedInItsDocumentAndValidatesAgainstItsSchema() throws Exception {
    Map<String, Integer> counts = SynthCorpus.write(tmp, COUNT, 11, SynthCorpus.TYPES);
    assertEquals(Map.of("receipt", COUNT / 2, "invoice", COUNT / 2), counts);
    Map<String, RecordValidator> validators =
        Map.of(
            "receipt",
                new RecordValidator(DocumentSchema.load(Path.of("schemas/receipt.schema.json"))),
            "invoice",
                new RecordValidator(DocumentSchema.load(Path.of("schemas/invoice.schema.json"))));
    List<GoldDocument> gold = GoldSet.load(tmp.resolve("gold.jsonl"));
    assertEquals(COUNT, gold.size());
    Set<String> extensions = new HashSet<>();
    Set<String> layouts = new HashSet<>();
    for (GoldDocument g : gold) {
      Path file = g.file(null);
      String type = g.doc().startsWith("receipts/") ? "receipt" : "invoice";
      assertTrue(g.doc().startsWith(type + "s/"), g.doc());
      String ext = g.doc().substring(g.doc().lastIndexOf('.') + 1);
      extensions.add(ext);
      String text =
          ext.equals("pdf")
              ? pdfText(file)
              : ext.equals("docx")
                  ? new org.apache.tika.Tika().parseToString(file)
                  : Files.readString(file);
      // Invoices print their amounts and dates in their own formats (InvoiceSynthTest).
      int index = Integer.parseInt(g.doc().replaceAll("\\D", "")) - 1;
      for (String value :
          type.equals("receipt")
              ? printed(g.fields())
              : List.copyOf(SynthCorpus.document(11, index, SynthCorpus.TYPES).printed().values())
                  .subList(0, 3)) {
        assertTrue(text.contains(value), g.doc() + " does not print '" + value + "':\n" + text);
      }
      Verdict v = validators.get(type).validate(g.fields().toString());
      assertTrue(v.ok(), g.doc() + ": " + v.messages());
      if (type.equals("invoice")) {
        continue;
      }
      // The line that carries the total differs between layouts (TOTAL, Grand Total, ...).
      layouts.add(
          text.lines()
              .filter(l -> l.contains(totalOf(g.fields())))
              .map(l -> l.replaceAll("[0-9. ]+$", "").strip())
              .findFirst()
              .orElse(""));
    }
    assertEquals(Set.of("txt", "html", "pdf", "docx"), extensions);
    assertTrue(layouts.size() >= 5, "receipt total labels seen: " + layouts);
  }

  @Test
  void anUnknownTypeIsRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> SynthCorpus.write(tmp, 3, 1, List.of("nda")));
    assertTrue(e.getMessage().contains("nda"), e.getMessage());
  }

  /** The gold's values as they must appear in the text; the invoice amount with two decimals. */
  private static List<String> printed(JsonNode fields) {
    List<String> values = new java.util.ArrayList<>();
    fields
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v.isArray()) {
                v.forEach(line -> line.forEach(x -> values.add(x.asText())));
              } else if (v.isNumber()) {
                values.add(String.format("%.2f", v.decimalValue()));
              } else {
                values.add(v.asText());
              }
            });
    return values;
  }

  private static String totalOf(JsonNode fields) {
    return fields.has("total")
        ? fields.get("total").asText()
        : String.format("%.2f", fields.get("amount").decimalValue());
  }

  private static String pdfText(Path file) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
