package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.testing.HostileInputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile input of issue 10 through the real parser (isolated Tika, default limits): each
 * ends parsed or with its reason, no external entity is resolved, and the parser keeps working. The
 * wall time per file is printed as a table (not asserted).
 */
class HostileInputsTest {

  @TempDir static Path tmp;
  static Path dir;
  static Map<String, String> expected;
  static DocumentParser parser;
  static final Map<String, List<ParseOutcome>> RESULTS = new LinkedHashMap<>();
  static final Map<String, Long> MILLIS = new LinkedHashMap<>();

  @BeforeAll
  static void parseEveryInput() throws Exception {
    dir = Files.createDirectories(tmp.resolve("in"));
    expected = HostileInputs.writeAll(dir);
    parser = new DocumentParser(ParseLimits.defaults());
    // Start the parser process first, so no file's time includes the JVM's start.
    parser.parseAll("warm up".getBytes(StandardCharsets.UTF_8), "warm.txt");
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (Files.size(f) > ParseLimits.DEFAULT_MAX_FILE_BYTES) {
          continue; // refused by size before reading: ParseDocuments' job, tested there
        }
        long start = System.nanoTime();
        RESULTS.put(name, parser.parseAll(Files.readAllBytes(f), f.toString()));
        MILLIS.put(name, (System.nanoTime() - start) / 1_000_000);
      }
    }
  }

  @AfterAll
  static void printTable() {
    parser.close();
    StringBuilder t = new StringBuilder("\n| input | document | ends | ms |\n|---|---|---|---|\n");
    RESULTS.forEach(
        (file, outcomes) -> {
          for (ParseOutcome o : outcomes) {
            t.append("| ")
                .append(file)
                .append(" | ")
                .append(relative(o.source()))
                .append(" | ")
                .append(o.ok() ? "parsed" : o.failure().code())
                .append(" | ")
                .append(MILLIS.get(file))
                .append(" |\n");
          }
        });
    System.out.println(t);
  }

  static String relative(String source) {
    return source.substring(dir.toString().length() + 1);
  }

  @Test
  void eachInputEndsWhereExpected() {
    Map<String, String> actual = new TreeMap<>();
    RESULTS
        .values()
        .forEach(
            outcomes ->
                outcomes.forEach(
                    o -> actual.put(relative(o.source()), o.ok() ? "parsed" : o.failure().code())));
    Map<String, String> want = new TreeMap<>(expected);
    want.remove("huge.txt");
    assertEquals(want, actual);
  }

  @Test
  void noExternalEntityIsEverResolved() {
    for (List<ParseOutcome> outcomes : RESULTS.values()) {
      for (ParseOutcome o : outcomes) {
        String seen = (o.ok() ? o.document().text() : "") + " " + o.message();
        assertFalse(seen.contains(HostileInputs.SECRET), () -> o.source() + ": " + seen);
      }
    }
    // The entity-free parts of the XML and HTML documents are still read.
    assertTrue(text("xxe.xml").contains("INV-XXE-1"), text("xxe.xml"));
    assertTrue(text("xxe.html").contains("INV-XXE-2"), text("xxe.html"));
  }

  @Test
  void legacyEncodingsAreDecoded() {
    String cp1252 = text("cp1252.txt");
    assertTrue(cp1252.contains("Café Façade — reçu n° 12, total 12,50 €"), cp1252);
    assertTrue(text("utf16.txt").contains("« payé »"), text("utf16.txt"));
  }

  @Test
  void aZipBombCostsItsPartAndTheArchiveStillYieldsItsOtherParts() {
    List<ParseOutcome> bomb = RESULTS.get("zip-bomb.zip");
    assertEquals(2, bomb.size(), bomb.toString());
    assertTrue(bomb.get(0).message().contains("maxFileBytes"), bomb.get(0).message());
    Provenance part = bomb.get(1).provenance();
    assertEquals("readme.txt", part.path());
    assertEquals(1, part.depth());
    assertEquals(DocumentParser.sha256(bytes("zip-bomb.zip")), part.parentId());
  }

  @Test
  void aBrokenPdfPageCostsThatPageOnly() {
    String text = text("bad-page.pdf");
    assertTrue(text.contains("Readable page 1") && text.contains("Readable page 3"), text);
  }

  @Test
  void duplicatesAreTwoDocumentsWithOneId() {
    ParseOutcome a = RESULTS.get("copy-a.txt").get(0);
    ParseOutcome b = RESULTS.get("copy-b.txt").get(0);
    assertEquals(a.id(), b.id());
    assertTrue(a.source().endsWith("copy-a.txt") && b.source().endsWith("copy-b.txt"));
  }

  @Test
  void oddFileNamesKeepTheirSource() {
    for (String name :
        List.of("receipt with spaces.txt", "reçu-日本語-ünï.txt", "-leading-dash.txt")) {
      assertEquals(dir.resolve(name).toString(), RESULTS.get(name).get(0).source());
    }
  }

  private static String text(String name) {
    List<String> texts = new ArrayList<>();
    RESULTS.get(name).forEach(o -> texts.add(o.ok() ? o.document().text() : o.message()));
    return String.join("\n", texts);
  }

  private static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
