package io.docextract.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invoices in the invoice2data gold shape (issuer, invoice_number, date, currency, amount,
 * lines). Layouts differ in the number and date labels, where the currency is shown (a line of
 * its own, the total's label, or before the amount), the table's columns and the tax line.
 */
final class Invoices {

  private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "MYR", "SGD",
      "CHF");
  private static final List<String> NUMBER_LABELS = List.of("Invoice No.", "Invoice #",
      "Invoice number:", "INVOICE", "Ref:", "Document no.");
  private static final List<String> DATE_LABELS = List.of("Invoice date:", "Date:", "Issued:",
      "Date of issue");
  private static final List<String> DUE_LABELS = List.of("Amount due", "TOTAL", "Grand Total",
      "Balance due", "Total payable", "Total incl. VAT");

  private Invoices() {}

  static SynthDocument make(Random r, SynthDocument.Format format) {
    String issuer = Words.pick(r, Words.FIRM_FIRST) + " " + Words.pick(r, Words.FIRM_SECOND)
        + " " + Words.pick(r, Words.FIRM_SUFFIX);
    String number = switch (r.nextInt(4)) {
      case 0 -> "INV-" + (2019 + r.nextInt(6)) + "-" + String.format("%05d", r.nextInt(100000));
      case 1 -> String.valueOf(10000000 + r.nextInt(90000000));
      case 2 -> "A" + (100 + r.nextInt(900)) + "/" + (10 + r.nextInt(90));
      default -> "F" + String.format("%06d", r.nextInt(1000000));
    };
    String date = Printed.date(r);
    String currency = Words.pick(r, CURRENCIES);

    ArrayNode goldLines = JsonNodeFactory.instance.arrayNode();
    List<String> table = new ArrayList<>();
    BigDecimal net = BigDecimal.ZERO.setScale(2);
    boolean qtyColumn = r.nextBoolean();
    table.add(qtyColumn ? String.format("%-28s %5s %12s %12s", "Description", "Qty", "Unit price",
        "Amount") : String.format("%-28s %12s", "Item", "Price"));
    for (int i = 1 + r.nextInt(5); i > 0; i--) {
      String name = Words.pick(r, Words.SERVICES);
      BigDecimal unit = Printed.money(r, 100, 250000);
      int qty = qtyColumn ? 1 + r.nextInt(10) : 1;
      BigDecimal amount = unit.multiply(BigDecimal.valueOf(qty));
      net = net.add(amount);
      table.add(qtyColumn ? String.format("%-28s %5d %12s %12s", name, qty, unit, amount)
          : String.format("%-28s %12s", name, unit));
      goldLines.addObject().put("name", name).put("price_unit", Printed.plain(unit));
    }
    int rate = List.of(0, 7, 19, 20).get(r.nextInt(4));
    BigDecimal vat = net.multiply(BigDecimal.valueOf(rate)).movePointLeft(2)
        .setScale(2, RoundingMode.HALF_UP);
    BigDecimal total = net.add(vat);

    List<String> lines = new ArrayList<>();
    boolean titleFirst = r.nextBoolean();
    if (titleFirst) {
      lines.add("INVOICE");
    }
    lines.add(issuer);
    lines.add((1 + r.nextInt(200)) + " " + Words.pick(r, Words.STREETS) + ", "
        + Words.pick(r, Words.CITIES));
    if (!titleFirst) {
      lines.add("INVOICE");
    }
    List<String> header = new ArrayList<>(List.of(
        Words.pick(r, NUMBER_LABELS) + " " + number,
        Words.pick(r, DATE_LABELS) + " " + date,
        "Bill to: " + Words.pick(r, Words.CUSTOMERS)));
    java.util.Collections.shuffle(header, r);
    lines.addAll(header);
    int currencyShown = r.nextInt(3);
    if (currencyShown == 0) {
      lines.add("Currency: " + currency);
    }
    if (r.nextBoolean()) {
      lines.add(Words.noise(r, Words.INVOICE_NOISE));
    }
    lines.add("");
    lines.addAll(table);
    lines.add("");
    lines.add(String.format("%-28s %12s", "Net", net));
    lines.add(String.format("%-28s %12s", rate == 0 ? "VAT exempt" : "VAT " + rate + "%", vat));
    String due = Words.pick(r, DUE_LABELS);
    lines.add(switch (currencyShown) {
      case 1 -> String.format("%-28s %12s", due + " (" + currency + ")", total);
      case 2 -> String.format("%-28s %s %s", due, currency, total);
      default -> String.format("%-28s %12s", due, total);
    });
    for (int i = r.nextInt(3); i > 0; i--) {
      lines.add(Words.noise(r, Words.INVOICE_NOISE));
    }

    ObjectNode gold = JsonNodeFactory.instance.objectNode();
    gold.put("issuer", issuer);
    gold.put("invoice_number", number);
    gold.put("date", date);
    gold.put("currency", currency);
    gold.put("amount", total);
    gold.set("lines", goldLines);
    return new SynthDocument("invoice", lines, format, gold);
  }
}
