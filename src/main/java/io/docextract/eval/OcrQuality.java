package io.docextract.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well OCR read a labelled page, before any model sees it: whether each gold value is in the
 * text at all (as printed, and on letters and digits only, since OCR spacing and punctuation are
 * arbitrary), and the character error rate against a reference transcription of the same page (the
 * dataset's own OCR lines). A value that is not in the text cannot be extracted exactly, so the
 * first is a ceiling for the pipeline's field-exact figure.
 */
public final class OcrQuality {

  /** One page: the gold values found per field, the CER (or -1 without a reference), the time. */
  public record Page(
      String doc,
      Map<String, Boolean> printed,
      Map<String, Boolean> alnum,
      double cer,
      long millis,
      int chars) {}

  private final List<Page> pages = new ArrayList<>();

  /** Scores one page's OCR text. */
  public Page add(
      String doc, Map<String, String> gold, String text, String reference, long millis) {
    String spaced = spaces(text);
    String letters = alnum(text);
    Map<String, Boolean> printed = new LinkedHashMap<>();
    Map<String, Boolean> alnum = new LinkedHashMap<>();
    gold.forEach(
        (field, value) -> {
          printed.put(field, !spaces(value).isEmpty() && spaced.contains(spaces(value)));
          alnum.put(field, !alnum(value).isEmpty() && letters.contains(alnum(value)));
        });
    double cer = reference == null ? -1 : cer(text, reference);
    Page p = new Page(doc, printed, alnum, cer, millis, text.length());
    pages.add(p);
    return p;
  }

  public List<Page> pages() {
    return List.copyOf(pages);
  }

  /** Share of pages whose text holds the field's gold value, as printed or letters-and-digits. */
  public double found(String field, boolean lettersAndDigits) {
    return pages.isEmpty()
        ? 0
        : pages.stream()
                .filter(
                    p ->
                        Boolean.TRUE.equals(
                            (lettersAndDigits ? p.alnum() : p.printed()).get(field)))
                .count()
            / (double) pages.size();
  }

  /** Over all fields of all pages. */
  public double foundAll(boolean lettersAndDigits) {
    long hits = 0;
    long total = 0;
    for (Page p : pages) {
      for (Boolean b : (lettersAndDigits ? p.alnum() : p.printed()).values()) {
        total++;
        hits += b ? 1 : 0;
      }
    }
    return total == 0 ? 0 : hits / (double) total;
  }

  /** Mean CER over pages with a reference; -1 when none had one. */
  public double meanCer() {
    return pages.stream().filter(p -> p.cer() >= 0).mapToDouble(Page::cer).average().orElse(-1);
  }

  public double secondsPerPage() {
    return pages.stream().mapToLong(Page::millis).average().orElse(0) / 1000;
  }

  /** The median page's seconds (a loaded machine makes the mean jumpy). */
  public double medianSeconds() {
    long[] ms = pages.stream().mapToLong(Page::millis).sorted().toArray();
    return ms.length == 0 ? 0 : ms[ms.length / 2] / 1000.0;
  }

  /**
   * Edit distance (insertions, deletions, substitutions) between the two texts with whitespace runs
   * folded to one space and case folded, over the reference's length. Line breaks fold too: a row
   * written as one line or as one line per box reads the same; and SROIE's lines are transcribed in
   * capitals whatever the print, so case is no error.
   */
  public static double cer(String text, String reference) {
    String a = spaces(text).toUpperCase(Locale.ROOT);
    String b = spaces(reference).toUpperCase(Locale.ROOT);
    if (b.isEmpty()) {
      return a.isEmpty() ? 0 : 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      char c = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (c == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] / (double) b.length();
  }

  static String spaces(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  static String alnum(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The summary table (Markdown), one row for this engine's figures. */
  public String table(String engine, List<String> fields) {
    StringBuilder sb = new StringBuilder("| engine | pages |");
    for (String f : fields) {
      sb.append(' ').append(f).append(" |");
    }
    sb.append(
        " all fields | all (letters+digits) | CER | s/page (mean) | s/page (median) |\n|---|---|");
    sb.append("---|".repeat(fields.size() + 5)).append('\n');
    sb.append(String.format(Locale.ROOT, "| %s | %d |", engine, pages.size()));
    for (String f : fields) {
      sb.append(String.format(Locale.ROOT, " %.2f / %.2f |", found(f, false), found(f, true)));
    }
    double cer = meanCer();
    sb.append(
        String.format(
            Locale.ROOT,
            " %.3f | %.3f | %s | %.2f | %.2f |%n",
            foundAll(false),
            foundAll(true),
            cer < 0 ? "–" : String.format(Locale.ROOT, "%.3f", cer),
            secondsPerPage(),
            medianSeconds()));
    return sb.toString();
  }
}
