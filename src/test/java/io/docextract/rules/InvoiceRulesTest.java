package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.grounding.Grounder;
import io.docextract.grounding.RecordGrounding;
import io.docextract.testing.Fixtures;
import io.docextract.values.Normaliser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped invoice rules (pipelines/rules/invoice.yaml) on invoice-shaped text. */
class InvoiceRulesTest {

  private static RuleSet rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RuleSet.load(Path.of("pipelines/rules/invoice.yaml"));
  }

  private static String issuer(String text) {
    return rules.apply(text).get("issuer").get(0);
  }

  @Test
  void theIssuerIsTheNameItsOwnDomainSpellsNotTheCustomersLegalForm() {
    String text =
        """
        Acme Widget Supply Co.
        4120 Foundry Road
        Dayton, OH 45402
        billing@acme-widgets.example | +1 (937) 555-0142
        INVOICE
        Bill To:
        Pinecrest Manufacturing Inc.
        88 Harbor Street
        """;
    assertEquals("Acme Widget Supply Co.", issuer(text));
    assertEquals("issuer-named-in-domain", rules.explain(text).get("issuer"));
    // the customer's legal-form line under "Bill To:" is not offered to the model at all
    assertEquals(List.of("Acme Widget Supply Co."), rules.candidates(text, 3).get("issuer"));
  }

  @Test
  void theDomainNamedIssuerIsKeptOverTheModelsAndTheLegalFormLineIsNot() throws Exception {
    String text =
        """
        BEISPIEL-RECHNUNGEN FÜR ZUGFERD 2.2
        Verkehrsbetriebe GmbH
        info@verkehrsbetriebe.de
        """;
    ObjectNode fields =
        (ObjectNode)
            new ObjectMapper().readTree("{\"issuer\":\"BEISPIEL-RECHNUNGEN FÜR ZUGFERD 2.2\"}");
    JsonNode schema = Fixtures.schema("invoice").tree();
    assertEquals(
        Map.of("issuer", "rule:issuer-named-in-domain"),
        RuleFallback.apply(fields, rules, text, schema));
    assertEquals("Verkehrsbetriebe GmbH", fields.get("issuer").asText());

    // no domain names it: the model's issuer, found in the text, stays
    String noDomain = "Invoice\nNorthwind Traders GmbH\nBill to: Contoso Ltd\n";
    ObjectNode model = (ObjectNode) new ObjectMapper().readTree("{\"issuer\":\"Contoso Ltd\"}");
    assertEquals(Map.of(), RuleFallback.apply(model, rules, noDomain, schema));
    assertEquals("Contoso Ltd", model.get("issuer").asText());
  }

  @Test
  void aReceiptFromHeadingNamesTheIssuerNotTheWholeLine() {
    String receipt =
        """
        Receipt from Acme, Inc.
        Receipt #2231-4432
        Amount paid $20.00
        """;
    assertEquals("Acme, Inc.", issuer(receipt));
    assertEquals("issuer-invoice-from", rules.explain(receipt).get("issuer"));
    assertEquals("Northwind GmbH", issuer("Rechnung von Northwind GmbH\nBetrag 12,00 €\n"));
    // a title on one line and the seller's name on the next are not one heading
    String dutch = "FACTUUR\nDe Molen Kantoorartikelen B.V.\nKerkstraat 1\n";
    assertEquals("De Molen Kantoorartikelen B.V.", issuer(dutch));
  }

  /**
   * The fallback as the decision runs it, the currency grounded by a printed code or mark; per
   * field, the rule that replaced the model's value.
   */
  private static Map<String, String> withRules(ObjectNode fields, String text) {
    Map<String, Normaliser> normalisers = Map.of("currency", Normaliser.CURRENCY);
    return RuleFallback.apply(
        fields,
        rules,
        rules.matches(text),
        text,
        Fixtures.schema("invoice").tree(),
        RecordGrounding.foundByForm(fields, text, Grounder.defaults(), normalisers));
  }

  private static ObjectNode currency(String code) throws IOException {
    return (ObjectNode) new ObjectMapper().readTree("{\"currency\":\"" + code + "\"}");
  }

  @Test
  void theModelsCurrencyStandsWherePrintedAndGivesWayWhereThePrintNamesAnother() throws Exception {
    String dollars = "Invoice B172FB37-0003\nAmount due\n$49.00 USD due June 1, 2023\n";
    String dollarOnly = "Invoice B172FB37-0003\nAmount due\n$49.00 due June 1, 2023\n";
    ObjectNode usd = currency("USD");
    assertEquals(null, withRules(usd, dollarOnly).get("currency"));
    ObjectNode cad = currency("CAD");
    assertEquals("rule:currency-mark", withRules(cad, dollarOnly).get("currency"));
    assertEquals("USD", cad.get("currency").asText());
    // a printed code comes before a mark
    ObjectNode chf = currency("CHF");
    assertEquals("rule:currency-code", withRules(chf, dollars).get("currency"));
    assertEquals("USD", chf.get("currency").asText());
    // another country's dollar is its own mark, and an amount after its mark
    ObjectNode us = currency("USD");
    withRules(us, "Total: CA$ 1,234.50\n");
    assertEquals("CAD", us.get("currency").asText());
    ObjectNode after = currency("CAD");
    withRules(after, "Amount due                             85.52 $\n");
    assertEquals("USD", after.get("currency").asText());
    ObjectNode eur = currency("USD");
    withRules(eur, "Gesamtbetrag 1.234,56 €\n");
    assertEquals("EUR", eur.get("currency").asText());
    // nothing names a currency: the model's code stands
    ObjectNode bare = currency("EUR");
    assertEquals(null, withRules(bare, "Rechnung 17\nGesamtbetrag 49,00\n").get("currency"));
    assertEquals("EUR", bare.get("currency").asText());
    // the mark is never offered to the model, which is asked for the code
    assertEquals(null, rules.candidates(dollarOnly, 3).get("currency"));
    assertEquals(List.of("USD"), rules.candidates(dollars, 3).get("currency"));
  }

  @Test
  void aDateWithItsMonthNamedInGermanOrFrenchIsReadBeforeALaterNumericOne() {
    String text =
        """
        Beitragsrechnung 24. Januar 2014
        Beitrag für den Zeitraum vom 06.12.2013 bis zum 06.12.2014
        """;
    assertEquals(List.of("2014-01-24"), rules.apply(text).get("date"));
    assertEquals(
        List.of("2017-11-03"),
        rules.apply("Facture FA-2017-0010\nDate de facture : 3 novembre 2017\n").get("date"));
  }

  @Test
  void theDateAfterTheTitlesNumberBeatsAVersionLineAboveIt() {
    String text =
        """
        ZUGFeRD-Version: 2.1 vom 24.03.2020
        Handelsrechnung Nr. TX-471102 vom 30.10.2019
        Rechnung gemäß Taxifahrt vom 29.10.2019
        """;
    assertEquals(List.of("2019-10-30"), rules.apply(text).get("date"));
    assertEquals("date-after-invoice-title-number", rules.explain(text).get("date"));
    assertEquals(
        List.of("2019-06-10"),
        rules.apply("Customer: 2\nInvoice # RE-20190610/507 issued at 2019-06-10\n").get("date"));
    // a date labelled as the invoice date still comes first
    assertEquals(
        List.of("2019-06-08"),
        rules.apply("Rechnung Nr. 12 vom 10.06.2019\nRechnungsdatum: 08.06.2019\n").get("date"));
  }

  @Test
  void aBareDatumLabelCountsAtALinesStartOrBeforeAColonNotInsideALineItem() {
    String text =
        """
        Handelsrechnung (380) 13.07.2018   Nr. 280081   vom
        Beispielstrafe 207 Datum 11.07.2018
        """;
    assertEquals(List.of("2018-07-13"), rules.apply(text).get("date"));
    assertEquals(
        List.of("2018-07-11"), rules.apply("Kunde 4711   Datum: 11.07.2018\n").get("date"));
    assertEquals(List.of("2018-07-11"), rules.apply("Datum 11.07.2018\n").get("date"));
  }

  @Test
  void aTotalPrintedWithItsLabelBeatsAColumnHeaderAboveTheFirstRowsQuantity() {
    String text =
        """
        Rechnung # RE-20151008/504 von 08.10.2015
        Menge Produkt USt. Preis Gesamtbetrag

        1,00 Künstlerische Gestaltung (Stunde): 19% 160,00 € 160,00 €
        Nettobetrag: 496,00 €
        USt. Gesamt: 75,04 €
        Gesamtbetrag: 571,04 €
        """;
    assertEquals(List.of("571.04"), rules.apply(text).get("amount"));
    assertEquals("amount-total-due-same-line", rules.explain(text).get("amount"));
    // with no total on one line, a label's amount on the next line is still read
    assertEquals(List.of("89.90"), rules.apply("Amount due\n\n89.90 USD\n").get("amount"));
  }

  @Test
  void aPlainTotalIsNeitherAHeadersFirstRowFigureNorANetOrTaxTotal() {
    String text =
        """
        Amount Product VAT Price Total

        1.00 Design (hours): Of a sample
        invoice 7% 160.00 € 160.00 €
        Net total: 496.00 €
        VAT total: 75.04 €
        """;
    // no total with tax is labelled as the rules know it: nothing, rather than 1.00 or 496.00
    assertNull(rules.apply(text).get("amount"));
    assertEquals(
        List.of("2076.76"),
        rules.apply("Net total 2,076.76 €\nTax Total 0.00 €\nTotal 2,076.76 €\n").get("amount"));
    // a total whose amount stands alone on the next line is still read
    assertEquals(List.of("49.00"), rules.apply("Total\n\n$49.00\n").get("amount"));
  }

  @Test
  void theSellerALabelNamesComesBeforeALegalFormLine() {
    String text =
        """
        ShopHub Marketplace
        Tax Invoice
        Sold By: Northwind Gadgets
        Ship To: Contoso Retail Pvt. Ltd.
        """;
    assertEquals("Northwind Gadgets", issuer(text));
    assertEquals("issuer-after-seller-label", rules.explain(text).get("issuer"));
    // the label alone on its line, the name under it
    assertEquals("Taxiunternehmen TX GmbH", issuer("Verkäufer:\n\nTaxiunternehmen TX GmbH\n"));
    // a label with a number after it names nobody: the legal-form line is taken
    String numbered = "Lieferant: 549910\nKunde GmbH\nLieferantenstraße 20\n";
    assertEquals("issuer-legal-suffix", rules.explain(numbered).get("issuer"));
  }

  @Test
  void whoIsToBePaidIssuedTheInvoice() {
    String text =
        """
        INVOICE
        Bill To: Pinecrest Manufacturing Inc.
        Total due $1,200.00
        Please make all checks payable to Harbor Light Design Co. Thank you!
        """;
    assertEquals("Harbor Light Design Co", issuer(text));
    assertEquals("issuer-payable-to", rules.explain(text).get("issuer"));
    assertEquals("Brightlane Studio", issuer("Invoice 17\nRemit to:\nBrightlane Studio\n"));
  }

  @Test
  void aLegalFormLineUnderABillToLabelIsTheCustomersNotTheIssuers() {
    String text =
        """
        JUNIPER CONSULTING LIMITED

        TAX INVOICE
        Billed to
        Juniper Engineering Limited
        139 Station Road

        Juniper Consulting Limited | Unit 154, Harbour Park | Leeds LS1 3AD
        """;
    assertEquals("JUNIPER CONSULTING LIMITED", issuer(text));
    assertEquals("issuer-legal-suffix", rules.explain(text).get("issuer"));
    // beside other text on the label's line, a blank line between, in other languages; a footer
    // line of name, address and register parts names the issuer
    assertEquals(
        "Nordlicht GmbH",
        issuer(
            "Rechnungsempfänger:          Rechnung Nr. 4711\n\nMüller Bau KG\nHauptstraße 3\n\n"
                + "Nordlicht GmbH · Hafenweg 2 · 20457 Hamburg\n"));
    assertEquals(
        "Castilla Informática S.L.U.",
        issuer("Castilla Informática S.L.U.\nFacturar a:\nSol de Levante Servicios S.A.\n"));
  }

  @Test
  void aNameRunningOnIntoItsAddressEndsAtTheDashAndAWebAddressCounts() {
    String text =
        """
        Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène - France
         +33 4 50 44 68 99 -  http://www.aubonmoulin.fr
        FACTURE FA-2017-0010
        Ma jolie boutique
        sav@majolieboutique.net
        """;
    assertEquals("Au bon moulin SARL", issuer(text));
  }

  @Test
  void aMailProvidersDomainOrNoDomainLeavesTheIssuerToTheOtherRules() {
    String gmail =
        """
        Invoice
        Gmail Services Ltd
        Sent from jane@gmail.com
        Total due: 10.00
        """;
    assertEquals("issuer-legal-suffix", rules.explain(gmail).get("issuer"));
    String none = "Northwind Traders GmbH\nRechnung Nr. 4711\n";
    assertEquals("issuer-legal-suffix", rules.explain(none).get("issuer"));
  }

  @Test
  void aShortWordThatOnlyBeginsADomainDoesNotNameIt() {
    // "Muster-Kunde" is the customer; musterlieferant.de spells the supplier, not every "Muster…"
    String text =
        """
        MUSTER-KUNDE GMBH
        Kundenstraße 15
        MUSTERLIEFERANT GMBH
        www.musterlieferant.de
        """;
    assertEquals("MUSTERLIEFERANT GMBH", issuer(text));
  }

  @Test
  void anOnlineServicesInvoiceSideBySideAndRightAligned() {
    // The seller beside the bill-to label, the issue and due dates as labelled rows, and totals
    // right-aligned with a wide gap between label and amount (as plain-text e-mails print them).
    String text =
        """
        Invoice
        Invoice no.           087BF10E-0012
        Issued                05/10/2024
        Due date              19/10/2024

        StackTelecom LLC                        Customer
        110 King Road                           Lumen Engineering Inc.
        billing@stacktelecom.com                Leeds LS1 3AD

                                              Subtotal                             US$343.00
                                              Tax (8.25%)                           US$28.30
                                              Amount due                           US$371.30
        """;
    Map<String, List<String>> got = rules.apply(text);
    assertEquals("StackTelecom LLC", got.get("issuer").get(0));
    assertEquals("2024-10-05", got.get("date").get(0));
    assertEquals("371.30", got.get("amount").get(0));
  }

  @Test
  void amountsPaidOrDueAsGermanAndFrenchBillingSystemsLabelThem() {
    assertEquals(
        "14.27",
        rules
            .apply(
                "Zwischensumme      EUR 11,99\nGesamt netto   EUR 11,99\nFälliger Betrag                        EUR 14,27\n")
            .get("amount")
            .get(0));
    assertEquals(
        "85.51",
        rules
            .apply("Sous-total 78,99 €\nMontant payé                               85,51 €\n")
            .get("amount")
            .get(0));
  }
}
