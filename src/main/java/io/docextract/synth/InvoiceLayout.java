package io.docextract.synth;

import io.docextract.synth.Block.Align;
import io.docextract.synth.Block.Line;
import io.docextract.synth.Invoices.Invoice;
import io.docextract.synth.Invoices.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Where an invoice's parts go: the letterhead (left, right, centred, or only a brand on top with
 * the legal name in the footer), the title, the customer and the invoice's number and dates
 * (stacked or side by side), the items (a table or a list, split over two pages when long or by
 * chance), the totals (aligned lines or a box) and notes, bank and legal lines.
 */
final class InvoiceLayout {

  private InvoiceLayout() {}

  static List<Block> blocks(Random r, Invoice inv, InvoicePrint print) {
    InvoiceLanguage lang = inv.lang();
    List<Block> out = new ArrayList<>();
    int letterhead = r.nextInt(4);
    Align side = letterhead == 1 ? Align.RIGHT : letterhead == 2 ? Align.CENTER : Align.LEFT;
    String title = InvoiceWords.pick(r, inv.credit() ? lang.creditTitles : lang.titles);
    boolean titleFirst = r.nextInt(4) == 0;
    if (titleFirst) {
      out.add(new Line(title, Align.CENTER));
    }
    if (letterhead == 3) {
      out.add(new Line(inv.issuer().toUpperCase(Locale.ROOT), Align.LEFT));
    } else {
      out.add(new Line(inv.issuer(), side));
      out.add(new Line(inv.issuerStreet(), side));
      out.add(new Line(inv.issuerTown(), side));
      if (r.nextBoolean()) {
        out.add(new Line(InvoiceWords.fill(r, InvoiceWords.pick(r, lang.legal)), side));
      }
    }
    out.add(new Line(""));
    if (!titleFirst) {
      out.add(new Line(title, r.nextBoolean() ? Align.LEFT : Align.CENTER));
    }

    List<String> buyer =
        List.of(
            InvoiceWords.pick(r, lang.billTo),
            inv.customer(),
            inv.customerStreet(),
            inv.customerTown());
    List<String> meta = new ArrayList<>();
    meta.add(InvoiceWords.pick(r, lang.numberLabels) + " " + inv.number());
    meta.add(InvoiceWords.pick(r, lang.dateLabels) + " " + print.date(inv.date()));
    if (r.nextBoolean()) {
      meta.add(InvoiceWords.pick(r, lang.dueLabels) + " " + print.date(inv.due()));
    }
    if (r.nextInt(3) == 0) {
      meta.add(InvoiceWords.pick(r, lang.order) + " PO-" + (1000 + r.nextInt(90000)));
    }
    if (r.nextInt(3) == 0) {
      meta.add(InvoiceWords.pick(r, lang.customerNo) + " " + (10000 + r.nextInt(90000)));
    }
    Collections.shuffle(meta.subList(1, meta.size()), r);
    if (print.needsCurrencyLine(inv.currency()) || r.nextInt(5) == 0) {
      meta.add(lang.currencyLabel + " " + inv.currency());
    }
    switch (r.nextInt(3)) {
      case 0 -> { // customer on the left, the invoice's details beside it
        for (int i = 0; i < Math.max(buyer.size(), meta.size()); i++) {
          String left = i < buyer.size() ? buyer.get(i) : "";
          String right = i < meta.size() ? meta.get(i) : "";
          out.add(new Line(String.format("%-44s%s", left, right).stripTrailing()));
        }
      }
      case 1 -> {
        meta.forEach(m -> out.add(new Line(m)));
        out.add(new Line(""));
        buyer.forEach(b -> out.add(new Line(b)));
      }
      default -> {
        buyer.forEach(b -> out.add(new Line(b)));
        out.add(new Line(""));
        meta.forEach(m -> out.add(new Line(m)));
      }
    }
    out.add(new Line(""));

    boolean twoPages = inv.items().size() > 6 || r.nextInt(7) == 0;
    int split = twoPages ? Math.max(1, inv.items().size() / 2 + r.nextInt(2)) : -1;
    boolean asTable = r.nextInt(4) > 0;
    boolean marked = r.nextInt(4) == 0;
    List<Item> items = inv.items();
    List<Item> first = split < 0 || split >= items.size() ? items : items.subList(0, split);
    List<Item> rest = first == items ? List.of() : items.subList(split, items.size());
    int style = r.nextInt(3);
    items(out, r, first, asTable, style, marked, inv, print, 1);
    if (!rest.isEmpty()) {
      out.add(new Line(String.format(lang.page, 1, 2), Align.RIGHT));
      out.add(new Block.PageBreak());
      out.add(
          new Line(inv.issuer() + " - " + inv.number() + "   " + String.format(lang.page, 2, 2)));
      out.add(new Line(""));
      items(out, r, rest, asTable, style, marked, inv, print, first.size() + 1);
    }
    out.add(new Line(""));
    totals(out, r, inv, print);
    out.add(new Line(""));

    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(new Line(InvoiceWords.fill(r, InvoiceWords.pick(r, lang.notes))));
    }
    if (r.nextBoolean()) {
      out.add(
          new Line(
              "IBAN "
                  + lang.name().replace("EN", "GB")
                  + (10 + r.nextInt(89))
                  + " "
                  + (1000 + r.nextInt(9000))
                  + " "
                  + (1000 + r.nextInt(9000))
                  + " "
                  + (1000 + r.nextInt(9000))
                  + "  BIC "
                  + "ABCDEFGH".substring(r.nextInt(3))
                  + lang.name()
                  + "XX"));
    }
    if (letterhead == 3 || r.nextInt(4) == 0) {
      out.add(
          new Line(
              inv.issuer()
                  + " | "
                  + inv.issuerStreet()
                  + " | "
                  + inv.issuerTown()
                  + " | "
                  + InvoiceWords.fill(r, InvoiceWords.pick(r, lang.legal)),
              Align.CENTER));
    }
    return out;
  }

  private static void items(
      List<Block> out,
      Random r,
      List<Item> items,
      boolean asTable,
      int style,
      boolean marked,
      Invoice inv,
      InvoicePrint print,
      int firstPos) {
    List<String> cols = inv.lang().columns;
    String amountHead =
        print.mark() == InvoicePrint.Mark.HEADER
            ? cols.get(3) + " (" + inv.currency() + ")"
            : cols.get(3);
    if (asTable) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Item it = items.get(i);
        String unit = marked ? print.money(it.unit(), inv.currency()) : print.number(it.unit());
        String amount =
            marked ? print.money(it.amount(), inv.currency()) : print.number(it.amount());
        rows.add(
            switch (style) {
              case 0 -> List.of(it.name(), String.valueOf(it.qty()), unit, amount);
              case 1 ->
                  List.of(
                      String.valueOf(firstPos + i),
                      it.name(),
                      String.valueOf(it.qty()),
                      unit,
                      amount);
              default -> List.of(it.name(), unit, String.valueOf(it.qty()), amount);
            });
      }
      List<String> head =
          switch (style) {
            case 0 -> List.of(cols.get(0), cols.get(1), cols.get(2), amountHead);
            case 1 -> List.of("#", cols.get(0), cols.get(1), cols.get(2), amountHead);
            default -> List.of(cols.get(0), cols.get(2), cols.get(1), amountHead);
          };
      if (style == 1) {
        // "#" heads a left column: keep the name left-aligned by leading with it in text form
        List<List<String>> named = new ArrayList<>();
        rows.forEach(
            row ->
                named.add(
                    List.of(row.get(0) + ". " + row.get(1), row.get(2), row.get(3), row.get(4))));
        rows = named;
        head = List.of(cols.get(0), cols.get(1), cols.get(2), amountHead);
      }
      out.add(new Block.Table(head, rows));
      return;
    }
    for (Item it : items) {
      String unit = print.money(it.unit(), inv.currency());
      String amount = print.money(it.amount(), inv.currency());
      switch (style) {
        case 0 -> {
          out.add(new Line(it.name()));
          out.add(new Line("    " + it.qty() + " x " + unit + " = " + amount));
        }
        case 1 ->
            out.add(
                new Line(
                    String.format(
                        "%-46s %s", it.qty() + " x " + it.name() + " @ " + unit, amount)));
        default ->
            out.add(
                new Line(
                    "- "
                        + it.name()
                        + ": "
                        + unit
                        + (it.qty() > 1 ? " x " + it.qty() + " = " + amount : "")));
      }
    }
  }

  private static void totals(List<Block> out, Random r, Invoice inv, InvoicePrint print) {
    InvoiceLanguage lang = inv.lang();
    String cur = inv.currency();
    List<String[]> rows = new ArrayList<>();
    boolean showNet = inv.tax().signum() != 0 || inv.discountPct() > 0 || r.nextBoolean();
    if (showNet) {
      rows.add(new String[] {InvoiceWords.pick(r, lang.subtotal), print.money(inv.net(), cur)});
    }
    if (inv.discountPct() > 0) {
      rows.add(
          new String[] {
            InvoiceWords.pick(r, lang.discount) + " " + inv.discountPct() + "%",
            print.money(inv.discount().negate(), cur)
          });
    }
    String rate =
        inv.taxRate() == Math.rint(inv.taxRate())
            ? String.valueOf((int) inv.taxRate())
            : print.number(BigDecimal.valueOf(inv.taxRate())).replaceAll("0$", "");
    if (inv.tax().signum() != 0 || r.nextBoolean()) {
      rows.add(
          new String[] {
            InvoiceWords.pick(r, lang.tax) + " " + rate + (r.nextBoolean() ? "%" : " %"),
            print.money(inv.tax(), cur)
          });
    }
    BigDecimal total = inv.credit() ? inv.total().negate() : inv.total();
    rows.add(
        new String[] {
          InvoiceWords.pick(r, inv.credit() ? lang.creditTotal : lang.total),
          print.money(total, cur)
        });
    boolean box = r.nextInt(4) == 0;
    int labelWidth = rows.stream().mapToInt(x -> x[0].length()).max().orElse(10) + 4;
    int valueWidth = rows.stream().mapToInt(x -> x[1].length()).max().orElse(10);
    String fmt = "%-" + labelWidth + "s%" + valueWidth + "s";
    if (box) {
      String rule = "+" + "-".repeat(labelWidth + valueWidth + 2) + "+";
      out.add(new Line(rule, Align.RIGHT));
      for (int i = 0; i < rows.size(); i++) {
        if (i == rows.size() - 1 && rows.size() > 1) {
          out.add(new Line(rule, Align.RIGHT));
        }
        out.add(
            new Line(
                "| " + String.format(fmt, rows.get(i)[0], rows.get(i)[1]) + " |", Align.RIGHT));
      }
      out.add(new Line(rule, Align.RIGHT));
    } else {
      boolean right = r.nextBoolean();
      for (String[] row : rows) {
        out.add(new Line(String.format(fmt, row[0], row[1]), right ? Align.RIGHT : Align.LEFT));
      }
    }
  }
}
