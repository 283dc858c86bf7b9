package io.docextract.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Shop receipts in the SROIE gold shape (company, date, address, total). Layouts differ in the
 * header order, the date and total labels, where the date sits, item columns and noise lines.
 */
final class Receipts {

  private static final List<String> TOTAL_LABELS =
      List.of(
          "TOTAL",
          "TOTAL RM",
          "Grand Total",
          "Amount Paid",
          "TOTAL (INCL. TAX)",
          "Total Amount",
          "NETT TOTAL");
  private static final List<String> DATE_LABELS = List.of("Date:", "DATE", "Dt:", "Date/Time:", "");

  private Receipts() {}

  static SynthDocument make(Random r, SynthDocument.Format format) {
    String company =
        String.join(
                " ",
                Words.pick(r, Words.SHOP_FIRST),
                Words.pick(r, Words.SHOP_SECOND),
                Words.pick(r, Words.SHOP_SUFFIX))
            .strip();
    String address =
        "NO "
            + (1 + r.nextInt(300))
            + ", "
            + Words.pick(r, Words.STREETS)
            + ", "
            + (10000 + r.nextInt(89999))
            + " "
            + Words.pick(r, Words.CITIES);
    String date = Printed.date(r);
    String time = String.format("%02d:%02d", 8 + r.nextInt(14), r.nextInt(60));

    List<String> items = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    int n = 1 + r.nextInt(6);
    boolean qtyColumn = r.nextBoolean();
    for (int i = 0; i < n; i++) {
      int qty = 1 + r.nextInt(3);
      BigDecimal unit = Printed.money(r, 50, 4000);
      BigDecimal line = unit.multiply(BigDecimal.valueOf(qty));
      subtotal = subtotal.add(line);
      String name = Words.pick(r, Words.GOODS);
      items.add(
          qtyColumn
              ? String.format("%-22s %d x %s %9s", name, qty, unit, line)
              : String.format("%-28s %9s", qty > 1 ? name + " x" + qty : name, line));
    }
    boolean taxed = r.nextBoolean();
    BigDecimal tax =
        taxed
            ? subtotal.multiply(new BigDecimal("0.06")).setScale(2, RoundingMode.HALF_UP)
            : BigDecimal.ZERO.setScale(2);
    BigDecimal total = subtotal.add(tax);

    List<String> lines = new ArrayList<>();
    boolean addressFirst = r.nextInt(5) == 0;
    if (addressFirst) {
      lines.add(address);
      lines.add(company);
    } else {
      lines.add(company);
      lines.add("(" + (100000 + r.nextInt(900000)) + "-X)");
      lines.add(address);
    }
    if (r.nextBoolean()) {
      lines.add(Words.noise(r, Words.RECEIPT_NOISE));
    }
    String dateLine =
        (Words.pick(r, DATE_LABELS) + " " + date).strip() + (r.nextBoolean() ? "  " + time : "");
    boolean dateAtEnd = r.nextInt(3) == 0;
    if (!dateAtEnd) {
      lines.add(dateLine);
    }
    lines.add("-".repeat(20 + r.nextInt(20)));
    lines.addAll(items);
    lines.add("-".repeat(20 + r.nextInt(20)));
    if (taxed) {
      lines.add(String.format("%-28s %9s", "SUBTOTAL", subtotal));
      lines.add(String.format("%-28s %9s", "SST 6%", tax));
    }
    lines.add(String.format("%-28s %9s", Words.pick(r, TOTAL_LABELS), total));
    if (r.nextBoolean()) {
      BigDecimal cash =
          total.setScale(0, RoundingMode.UP).add(BigDecimal.valueOf(r.nextInt(3))).setScale(2);
      lines.add(String.format("%-28s %9s", "CASH", cash));
      lines.add(String.format("%-28s %9s", "CHANGE", cash.subtract(total)));
    }
    if (dateAtEnd) {
      lines.add(dateLine);
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      lines.add(Words.noise(r, Words.RECEIPT_NOISE));
    }

    ObjectNode gold = JsonNodeFactory.instance.objectNode();
    gold.put("company", company);
    gold.put("date", date);
    gold.put("address", address);
    gold.put("total", Printed.plain(total));
    return new SynthDocument("receipt", lines, format, gold);
  }
}
