package io.docextract.synth;

import java.util.List;

/** The words an online service's invoice is printed with, per language ({@link OnlineInvoices}). */
record OnlineLabels(
    List<String> titles,
    List<String> receiptTitles,
    List<String> number,
    List<String> issued,
    List<String> due,
    List<String> paidOn,
    String method,
    List<String> billTo,
    String dueHeadline,
    String paidHeadline,
    List<String> columns,
    String subtotal,
    List<String> tax,
    String total,
    String amountDue,
    String amountPaid,
    String questions) {

  private static final OnlineLabels EN =
      new OnlineLabels(
          List.of("Invoice", "INVOICE", "Tax invoice"),
          List.of("Receipt", "Payment receipt"),
          List.of("Invoice number", "Invoice #", "Invoice no."),
          List.of("Date of issue", "Invoice date", "Issued"),
          List.of("Date due", "Due date", "Payment due"),
          List.of("Date paid", "Paid on"),
          "Payment method",
          List.of("Bill to", "Billed to", "Customer"),
          "%s due %s",
          "%s paid on %s",
          List.of("Description", "Qty", "Unit price", "Amount"),
          "Subtotal",
          List.of("Tax", "VAT", "Sales tax"),
          "Total",
          "Amount due",
          "Amount paid",
          "Questions? Contact us at %s");
  private static final OnlineLabels DE =
      new OnlineLabels(
          List.of("Rechnung", "RECHNUNG"),
          List.of("Quittung", "Zahlungsbeleg"),
          List.of("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr."),
          List.of("Rechnungsdatum", "Ausstellungsdatum", "Datum"),
          List.of("Fälligkeitsdatum", "Fällig am"),
          List.of("Bezahlt am", "Zahlungsdatum"),
          "Zahlungsart",
          List.of("Rechnung an", "Rechnungsempfänger", "Kunde"),
          "%s fällig am %s",
          "%s bezahlt am %s",
          List.of("Beschreibung", "Menge", "Stückpreis", "Betrag"),
          "Zwischensumme",
          List.of("MwSt.", "USt."),
          "Gesamt",
          "Fälliger Betrag",
          "Bezahlter Betrag",
          "Fragen? Schreiben Sie uns: %s");
  private static final OnlineLabels FR =
      new OnlineLabels(
          List.of("Facture", "FACTURE"),
          List.of("Reçu", "Reçu de paiement"),
          List.of("Numéro de facture", "N° de facture", "Facture n°"),
          List.of("Date d'émission", "Date de facturation", "Date"),
          List.of("Date d'échéance", "À payer avant le"),
          List.of("Payé le", "Date de paiement"),
          "Moyen de paiement",
          List.of("Facturer à", "Facturé à", "Client"),
          "%s dû le %s",
          "%s payé le %s",
          List.of("Description", "Qté", "Prix unitaire", "Montant"),
          "Sous-total",
          List.of("TVA"),
          "Total",
          "Montant dû",
          "Montant payé",
          "Des questions ? Écrivez-nous : %s");

  static OnlineLabels of(InvoiceLanguage lang) {
    return switch (lang) {
      case DE -> DE;
      case FR -> FR;
      default -> EN;
    };
  }
}
