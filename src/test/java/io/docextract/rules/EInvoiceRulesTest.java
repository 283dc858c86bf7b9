package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.EInvoiceText;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import io.docextract.ingest.ParsedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Factur-X and ZUGFeRD PDFs (datasets/zugferd-corpus, whose gold is each PDF's embedded XML)
 * through Tika: each PDF is one document whose text opens with its XML as a labelled invoice, and
 * the shipped invoice rules read the invoice's own values from it, on all 44 (five producers,
 * ZUGFeRD 1 and 2, Factur-X).
 */
class EInvoiceRulesTest {

  private static final Path CORPUS = Path.of("datasets/zugferd-corpus");

  private static RuleSet rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RuleSet.load(Path.of("pipelines/rules/invoice.yaml"));
  }

  @Test
  void theEmbeddedXmlGivesTheInvoicesOwnValues() throws IOException {
    List<JsonNode> gold = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(CORPUS.resolve("gold.jsonl"))) {
      gold.add(json.readTree(line));
    }
    assertEquals(44, gold.size());
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
      for (JsonNode g : gold) {
        Path pdf = CORPUS.resolve(g.path("doc").asText());
        List<ParseOutcome> docs = parser.parseAll(Files.readAllBytes(pdf), pdf.toString());
        // The PDF and its XML are one invoice; another attachment (a scanned statement, an XML
        // of logistics data) stays a part of its own.
        assertEquals(
            List.of(),
            docs.stream()
                .skip(1)
                .filter(o -> o.ok() && o.document().metadata().containsKey(EInvoiceText.METADATA))
                .toList());
        ParsedDocument xml = docs.get(0).document();
        assertEquals(pdf.toString(), xml.source());
        assertEquals("true", xml.metadata().get(EInvoiceText.METADATA));
        assertTrue(xml.text().startsWith(EInvoiceText.HEADING), xml.text());
        Map<String, List<String>> found = rules.apply(xml.text());
        JsonNode want = g.path("fields");
        String where = pdf + ":\n" + xml.text();
        assertEquals(
            List.of(want.path("invoice_number").asText()), found.get("invoice_number"), where);
        assertEquals(List.of(want.path("date").asText()), found.get("date"), where);
        assertEquals(List.of(want.path("currency").asText()), found.get("currency"), where);
        assertEquals(
            want.path("issuer").asText(),
            found.get("issuer").get(0).replaceAll("\\s+", " "),
            where);
        assertEquals(
            want.path("amount").decimalValue().doubleValue(),
            Double.parseDouble(found.get("amount").get(0)),
            1e-9,
            where);
        assertEquals(
            "rule:einvoice-number",
            "rule:" + rules.matches(xml.text()).get("invoice_number").rule());
      }
    }
  }

  @Test
  void withEInvoicesOffThePdfIsItsPrintAndTheXmlAPartAsTikaGivesIt() throws IOException {
    Path pdf = CORPUS.resolve("pdf/EN16931_Einfach.pdf");
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withEInvoices(false))) {
      List<ParseOutcome> docs = parser.parseAll(Files.readAllBytes(pdf), pdf.toString());
      assertEquals(2, docs.size(), docs.toString());
      assertFalse(docs.get(0).document().text().contains(EInvoiceText.HEADING));
      ParsedDocument xml = docs.get(1).document();
      assertEquals(pdf + "!/factur-x.xml", xml.source());
      assertFalse(xml.text().contains(EInvoiceText.HEADING), xml.text());
      assertFalse(xml.metadata().containsKey(EInvoiceText.METADATA));
    }
  }

  @Test
  void theCandidateFieldsKeepTheOrderTheAdapterLearnt() throws IOException {
    // The order of each field's first rule by priority sets the order of the prompt's candidate
    // block; the e-invoice rules, added after the adapter was trained, must not move it (another
    // order changed 4 issuers of the corpus read from the print).
    String text =
        EInvoiceText.HEADING
            + " (CrossIndustryInvoice)\nInvoice number: R-1\nInvoice date: 2024-01-02\n"
            + "Seller: Muster GmbH\nCurrency: EUR\nTotal with tax: 11.90\n\n"
            + "Muster GmbH\nRechnung Nr. R-1\nDatum: 02.01.2024\nGesamtbetrag 11,90 EUR\n";
    assertEquals(
        List.of("issuer", "date", "amount", "invoice_number", "currency"),
        List.copyOf(rules.candidates(text, 3).keySet()));
  }

  @Test
  void anInvoiceThatOnlyPrintsTheLabelsIsNotReadAsAnEInvoice() throws IOException {
    String printed =
        "ACME LTD\nInvoice number: 77-12\nSeller: Someone Else\nTotal with tax: 9.99\n";
    Map<String, RuleSet.Match> m = rules.matches(printed);
    m.values().forEach(match -> assertFalse(match.rule().startsWith("einvoice"), match.rule()));
  }
}
