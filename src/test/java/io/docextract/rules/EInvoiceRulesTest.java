package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.Test;

/**
 * Real Factur-X and ZUGFeRD PDFs (datasets/zugferd-corpus, whose gold is each PDF's embedded XML)
 * through Tika: the embedded XML becomes a part whose text is the labelled e-invoice, and the
 * shipped invoice rules read the invoice's own values from it, on all 44 (five producers, ZUGFeRD 1
 * and 2, Factur-X).
 */
class EInvoiceRulesTest {

  private static final Path CORPUS = Path.of("datasets/zugferd-corpus");

  @Test
  void theEmbeddedXmlGivesTheInvoicesOwnValues() throws IOException {
    RuleSet rules = RuleSet.load(Path.of("pipelines/rules/invoice.yaml"));
    List<JsonNode> gold = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(CORPUS.resolve("gold.jsonl"))) {
      gold.add(json.readTree(line));
    }
    assertEquals(44, gold.size());
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
      for (JsonNode g : gold) {
        Path pdf = CORPUS.resolve(g.path("doc").asText());
        List<ParseOutcome> parts = parser.parseAll(Files.readAllBytes(pdf), pdf.toString());
        ParsedDocument host = parts.get(0).document();
        assertFalse(host.text().startsWith(EInvoiceText.HEADING), "the PDF keeps its own text");
        ParsedDocument xml =
            parts.stream()
                .filter(ParseOutcome::ok)
                .map(ParseOutcome::document)
                .filter(d -> "true".equals(d.metadata().get(EInvoiceText.METADATA)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no e-invoice part in " + pdf));
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
  void anInvoiceThatOnlyPrintsTheLabelsIsNotReadAsAnEInvoice() throws IOException {
    RuleSet rules = RuleSet.load(Path.of("pipelines/rules/invoice.yaml"));
    String printed =
        "ACME LTD\nInvoice number: 77-12\nSeller: Someone Else\nTotal with tax: 9.99\n";
    Map<String, RuleSet.Match> m = rules.matches(printed);
    m.values().forEach(match -> assertFalse(match.rule().startsWith("einvoice"), match.rule()));
  }
}
