package io.docextract.synth;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What real invoices print that is not the answer, per language: the bank, the managing director
 * and the register in the footer (names a model takes for the issuer), a delivery date beside the
 * issue date, charge lines of zero and an amount-due line around the total. Seen on real-software
 * invoices (datasets/zugferd-corpus), where the model trained without them took a bank, a footer or
 * a zero charge line for the answer.
 */
final class InvoiceDistractors {

  private InvoiceDistractors() {}

  private static final Map<InvoiceLanguage, List<String>> BANKS =
      Map.of(
          InvoiceLanguage.EN,
              List.of("Barclays Bank PLC", "HSBC UK Bank", "Lloyds Bank", "Chase Bank N.A."),
          InvoiceLanguage.DE,
              List.of(
                  "Commerzbank AG",
                  "Deutsche Bank",
                  "Sparkasse Köln",
                  "Hausbank München",
                  "Volksbank Mittelhessen"),
          InvoiceLanguage.FR, List.of("BNP Paribas", "Crédit Agricole", "Société Générale"),
          InvoiceLanguage.NL, List.of("ING Bank", "Rabobank", "ABN AMRO Bank"),
          InvoiceLanguage.ES, List.of("Banco Santander", "BBVA", "CaixaBank"));
  private static final Map<InvoiceLanguage, List<String>> DIRECTORS =
      Map.of(
          InvoiceLanguage.EN, List.of("Director:", "Managing Director:", "Directors:"),
          InvoiceLanguage.DE, List.of("Geschäftsführer:", "Geschäftsführerin:", "Vorstand:"),
          InvoiceLanguage.FR, List.of("Gérant :", "Président :"),
          InvoiceLanguage.NL, List.of("Directeur:", "Bestuurder:"),
          InvoiceLanguage.ES, List.of("Administrador:", "Gerente:"));
  private static final List<String> PEOPLE =
      List.of(
          "Hans Muster",
          "Anna Schmidt",
          "John Smith",
          "Claire Martin",
          "Pieter de Jong",
          "Lucía Fernández",
          "Peter Meier",
          "Sarah Brown");
  private static final Map<InvoiceLanguage, List<String>> REGISTERS =
      Map.of(
          InvoiceLanguage.EN, List.of("Registered in England No. %d", "Company No. %d"),
          InvoiceLanguage.DE, List.of("Amtsgericht München HRB %d", "Registergericht Köln HRB %d"),
          InvoiceLanguage.FR, List.of("RCS Paris B %d", "SIRET %d"),
          InvoiceLanguage.NL, List.of("KvK %d", "Handelsregister %d"),
          InvoiceLanguage.ES, List.of("Registro Mercantil de Madrid, Hoja M-%d"));
  private static final Map<InvoiceLanguage, List<String>> DELIVERY =
      Map.of(
          InvoiceLanguage.EN, List.of("Delivery date:", "Service date:", "Shipped:"),
          InvoiceLanguage.DE, List.of("Lieferdatum:", "Leistungsdatum:", "Lieferung am"),
          InvoiceLanguage.FR, List.of("Date de livraison :", "Livré le"),
          InvoiceLanguage.NL, List.of("Leverdatum:", "Geleverd op"),
          InvoiceLanguage.ES, List.of("Fecha de entrega:", "Entregado el"));
  private static final Map<InvoiceLanguage, List<String>> CHARGES =
      Map.of(
          InvoiceLanguage.EN, List.of("Shipping", "Surcharges", "Already paid"),
          InvoiceLanguage.DE, List.of("Versandkosten", "Zuschläge", "Bereits gezahlt"),
          InvoiceLanguage.FR, List.of("Frais de port", "Acompte versé"),
          InvoiceLanguage.NL, List.of("Verzendkosten", "Reeds betaald"),
          InvoiceLanguage.ES, List.of("Gastos de envío", "Anticipo"));
  private static final Map<InvoiceLanguage, List<String>> DUE =
      Map.of(
          InvoiceLanguage.EN, List.of("Amount due", "Balance due"),
          InvoiceLanguage.DE, List.of("Zahlbetrag", "Zu zahlen"),
          InvoiceLanguage.FR, List.of("Net à payer", "Montant dû"),
          InvoiceLanguage.NL, List.of("Te betalen"),
          InvoiceLanguage.ES, List.of("Importe a pagar"));

  static String bank(Random r, InvoiceLanguage lang) {
    return InvoiceWords.pick(r, BANKS.get(lang));
  }

  static String director(Random r, InvoiceLanguage lang) {
    return InvoiceWords.pick(r, DIRECTORS.get(lang)) + " " + InvoiceWords.pick(r, PEOPLE);
  }

  static String register(Random r, InvoiceLanguage lang) {
    return String.format(InvoiceWords.pick(r, REGISTERS.get(lang)), 10000 + r.nextInt(890000));
  }

  static String deliveryLabel(Random r, InvoiceLanguage lang) {
    return InvoiceWords.pick(r, DELIVERY.get(lang));
  }

  static String chargeLabel(Random r, InvoiceLanguage lang) {
    return InvoiceWords.pick(r, CHARGES.get(lang));
  }

  static String dueLabel(Random r, InvoiceLanguage lang) {
    return InvoiceWords.pick(r, DUE.get(lang));
  }
}
