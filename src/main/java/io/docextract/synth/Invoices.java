package io.docextract.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invoices in the invoice2data gold shape (issuer, invoice_number, date, currency, amount, lines):
 * what is billed is decided here (language, parties, number, dates, items, discount, tax, credit
 * note or not), how it is printed by {@link InvoicePrint} and where by {@link InvoiceLayout}. Gold:
 * the date as ISO, the currency as its code, the amount as a number (negative for a credit note),
 * each line's unit price as a plain number.
 */
final class Invoices {

  /** What one invoice bills; amounts are positive, {@code credit} flips the total's sign. */
  record Invoice(
      InvoiceLanguage lang,
      String issuer,
      String issuerStreet,
      String issuerTown,
      String customer,
      String customerStreet,
      String customerTown,
      String number,
      LocalDate date,
      LocalDate due,
      String currency,
      List<Item> items,
      int discountPct,
      BigDecimal discount,
      double taxRate,
      BigDecimal net,
      BigDecimal tax,
      BigDecimal total,
      boolean credit) {}

  record Item(String name, int qty, BigDecimal unit, BigDecimal amount) {}

  private static final List<String> ALL_CURRENCIES =
      List.of("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "INR", "SGD");

  private Invoices() {}

  static SynthDocument make(Random r, SynthDocument.Format format) {
    Invoice inv = invoice(r);
    InvoicePrint print = InvoicePrint.pick(r, inv.lang(), inv.currency());
    return document(inv, print, InvoiceLayout.blocks(r, inv, print), format);
  }

  /** An online service's invoice ({@link OnlineInvoices}), with the same gold shape. */
  static SynthDocument makeOnline(Random r, SynthDocument.Format format) {
    Invoice inv = OnlineInvoices.invoice(r);
    InvoicePrint print = InvoicePrint.pick(r, inv.lang(), inv.currency());
    return document(inv, print, OnlineInvoices.blocks(r, inv, print), format);
  }

  private static SynthDocument document(
      Invoice inv, InvoicePrint print, List<Block> blocks, SynthDocument.Format format) {
    ObjectNode gold = JsonNodeFactory.instance.objectNode();
    gold.put("issuer", inv.issuer());
    gold.put("invoice_number", inv.number());
    gold.put("date", inv.date().toString());
    gold.put("currency", inv.currency());
    gold.put("amount", inv.credit() ? inv.total().negate() : inv.total());
    ArrayNode goldLines = gold.putArray("lines");
    for (Item item : inv.items()) {
      goldLines
          .addObject()
          .put("name", item.name())
          .put("price_unit", InvoicePrint.goldPrice(item.unit()));
    }
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("amount", print.number(inv.credit() ? inv.total().negate() : inv.total()));
    printed.put("date", print.date(inv.date()));
    printed.put("invoice_number", inv.number());
    printed.put("language", inv.lang().name());
    return new SynthDocument("invoice", Block.lines(blocks), format, gold, blocks, printed);
  }

  static Invoice invoice(Random r) {
    int l = r.nextInt(20);
    InvoiceLanguage lang =
        l < 7
            ? InvoiceLanguage.EN
            : l < 11
                ? InvoiceLanguage.DE
                : l < 14 ? InvoiceLanguage.FR : l < 17 ? InvoiceLanguage.NL : InvoiceLanguage.ES;
    String currency =
        r.nextInt(8) == 0
            ? InvoiceWords.pick(r, ALL_CURRENCIES)
            : InvoiceWords.pick(r, lang.currencies);
    boolean credit = r.nextInt(12) == 0;
    String issuer = InvoiceWords.firm(r, lang);
    InvoiceLanguage customerLang =
        r.nextInt(4) == 0 ? InvoiceLanguage.values()[r.nextInt(5)] : lang;
    String customer = InvoiceWords.firm(r, customerLang);
    if (customer.equals(issuer)) {
      customer = "Client " + customer;
    }
    LocalDate date = InvoicePrint.date(r);
    LocalDate due = date.plusDays(List.of(7, 14, 30, 45, 60).get(r.nextInt(5)));

    List<Item> items = new ArrayList<>();
    int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 10 : 5);
    boolean quantities = r.nextInt(3) > 0;
    for (int i = 0; i < n; i++) {
      String name = InvoiceWords.item(r, lang);
      for (int tries = 0; tries < 5 && containsName(items, name); tries++) {
        name = InvoiceWords.item(r, lang);
      }
      int qty = quantities && r.nextBoolean() ? 1 + r.nextInt(12) : 1;
      BigDecimal unit = unitPrice(r);
      items.add(new Item(name, qty, unit, unit.multiply(BigDecimal.valueOf(qty))));
    }
    BigDecimal net =
        items.stream()
            .map(Item::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    int discountPct = r.nextInt(5) == 0 ? List.of(2, 3, 5, 10, 15).get(r.nextInt(5)) : 0;
    BigDecimal discount =
        net.multiply(BigDecimal.valueOf(discountPct))
            .movePointLeft(2)
            .setScale(2, RoundingMode.HALF_UP);
    double rate = r.nextInt(10) == 0 ? 0.0 : lang.taxRates.get(r.nextInt(lang.taxRates.size()));
    BigDecimal taxable = net.subtract(discount);
    BigDecimal tax =
        taxable
            .multiply(BigDecimal.valueOf(rate))
            .movePointLeft(2)
            .setScale(2, RoundingMode.HALF_UP);
    return new Invoice(
        lang,
        issuer,
        InvoiceWords.street(r, lang),
        InvoiceWords.town(r, lang),
        customer,
        InvoiceWords.street(r, customerLang),
        InvoiceWords.town(r, customerLang),
        number(r, lang, credit, date),
        date,
        due,
        currency,
        items,
        discountPct,
        discount,
        rate,
        net,
        tax,
        taxable.add(tax),
        credit);
  }

  private static boolean containsName(List<Item> items, String name) {
    return items.stream().anyMatch(i -> i.name().equals(name));
  }

  /** From a few units to a few thousand, more often small: log-uniform cents. */
  private static BigDecimal unitPrice(Random r) {
    double cents = Math.pow(10, 2 + r.nextDouble() * 4.3);
    long c = Math.round(cents);
    if (r.nextInt(3) == 0) {
      c = (c / 100) * 100; // whole units, as many price lists have
    }
    return BigDecimal.valueOf(Math.max(c, 50), 2);
  }

  private static String number(Random r, InvoiceLanguage lang, boolean credit, LocalDate d) {
    String y = String.valueOf(d.getYear());
    String prefix =
        credit
            ? InvoiceWords.pick(r, List.of("CN", "GS", "AV", "CR"))
            : InvoiceWords.pick(
                r,
                switch (lang) {
                  case EN -> List.of("INV", "IN", "");
                  case DE -> List.of("RE", "R", "");
                  case FR -> List.of("FA", "F", "FAC", "");
                  case NL -> List.of("F", "FAC", "");
                  case ES -> List.of("FV", "A", "");
                });
    String sep = InvoiceWords.pick(r, List.of("-", "/", "", "-"));
    return switch (r.nextInt(5)) {
      case 0 ->
          (prefix.isEmpty() ? "" : prefix + sep)
              + y
              + sep
              + String.format("%04d", r.nextInt(10000));
      case 1 -> String.valueOf(10000000 + r.nextInt(90000000));
      case 2 -> prefix + (prefix.isEmpty() ? "" : sep) + String.format("%06d", r.nextInt(1000000));
      case 3 -> y.substring(2) + String.format("%05d", r.nextInt(100000));
      default ->
          prefix + (prefix.isEmpty() ? "A" : "") + (100 + r.nextInt(900)) + "/" + y.substring(2);
    };
  }
}
