package io.docextract.synth;

import java.util.List;
import java.util.Locale;

/**
 * The words an invoice is printed with, per language: titles, the labels of its number, dates,
 * parties, columns and totals, the tax's name and rates, and the local currencies. Several labels
 * per slot, as different invoicing programs word them differently.
 */
enum InvoiceLanguage {
  EN(
      Locale.ENGLISH,
      List.of("INVOICE", "Invoice", "TAX INVOICE", "SALES INVOICE"),
      List.of("CREDIT NOTE", "Credit Note"),
      List.of(
          "Invoice No.",
          "Invoice #",
          "Invoice number:",
          "Invoice Number",
          "Invoice no:",
          "Document no."),
      List.of("Invoice date:", "Date:", "Date of issue:", "Issue date:", "Invoice Date"),
      List.of("Due date:", "Payment due:", "Due:"),
      List.of("Bill to:", "Invoice to:", "Customer:", "Billed to"),
      List.of("Description", "Qty", "Unit price", "Amount"),
      List.of("Subtotal", "Net amount", "Total excl. VAT", "Total before tax"),
      List.of("VAT", "Tax", "Sales tax"),
      List.of("Discount", "Less discount"),
      List.of(
          "Total",
          "Total due",
          "Amount due",
          "Balance due",
          "Total incl. VAT",
          "Grand total",
          "TOTAL"),
      List.of("Total credit", "Amount credited"),
      List.of("Order no.", "PO number:", "Your reference:"),
      List.of("Customer no.", "Account no.:"),
      "Page %d of %d",
      "Currency:",
      List.of(
          "Thank you for your business.",
          "Payment terms: %d days net",
          "Please quote the invoice number with your payment."),
      List.of("VAT reg. no. GB%d", "Company no. %d", "Tel. +44 20 7946 %d"),
      List.of(0.0, 5.0, 20.0, 8.25),
      List.of("USD", "GBP", "EUR", "CAD", "AUD", "INR", "SGD")),
  DE(
      Locale.GERMAN,
      List.of("RECHNUNG", "Rechnung"),
      List.of("GUTSCHRIFT", "Gutschrift"),
      List.of("Rechnungsnummer:", "Rechnungs-Nr.", "Rechnung Nr.", "Beleg-Nr.", "Re.-Nr."),
      List.of("Rechnungsdatum:", "Datum:", "Belegdatum:", "Datum"),
      List.of("Fällig am:", "Zahlbar bis:"),
      List.of("Rechnungsempfänger:", "An:", "Kunde:"),
      List.of("Bezeichnung", "Menge", "Einzelpreis", "Gesamt"),
      List.of("Zwischensumme", "Nettobetrag", "Summe netto"),
      List.of("MwSt.", "USt.", "Umsatzsteuer"),
      List.of("Rabatt", "Nachlass"),
      List.of("Gesamtbetrag", "Rechnungsbetrag", "Endbetrag", "Zu zahlen", "Summe brutto"),
      List.of("Gutschriftsbetrag", "Gesamtbetrag"),
      List.of("Bestellnr.", "Auftragsnr.:", "Ihre Bestellung:"),
      List.of("Kundennr.", "Kunden-Nr.:"),
      "Seite %d von %d",
      "Währung:",
      List.of(
          "Vielen Dank für Ihren Auftrag.",
          "Zahlungsziel: %d Tage netto",
          "Bitte geben Sie bei Zahlung die Rechnungsnummer an."),
      List.of("USt-IdNr.: DE%d", "Amtsgericht HRB %d", "Tel. +49 30 %d"),
      List.of(19.0, 7.0),
      List.of("EUR", "CHF")),
  FR(
      Locale.FRENCH,
      List.of("FACTURE", "Facture"),
      List.of("AVOIR", "Facture d'avoir"),
      List.of("Facture n°", "N° de facture :", "Numéro de facture :", "Facture N°"),
      List.of("Date de facture :", "Date :", "Date d'émission :", "Le"),
      List.of("Échéance :", "Date d'échéance :"),
      List.of("Facturé à :", "Client :", "Adresse de facturation"),
      List.of("Désignation", "Qté", "Prix unitaire", "Montant"),
      List.of("Total HT", "Sous-total", "Montant HT"),
      List.of("TVA"),
      List.of("Remise"),
      List.of("Total TTC", "Montant TTC", "Net à payer", "Total à payer"),
      List.of("Montant de l'avoir", "Total TTC"),
      List.of("Commande n°", "Bon de commande :"),
      List.of("Réf. client", "N° client :"),
      "Page %d/%d",
      "Devise :",
      List.of(
          "Merci de votre confiance.",
          "Paiement à %d jours",
          "Pénalités de retard : 3 fois le taux d'intérêt légal."),
      List.of("SIRET %d00012", "N° TVA intracom. FR%d", "Tél. +33 1 %d"),
      List.of(20.0, 10.0, 5.5),
      List.of("EUR", "CHF")),
  NL(
      Locale.forLanguageTag("nl"),
      List.of("FACTUUR", "Factuur"),
      List.of("CREDITNOTA", "Creditfactuur"),
      List.of("Factuurnummer:", "Factuurnr.", "Factuur nr.", "Nummer:"),
      List.of("Factuurdatum:", "Datum:", "Factuurdatum"),
      List.of("Vervaldatum:", "Te betalen voor:"),
      List.of("Factuur aan:", "Klant:", "Factuuradres"),
      List.of("Omschrijving", "Aantal", "Prijs per stuk", "Bedrag"),
      List.of("Subtotaal", "Totaal excl. btw"),
      List.of("BTW", "btw"),
      List.of("Korting"),
      List.of("Totaal", "Totaal incl. btw", "Te betalen", "Totaalbedrag"),
      List.of("Totaal credit", "Totaalbedrag"),
      List.of("Ordernummer:", "Uw referentie:"),
      List.of("Klantnummer:", "Debiteurnr."),
      "Pagina %d van %d",
      "Valuta:",
      List.of(
          "Bedankt voor uw bestelling.",
          "Betaling binnen %d dagen",
          "Vermeld bij betaling het factuurnummer."),
      List.of("KvK %d", "BTW-nr. NL%dB01", "Tel. +31 20 %d"),
      List.of(21.0, 9.0),
      List.of("EUR")),
  ES(
      Locale.forLanguageTag("es"),
      List.of("FACTURA", "Factura"),
      List.of("FACTURA RECTIFICATIVA", "Nota de crédito"),
      List.of("Factura n.º", "Nº factura:", "Número de factura:", "Factura Nº"),
      List.of("Fecha de factura:", "Fecha:", "Fecha de emisión:"),
      List.of("Vencimiento:", "Fecha de vencimiento:"),
      List.of("Facturar a:", "Cliente:", "Datos del cliente"),
      List.of("Descripción", "Cant.", "Precio unitario", "Importe"),
      List.of("Base imponible", "Subtotal"),
      List.of("IVA"),
      List.of("Descuento"),
      List.of("Total", "Total factura", "Importe total", "Total a pagar"),
      List.of("Total abonado", "Importe total"),
      List.of("Pedido n.º", "Su referencia:"),
      List.of("N.º cliente", "Cliente n.º"),
      "Página %d de %d",
      "Moneda:",
      List.of(
          "Gracias por su confianza.",
          "Forma de pago: transferencia a %d días",
          "Inscrita en el Registro Mercantil."),
      List.of("CIF B%d", "NIF ES%d", "Tel. +34 91 %d"),
      List.of(21.0, 10.0),
      List.of("EUR", "USD"));

  final Locale locale;
  final List<String> titles;
  final List<String> creditTitles;
  final List<String> numberLabels;
  final List<String> dateLabels;
  final List<String> dueLabels;
  final List<String> billTo;
  final List<String> columns;
  final List<String> subtotal;
  final List<String> tax;
  final List<String> discount;
  final List<String> total;
  final List<String> creditTotal;
  final List<String> order;
  final List<String> customerNo;
  final String page;
  final String currencyLabel;
  final List<String> notes;
  final List<String> legal;
  final List<Double> taxRates;
  final List<String> currencies;

  InvoiceLanguage(
      Locale locale,
      List<String> titles,
      List<String> creditTitles,
      List<String> numberLabels,
      List<String> dateLabels,
      List<String> dueLabels,
      List<String> billTo,
      List<String> columns,
      List<String> subtotal,
      List<String> tax,
      List<String> discount,
      List<String> total,
      List<String> creditTotal,
      List<String> order,
      List<String> customerNo,
      String page,
      String currencyLabel,
      List<String> notes,
      List<String> legal,
      List<Double> taxRates,
      List<String> currencies) {
    this.locale = locale;
    this.titles = titles;
    this.creditTitles = creditTitles;
    this.numberLabels = numberLabels;
    this.dateLabels = dateLabels;
    this.dueLabels = dueLabels;
    this.billTo = billTo;
    this.columns = columns;
    this.subtotal = subtotal;
    this.tax = tax;
    this.discount = discount;
    this.total = total;
    this.creditTotal = creditTotal;
    this.order = order;
    this.customerNo = customerNo;
    this.page = page;
    this.currencyLabel = currencyLabel;
    this.notes = notes;
    this.legal = legal;
    this.taxRates = taxRates;
    this.currencies = currencies;
  }
}
