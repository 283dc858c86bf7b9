package io.docextract.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.validate.DocumentSchema;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import io.docextract.values.Normaliser;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online services' invoices ({@code --types invoice-online}) as the pipeline's parser reads them:
 * schema-valid gold that the parsed text prints, a headline with the amount due or paid, and
 * corpora whose classic invoices are the same documents as in a corpus of classic ones alone.
 */
class OnlineInvoicesTest {

  private static final Tika TIKA = new Tika();

  private static SynthDocument online(int i) {
    return SynthCorpus.document(11, i, List.of("invoice-online"));
  }

  @Test
  void theParsedTextPrintsTheGold() throws Exception {
    RecordValidator validator =
        new RecordValidator(DocumentSchema.load(Path.of("schemas/invoice.schema.json")));
    Set<String> languages = new HashSet<>();
    int headlines = 0;
    for (int i = 0; i < 60; i++) {
      SynthDocument doc = online(i);
      JsonNode gold = doc.gold();
      String text = TIKA.parseToString(new ByteArrayInputStream(Render.bytes(doc)));
      String folded = text.replaceAll("\\s+", " ");
      String where = "online invoice " + i + " (" + doc.format() + "):\n" + text;
      Verdict v = validator.validate(gold.toString());
      assertTrue(v.ok(), where + v.messages());
      assertEquals("invoice", doc.type());
      assertTrue(folded.contains(gold.get("issuer").asText()), where);
      assertTrue(folded.contains(gold.get("invoice_number").asText()), where);
      gold.get("lines").forEach(l -> assertTrue(folded.contains(l.get("name").asText()), where));
      String amount = doc.printed().get("amount");
      assertTrue(folded.contains(amount), where);
      assertEquals(
          Normaliser.AMOUNT.apply(gold.get("amount").asText()),
          Normaliser.AMOUNT.apply(amount),
          where);
      assertTrue(folded.contains(doc.printed().get("date")), where);
      languages.add(doc.printed().get("language"));
      headlines +=
          folded.matches(
                  ".*"
                      + Pattern.quote(amount)
                      + ".{0,6} (due|paid on|fällig am|bezahlt am|dû le|payé le) .*")
              ? 1
              : 0;
    }
    assertEquals(Set.of("EN", "DE", "FR"), languages);
    assertEquals(60, headlines, "every online invoice states the amount due or paid first");
  }

  @Test
  void classicInvoicesAreTheSameDocumentsBesideOnlineOnes(@TempDir Path dir) throws Exception {
    // Document i depends on the seed and i only, so in a corpus alternating classic and online
    // invoices the classic ones are those of a corpus of classic invoices alone.
    for (int i = 0; i < 6; i += 2) {
      assertEquals(
          SynthCorpus.document(19, i, List.of("invoice")).lines(),
          SynthCorpus.document(19, i, List.of("invoice", "invoice-online")).lines());
    }
    SynthCorpus.write(dir, 12, 19, List.of("invoice", "invoice-online"));
    try (var files = Files.list(dir.resolve("invoices"))) {
      assertEquals(12, files.count());
    }
    assertTrue(Files.notExists(dir.resolve("invoice-onlines")));
    assertEquals(12, Files.readAllLines(dir.resolve("gold.jsonl")).size());
  }
}
