package io.docextract.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An e-invoice's XML as the labelled text of an invoice: UN/CEFACT Cross Industry Invoice
 * (Factur-X, ZUGFeRD 2, XRechnung CII), ZUGFeRD 1's Cross Industry Document, and UBL Invoice or
 * CreditNote (XRechnung UBL, Peppol). Tika gives such a file as its element values run together
 * ("RE-20150613/503 RECHNUNG 380 20150613 Bei Spiel GmbH 12345 Ecke 12 …"), where nothing says
 * which number is the invoice's: from that text the invoice model answered number "1p0" and a total
 * of 420000. Written out with labels ("Invoice number: RE-20150613/503"), the invoice's own data
 * reaches the model and the rules as an invoice would print it, dates as ISO and amounts as the XML
 * writes them.
 */
public final class EInvoiceText {

  /** The first line of every rendering; the invoice rules anchor on it. */
  public static final String HEADING = "E-invoice data, read from its XML";

  /** The parsed document's metadata key that says its text is such a rendering. */
  public static final String METADATA = "docextract:einvoice";

  /**
   * The largest XML read as an e-invoice: real ones are tens of kilobytes, and a DOM of a much
   * larger file would cost the parser process's heap; a larger file keeps Tika's text.
   */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final int MAX_LINES = 200;

  private EInvoiceText() {}

  /** The labelled text, when {@code xml} is an e-invoice this reads; empty for any other bytes. */
  public static Optional<String> of(byte[] xml) {
    Element root;
    try {
      root = parse(xml);
    } catch (Exception e) {
      return Optional.empty(); // not XML this reader accepts: Tika's text stands
    }
    return switch (root.getLocalName()) {
      case "CrossIndustryInvoice", "CrossIndustryDocument" -> Optional.of(cii(root));
      case "Invoice", "CreditNote" ->
          root.getNamespaceURI() != null && root.getNamespaceURI().contains(":ubl:")
              ? Optional.of(ubl(root))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Element parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // Hostile input: no DOCTYPE (entity expansion), nothing fetched from outside.
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
  }

  private static String cii(Element root) {
    Element doc = first(child(root, "ExchangedDocument"), child(root, "HeaderExchangedDocument"));
    Element trade =
        first(
            child(root, "SupplyChainTradeTransaction"),
            child(root, "SpecifiedSupplyChainTradeTransaction"));
    Element seller = descendant(trade, "SellerTradeParty");
    Element settlement =
        first(
            descendant(trade, "ApplicableHeaderTradeSettlement"),
            descendant(trade, "ApplicableSupplyChainTradeSettlement"));
    Element sums =
        first(
            child(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation"),
            child(settlement, "SpecifiedTradeSettlementMonetarySummation"));
    Rendering r = new Rendering(root.getLocalName());
    r.put("Invoice number", text(child(doc, "ID")));
    r.put("Document type", documentType(text(child(doc, "TypeCode"))));
    r.put("Invoice date", isoDate(text(descendant(child(doc, "IssueDateTime"), "DateTimeString"))));
    r.put("Seller", text(child(seller, "Name")));
    r.put("Seller address", address(child(seller, "PostalTradeAddress")));
    r.put("Buyer", text(child(descendant(trade, "BuyerTradeParty"), "Name")));
    r.put("Currency", text(child(settlement, "InvoiceCurrencyCode")));
    r.put("Total without tax", text(child(sums, "TaxBasisTotalAmount")));
    r.put("Tax", text(child(sums, "TaxTotalAmount")));
    r.put("Total with tax", text(child(sums, "GrandTotalAmount")));
    r.put("Amount due", text(child(sums, "DuePayableAmount")));
    List<String> lines = new ArrayList<>();
    for (Element item : descendants(trade, "IncludedSupplyChainTradeLineItem")) {
      lines.add(
          line(
              text(child(descendant(item, "SpecifiedTradeProduct"), "Name")),
              text(descendant(item, "BilledQuantity")),
              text(child(descendant(item, "NetPriceProductTradePrice"), "ChargeAmount")),
              text(descendant(item, "LineTotalAmount"))));
    }
    return r.withLines(lines);
  }

  private static String ubl(Element root) {
    Element supplier = descendant(child(root, "AccountingSupplierParty"), "Party");
    Element sums = child(root, "LegalMonetaryTotal");
    Rendering r = new Rendering("UBL " + root.getLocalName());
    r.put("Invoice number", text(child(root, "ID")));
    r.put("Document type", root.getLocalName().equals("CreditNote") ? "Credit note" : "Invoice");
    r.put("Invoice date", text(child(root, "IssueDate")));
    r.put(
        "Seller",
        first(
            text(descendant(child(supplier, "PartyLegalEntity"), "RegistrationName")),
            text(descendant(child(supplier, "PartyName"), "Name"))));
    r.put("Buyer", text(descendant(child(root, "AccountingCustomerParty"), "RegistrationName")));
    r.put("Currency", text(child(root, "DocumentCurrencyCode")));
    r.put("Total without tax", text(child(sums, "TaxExclusiveAmount")));
    r.put("Total with tax", text(child(sums, "TaxInclusiveAmount")));
    r.put("Amount due", text(child(sums, "PayableAmount")));
    List<String> lines = new ArrayList<>();
    for (String name : List.of("InvoiceLine", "CreditNoteLine")) {
      for (Element item : children(root, name)) {
        lines.add(
            line(
                text(child(child(item, "Item"), "Name")),
                first(text(child(item, "InvoicedQuantity")), text(child(item, "CreditedQuantity"))),
                text(child(child(item, "Price"), "PriceAmount")),
                text(child(item, "LineExtensionAmount"))));
      }
    }
    return r.withLines(lines);
  }

  /** Labelled lines in order; a label without a value is left out. */
  private static final class Rendering {
    private final StringJoiner text = new StringJoiner("\n");

    Rendering(String format) {
      text.add(HEADING + " (" + format + ")");
    }

    void put(String label, String value) {
      if (value != null && !value.isBlank()) {
        text.add(label + ": " + value.strip().replaceAll("\\s+", " "));
      }
    }

    String withLines(List<String> lines) {
      if (!lines.isEmpty()) {
        text.add("Line items:");
        lines.stream().limit(MAX_LINES).forEach(text::add);
      }
      return text.toString();
    }
  }

  private static String line(String name, String quantity, String price, String amount) {
    StringJoiner j = new StringJoiner(" | ");
    j.add(name == null ? "(no name)" : name.strip().replaceAll("\\s+", " "));
    // The unit price next to the name: the invoice model takes the first number after it.
    if (price != null) {
      j.add("unit price " + price.strip());
    }
    if (quantity != null) {
      j.add("quantity " + quantity.strip());
    }
    if (amount != null) {
      j.add("amount " + amount.strip());
    }
    return j.toString();
  }

  private static String documentType(String code) {
    if (code == null) {
      return null;
    }
    return switch (code.strip()) {
      case "381" -> "Credit note (381)";
      case "384" -> "Corrected invoice (384)";
      case "389" -> "Self-billed invoice (389)";
      case "326" -> "Partial invoice (326)";
      default -> "Invoice (" + code.strip() + ")";
    };
  }

  /** CII's format 102 (YYYYMMDD) as ISO; other forms as written. */
  static String isoDate(String s) {
    if (s == null) {
      return null;
    }
    String v = s.strip();
    return v.matches("\\d{8}")
        ? v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6)
        : v;
  }

  private static String address(Element a) {
    if (a == null) {
      return null;
    }
    StringJoiner j = new StringJoiner(", ");
    for (String part : List.of("LineOne", "LineTwo", "PostcodeCode", "CityName", "CountryID")) {
      String v = text(child(a, part));
      if (v != null && !v.isBlank()) {
        j.add(v.strip());
      }
    }
    return j.length() == 0 ? null : j.toString();
  }

  @SafeVarargs
  private static <T> T first(T... options) {
    for (T o : options) {
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  private static String text(Element e) {
    return e == null ? null : e.getTextContent();
  }

  private static Element child(Element parent, String localName) {
    List<Element> all = children(parent, localName);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first element of that local name under {@code parent}, in document order. */
  private static Element descendant(Element parent, String localName) {
    List<Element> all = descendants(parent, localName);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> descendants(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    var nodes = parent.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }
}
