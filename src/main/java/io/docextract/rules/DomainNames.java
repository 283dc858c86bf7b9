package io.docextract.rules;

import io.docextract.values.Normaliser;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a name is spelt in a web or e-mail domain the document prints: "Acme Widget Supply Co."
 * in billing@acme-widgets.example, "Amazon Web Services, Inc." in aws.amazon.com. An invoice prints
 * its issuer's domain in the letterhead or the footer, and the customer's rarely, so a name line
 * the domain confirms is the issuer far more often than the first line with a legal form.
 */
public final class DomainNames {

  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)(?:[a-z0-9._%+-]+@|\\bwww\\.|https?://)((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,})");

  // Labels that name a mail provider or a host's role, not the company behind the domain.
  private static final Set<String> GENERIC =
      Set.of(
          "www",
          "mail",
          "email",
          "billing",
          "invoice",
          "invoices",
          "info",
          "secure",
          "portal",
          "app",
          "my",
          "gmail",
          "googlemail",
          "yahoo",
          "hotmail",
          "outlook",
          "live",
          "gmx",
          "web",
          "icloud",
          "aol",
          "localhost",
          "example");

  private DomainNames() {}

  /** The domain labels (hyphens dropped, lower case) of the text's e-mail and web addresses. */
  public static Set<String> labels(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = DOMAIN.matcher(text);
    while (m.find()) {
      String[] parts = m.group(1).toLowerCase(Locale.ROOT).split("\\.");
      // the last label is the top-level domain
      for (int i = 0; i < parts.length - 1; i++) {
        String label = parts[i].replace("-", "");
        if (label.length() >= 3 && !GENERIC.contains(label)) {
          out.add(label);
        }
      }
    }
    return out;
  }

  /**
   * True when the name's letters and digits (legal form dropped) begin with one of the labels, or a
   * label begins with them: each side at least three characters.
   */
  public static boolean names(String name, Set<String> labels) {
    // A legal form closing a name is not part of its domain ("Brightlane Studio Ltd": brightlane).
    String letters = fold(Normaliser.COMPANY.apply(name));
    if (letters.length() < 3) {
      return false;
    }
    for (String label : labels) {
      if (letters.startsWith(label) || label.startsWith(letters)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String s) {
    return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("[^a-z0-9]", "");
  }
}
