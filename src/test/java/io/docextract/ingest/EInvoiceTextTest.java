package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** E-invoice XML written out as labelled invoice text, and every other XML left to Tika. */
class EInvoiceTextTest {

  private static Optional<String> render(String xml) {
    return EInvoiceText.of(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCrossIndustryInvoiceBecomesLabelledLines() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice
            xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
            xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
          <rsm:ExchangedDocument>
            <ram:ID>FA-2024-0107</ram:ID>
            <ram:TypeCode>381</ram:TypeCode>
            <ram:IssueDateTime><udt:DateTimeString format="102">20240315</udt:DateTimeString></ram:IssueDateTime>
          </rsm:ExchangedDocument>
          <rsm:SupplyChainTradeTransaction>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:SpecifiedTradeProduct><ram:Name>Papier A4,
                500 Blatt</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeAgreement>
                <ram:NetPriceProductTradePrice><ram:ChargeAmount>4.50</ram:ChargeAmount></ram:NetPriceProductTradePrice>
              </ram:SpecifiedLineTradeAgreement>
              <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="H87">10</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
              <ram:SpecifiedLineTradeSettlement>
                <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>45.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
              </ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:ApplicableHeaderTradeAgreement>
              <ram:SellerTradeParty>
                <ram:Name>Papeterie Nord SARL</ram:Name>
                <ram:PostalTradeAddress><ram:PostcodeCode>59000</ram:PostcodeCode><ram:LineOne>3 rue Verte</ram:LineOne><ram:CityName>Lille</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
              </ram:SellerTradeParty>
              <ram:BuyerTradeParty><ram:Name>Atelier Sud</ram:Name></ram:BuyerTradeParty>
            </ram:ApplicableHeaderTradeAgreement>
            <ram:ApplicableHeaderTradeSettlement>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                <ram:TaxBasisTotalAmount>45.00</ram:TaxBasisTotalAmount>
                <ram:TaxTotalAmount currencyID="EUR">9.00</ram:TaxTotalAmount>
                <ram:GrandTotalAmount>54.00</ram:GrandTotalAmount>
                <ram:DuePayableAmount>54.00</ram:DuePayableAmount>
              </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
            </ram:ApplicableHeaderTradeSettlement>
          </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """;
    assertEquals(
        """
        E-invoice data, read from its XML (CrossIndustryInvoice)
        Invoice number: FA-2024-0107
        Document type: Credit note (381)
        Invoice date: 2024-03-15
        Seller: Papeterie Nord SARL
        Seller address: 3 rue Verte, 59000, Lille, FR
        Buyer: Atelier Sud
        Currency: EUR
        Total without tax: 45.00
        Tax: 9.00
        Total with tax: 54.00
        Amount due: 54.00
        Line items:
        Papier A4, 500 Blatt | unit price 4.50 | quantity 10 | amount 45.00""",
        render(xml).orElseThrow());
  }

  @Test
  void aUblInvoiceBecomesTheSameLabels() {
    String xml =
        """
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
            xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:ID>INV-88</cbc:ID>
          <cbc:IssueDate>2024-02-01</cbc:IssueDate>
          <cbc:DocumentCurrencyCode>GBP</cbc:DocumentCurrencyCode>
          <cac:AccountingSupplierParty><cac:Party>
            <cac:PartyName><cbc:Name>Harbour Tools</cbc:Name></cac:PartyName>
            <cac:PartyLegalEntity><cbc:RegistrationName>Harbour Tools Ltd</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:AccountingSupplierParty>
          <cac:LegalMonetaryTotal>
            <cbc:TaxExclusiveAmount currencyID="GBP">100.00</cbc:TaxExclusiveAmount>
            <cbc:TaxInclusiveAmount currencyID="GBP">120.00</cbc:TaxInclusiveAmount>
            <cbc:PayableAmount currencyID="GBP">120.00</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
          <cac:InvoiceLine>
            <cbc:InvoicedQuantity unitCode="C62">2</cbc:InvoicedQuantity>
            <cbc:LineExtensionAmount currencyID="GBP">100.00</cbc:LineExtensionAmount>
            <cac:Item><cbc:Name>Torque wrench</cbc:Name></cac:Item>
            <cac:Price><cbc:PriceAmount currencyID="GBP">50.00</cbc:PriceAmount></cac:Price>
          </cac:InvoiceLine>
        </Invoice>
        """;
    assertEquals(
        """
        E-invoice data, read from its XML (UBL Invoice)
        Invoice number: INV-88
        Document type: Invoice
        Invoice date: 2024-02-01
        Seller: Harbour Tools Ltd
        Currency: GBP
        Total without tax: 100.00
        Total with tax: 120.00
        Amount due: 120.00
        Line items:
        Torque wrench | unit price 50.00 | quantity 2 | amount 100.00""",
        render(xml).orElseThrow());
  }

  @Test
  void otherXmlIsLeftToTika() {
    assertEquals(Optional.empty(), render("<catalog><book id=\"1\">Dune</book></catalog>"));
    // An element called Invoice outside UBL's namespace is somebody else's format.
    assertEquals(Optional.empty(), render("<Invoice><ID>7</ID></Invoice>"));
    assertEquals(Optional.empty(), render("<rsm:CrossIndustryInvoice xmlns:rsm='x'>"));
    assertEquals(Optional.empty(), render("not xml at all"));
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsExpandedOrFetched() {
    String bomb =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY ext SYSTEM "file:///etc/passwd">]>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">
          <rsm:ExchangedDocument><ID>&lol2;&ext;</ID></rsm:ExchangedDocument>
        </rsm:CrossIndustryInvoice>
        """;
    assertEquals(Optional.empty(), render(bomb));
  }

  @Test
  void anEmptyInvoiceStillSaysWhatItIs() {
    String text =
        render(
                "<CrossIndustryDocument"
                    + " xmlns='urn:ferd:CrossIndustryDocument:invoice:1p0'></CrossIndustryDocument>")
            .orElseThrow();
    assertTrue(text.startsWith(EInvoiceText.HEADING), text);
  }
}
