package io.docextract.synth;

import io.docextract.synth.Block.Align;
import io.docextract.synth.Block.Line;
import io.docextract.synth.Invoices.Invoice;
import io.docextract.synth.Invoices.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Invoices from online services — software subscriptions, hosting and telephone bills — in the
 * shape their billing systems print them, which the classic generator does not: the document's
 * number, dates and payment first, the seller's brand name with a web address, the amount due or
 * paid in one headline ("$49.00 USD due June 1, 2023"), plans with their billing period under the
 * name, machine-made numbers (`B172FB37-0003`, `AT-215508940`) and "Amount due" or "Amount paid"
 * under the total. English, German and French; the gold is shaped as {@link Invoices}'.
 */
final class OnlineInvoices {

  private static final List<String> BRAND_HEAD =
      List.of(
          "Cloud", "Data", "Pixel", "Task", "Form", "Mail", "Flow", "Team", "Host", "Net", "Page",
          "Sync", "Quick", "Bright", "Blue", "Tele", "Link", "Signal", "Stack", "Code", "Snap",
          "Story", "Zen", "Loop", "Desk", "Ship", "Nova", "Orbit", "Fiber", "Voice");
  private static final List<String> BRAND_TAIL =
      List.of(
          "ly", "ify", "flow", "desk", "base", "board", "stack", "hub", "io", "spot", "wave",
          "line", "grid", "ware", "mate", "pilot", "cast", "works", "Labs", "Cloud", "Mobile",
          "Telecom", "Hosting", "Net");
  private static final List<String> PLANS =
      List.of("Starter", "Basic", "Pro", "Professional", "Team", "Business", "Premium", "Growth");
  private static final List<String> PERSONS =
      List.of(
          "Anna Keller",
          "Marc Dubois",
          "Sarah Miller",
          "Jonas Weber",
          "Claire Martin",
          "David Chen",
          "Laura Schmidt",
          "Tom Becker",
          "Julie Moreau",
          "Peter Novak");

  private OnlineInvoices() {}

  static Invoice invoice(Random r) {
    int l = r.nextInt(10);
    InvoiceLanguage lang =
        l < 6 ? InvoiceLanguage.EN : l < 8 ? InvoiceLanguage.DE : InvoiceLanguage.FR;
    String currency =
        lang == InvoiceLanguage.EN
            ? InvoiceWords.pick(r, List.of("USD", "USD", "USD", "EUR", "GBP"))
            : InvoiceWords.pick(r, List.of("EUR", "EUR", "EUR", "USD"));
    String brand = InvoiceWords.pick(r, BRAND_HEAD) + InvoiceWords.pick(r, BRAND_TAIL);
    String issuer =
        brand
            + switch (lang) {
              case DE -> InvoiceWords.pick(r, List.of(" GmbH", " AG", " GmbH & Co. KG"));
              case FR -> InvoiceWords.pick(r, List.of(" SAS", " SARL", " SA"));
              default ->
                  InvoiceWords.pick(r, List.of(" Inc.", " LLC", " Ltd", " Pty Ltd", " Limited"));
            };
    String customer = r.nextBoolean() ? InvoiceWords.pick(r, PERSONS) : InvoiceWords.firm(r, lang);
    LocalDate date = InvoicePrint.date(r);
    List<Item> items = new ArrayList<>();
    int n = 1 + (r.nextInt(3) == 0 ? r.nextInt(4) : 0);
    for (int i = 0; i < n; i++) {
      String name = item(r, lang, brand, i);
      int qty =
          name.contains("seat") || name.contains("Nutzer") || name.contains("utilisateur")
              ? 2 + r.nextInt(20)
              : 1;
      BigDecimal unit =
          BigDecimal.valueOf(List.of(5, 9, 12, 15, 19, 29, 49, 79, 99, 149, 299).get(r.nextInt(11)))
              .subtract(r.nextBoolean() ? new BigDecimal("0.01") : BigDecimal.ZERO)
              .setScale(2, RoundingMode.HALF_UP);
      items.add(new Item(name, qty, unit, unit.multiply(BigDecimal.valueOf(qty))));
    }
    BigDecimal net = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    double rate =
        currency.equals("USD") && lang == InvoiceLanguage.EN
            ? (r.nextInt(3) == 0 ? 8.25 : 0.0)
            : r.nextInt(4) == 0 ? 0.0 : lang.taxRates.get(r.nextInt(lang.taxRates.size()));
    BigDecimal tax =
        net.multiply(BigDecimal.valueOf(rate)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    return new Invoice(
        lang,
        issuer,
        InvoiceWords.street(r, lang),
        InvoiceWords.town(r, lang),
        customer,
        InvoiceWords.street(r, lang),
        InvoiceWords.town(r, lang),
        number(r, brand, date),
        date,
        r.nextBoolean() ? date : date.plusDays(14),
        currency,
        items,
        0,
        BigDecimal.ZERO.setScale(2),
        rate,
        net,
        tax,
        net.add(tax),
        false);
  }

  private static String item(Random r, InvoiceLanguage lang, String brand, int i) {
    String plan = InvoiceWords.pick(r, PLANS);
    List<String> en =
        List.of(
            brand + " " + plan + " plan (monthly)",
            plan + " plan - annual",
            "Additional seats",
            "Storage add-on 100 GB",
            "VPS " + (2 << r.nextInt(4)) + " GB RAM",
            "Domain renewal " + brand.toLowerCase(Locale.ROOT) + "-shop.com (1 year)",
            "SSL certificate",
            "Mobile plan " + (5 * (1 + r.nextInt(8))) + " GB",
            "Fibre broadband 500 Mbit/s",
            "Roaming data pack");
    List<String> de =
        List.of(
            brand + " " + plan + " (monatlich)",
            plan + "-Tarif jährlich",
            "Zusätzliche Nutzer",
            "Speicher-Erweiterung 100 GB",
            "vServer " + (2 << r.nextInt(4)) + " GB RAM",
            "Domain " + brand.toLowerCase(Locale.ROOT) + ".de (12 Monate)",
            "Mobilfunk-Tarif " + (5 * (1 + r.nextInt(8))) + " GB",
            "Glasfaser 500 Mbit/s",
            "Grundgebühr Festnetz");
    List<String> fr =
        List.of(
            "Abonnement " + brand + " " + plan + " (mensuel)",
            "Offre " + plan + " annuelle",
            "Licences utilisateur supplémentaires",
            "Stockage supplémentaire 100 Go",
            "Serveur VPS " + (2 << r.nextInt(4)) + " Go",
            "Nom de domaine " + brand.toLowerCase(Locale.ROOT) + ".fr (1 an)",
            "Forfait mobile " + (5 * (1 + r.nextInt(8))) + " Go",
            "Box fibre 500 Mb/s");
    List<String> names = lang == InvoiceLanguage.DE ? de : lang == InvoiceLanguage.FR ? fr : en;
    return names.get((r.nextInt(names.size()) + i) % names.size());
  }

  /** Numbers as billing systems make them: hex with a counter, a prefix and digits, or a date. */
  private static String number(Random r, String brand, LocalDate d) {
    return switch (r.nextInt(5)) {
      case 0 -> String.format("%08X-%04d", r.nextInt() & 0x7fffffff, 1 + r.nextInt(40));
      case 1 ->
          brand.substring(0, 2).toUpperCase(Locale.ROOT) + "-" + (100000000 + r.nextInt(900000000));
      case 2 -> String.valueOf(1000000000L + (r.nextLong() & 0xffffffffL) % 9000000000L);
      case 3 -> d.getYear() + "-" + String.format("%02d-%04d", d.getMonthValue(), r.nextInt(10000));
      default -> "INV-" + (100000 + r.nextInt(900000));
    };
  }

  /** The printed page: details, parties, the headline amount, the plans and the totals. */
  static List<Block> blocks(Random r, Invoice inv, InvoicePrint print) {
    OnlineLabels w = OnlineLabels.of(inv.lang());
    boolean paid = inv.due().equals(inv.date()) && r.nextBoolean();
    String cur = inv.currency();
    List<Block> out = new ArrayList<>();
    // The brand is one word; the issuer is the brand and its legal form (invoice()).
    String brandLine = inv.issuer().substring(0, inv.issuer().indexOf(' '));
    if (r.nextBoolean()) {
      out.add(
          new Line(brandLine.toUpperCase(Locale.ROOT), r.nextBoolean() ? Align.LEFT : Align.RIGHT));
    }
    out.add(new Line(InvoiceWords.pick(r, paid ? w.receiptTitles() : w.titles())));
    List<String> meta = new ArrayList<>();
    meta.add(String.format("%-22s%s", InvoiceWords.pick(r, w.number()), inv.number()));
    meta.add(String.format("%-22s%s", InvoiceWords.pick(r, w.issued()), print.date(inv.date())));
    meta.add(
        String.format(
            "%-22s%s",
            InvoiceWords.pick(r, paid ? w.paidOn() : w.due()),
            print.date(paid ? inv.date() : inv.due())));
    if (paid || r.nextInt(3) == 0) {
      meta.add(
          String.format(
              "%-22s%s",
              w.method(),
              InvoiceWords.pick(
                  r, List.of("Visa - 4242", "Mastercard - 5100", "PayPal", "SEPA Direct Debit"))));
    }
    meta.forEach(m -> out.add(new Line(m)));
    out.add(new Line(""));
    String web = brandLine.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    List<String> seller =
        List.of(
            inv.issuer(),
            inv.issuerStreet(),
            inv.issuerTown(),
            InvoiceWords.pick(
                r,
                List.of(
                    "billing@" + web + ".com", "www." + web + ".com", "support@" + web + ".io")));
    List<String> buyer =
        List.of(
            InvoiceWords.pick(r, w.billTo()),
            inv.customer(),
            inv.customerStreet(),
            inv.customerTown());
    if (r.nextBoolean()) {
      for (int i = 0; i < 4; i++) {
        out.add(new Line(String.format("%-40s%s", seller.get(i), buyer.get(i)).stripTrailing()));
      }
    } else {
      seller.forEach(s -> out.add(new Line(s)));
      out.add(new Line(""));
      buyer.forEach(b -> out.add(new Line(b)));
    }
    out.add(new Line(""));
    String total =
        print.money(inv.total(), cur) + (print.mark() == InvoicePrint.Mark.HEADER ? " " + cur : "");
    out.add(
        new Line(
            String.format(
                paid ? w.paidHeadline() : w.dueHeadline(),
                total,
                print.date(paid ? inv.date() : inv.due()))));
    out.add(new Line(""));
    List<List<String>> rows = new ArrayList<>();
    for (Item it : inv.items()) {
      rows.add(
          List.of(
              it.name(),
              String.valueOf(it.qty()),
              print.money(it.unit(), cur),
              print.money(it.amount(), cur)));
      if (r.nextBoolean()) {
        LocalDate from = inv.date();
        rows.add(List.of(print.date(from) + " – " + print.date(from.plusMonths(1)), "", "", ""));
      }
    }
    out.add(new Block.Table(w.columns(), rows));
    out.add(new Line(""));
    List<String[]> sums = new ArrayList<>();
    sums.add(new String[] {w.subtotal(), print.money(inv.net(), cur)});
    if (inv.tax().signum() != 0 || r.nextBoolean()) {
      String rate =
          inv.taxRate() == Math.rint(inv.taxRate())
              ? String.valueOf((int) inv.taxRate())
              : String.valueOf(inv.taxRate());
      sums.add(
          new String[] {
            InvoiceWords.pick(r, w.tax()) + " (" + rate + "%)", print.money(inv.tax(), cur)
          });
    }
    sums.add(new String[] {w.total(), print.money(inv.total(), cur)});
    sums.add(new String[] {paid ? w.amountPaid() : w.amountDue(), total});
    for (String[] s : sums) {
      out.add(new Line(String.format("%-30s%16s", s[0], s[1]), Align.RIGHT));
    }
    out.add(new Line(""));
    out.add(new Line(String.format(w.questions(), seller.get(3))));
    out.add(new Line(String.format(inv.lang().page, 1, 1), Align.RIGHT));
    return out;
  }
}
