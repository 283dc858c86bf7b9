package io.docextract.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hybrid e-invoice (Factur-X, ZUGFeRD, XRechnung in a PDF/A-3) is one invoice, not a PDF with an
 * attachment: its embedded XML is the invoice's data and its pages are that data printed. So the
 * PDF and its XML become one document, the XML written out as labels ({@link EInvoiceText}) ahead
 * of the print, where rules and the model find the invoice's own values first. An XML invoice
 * attached to an e-mail, or found in an archive, stays a document of its own.
 */
final class EInvoiceParts {

  private EInvoiceParts() {}

  static List<ParseOutcome> fold(List<ParseOutcome> all) {
    int host = -1;
    for (int i = 0; i < all.size(); i++) {
      ParseOutcome o = all.get(i);
      if (o.ok() && !o.provenance().isPart() && "application/pdf".equals(o.contentType())) {
        host = i;
        break;
      }
    }
    if (host < 0) {
      return all;
    }
    ParsedDocument pdf = all.get(host).document();
    for (int i = 0; i < all.size(); i++) {
      ParseOutcome o = all.get(i);
      if (o.ok()
          && o.provenance().depth() == 1
          && pdf.id().equals(o.provenance().parentId())
          && "true".equals(o.document().metadata().get(EInvoiceText.METADATA))) {
        List<ParseOutcome> out = new ArrayList<>(all);
        out.set(host, ParseOutcome.parsed(withData(pdf, o.document())));
        out.remove(i);
        return out;
      }
    }
    return all;
  }

  private static ParsedDocument withData(ParsedDocument pdf, ParsedDocument xml) {
    Map<String, String> metadata = new LinkedHashMap<>(pdf.metadata());
    metadata.put(EInvoiceText.METADATA, "true");
    return new ParsedDocument(
        pdf.id(),
        pdf.source(),
        pdf.contentType(),
        xml.text() + "\n\n" + pdf.text(),
        pdf.textCut(),
        metadata,
        pdf.sizeBytes(),
        pdf.parseMillis() + xml.parseMillis(),
        pdf.provenance());
  }
}
