package io.docextract.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How dates and amounts are printed. Receipts and invoices in the wild mix these, and the gold
 * keeps the printed form (the schemas say "as printed"), so the date normaliser, grounding and
 * rules meet all of them.
 */
final class Printed {

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("dd-MM-yy", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
          DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT));

  private Printed() {}

  /** A date within the last few years (fixed base, not today: the corpus must not drift). */
  static String date(Random r) {
    LocalDate d = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(6 * 365));
    return d.format(DATES.get(r.nextInt(DATES.size())));
  }

  /** An amount of money between min and max with two decimals. */
  static BigDecimal money(Random r, int minCents, int maxCents) {
    return BigDecimal.valueOf(minCents + r.nextInt(maxCents - minCents + 1), 2);
  }

  static String plain(BigDecimal amount) {
    return amount.toPlainString();
  }
}
