package io.docextract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {

  @TempDir Path tmp;

  private List<GoldDocument> gold() throws IOException {
    Path g = tmp.resolve("gold.jsonl");
    Files.writeString(
        g,
        """
        {"doc": "a.jpg", "fields": {}}
        {"doc": "b.jpg", "fields": {}}
        {"doc": "c.jpg", "fields": {}}
        {"doc": "d.jpg", "fields": {}}
        """);
    return GoldSet.load(g);
  }

  private static List<String> ids(List<GoldDocument> docs) {
    return docs.stream().map(GoldDocument::doc).toList();
  }

  @Test
  void selectsExactlyThePartInTheGoldFilesOrder() throws Exception {
    Path s =
        Files.writeString(
            tmp.resolve("s.json"),
            "{\"train\": [\"c.jpg\", \"a.jpg\"], \"tune\": [], \"test\": [\"d.jpg\", \"b.jpg\"]}");
    assertEquals(List.of("b.jpg", "d.jpg"), ids(Splits.select(gold(), s + ":test")));
    assertEquals(List.of("a.jpg", "c.jpg"), ids(Splits.select(gold(), s + ":train")));
    assertEquals(List.of(), ids(Splits.select(gold(), s + ":tune")));
  }

  @Test
  void refusesAnIdThatIsNotInTheGoldFile() throws Exception {
    Path s =
        Files.writeString(
            tmp.resolve("s.json"),
            "{\"train\": [], \"tune\": [], \"test\": [\"a.jpg\", \"zz.jpg\"]}");
    IOException e = assertThrows(IOException.class, () -> Splits.select(gold(), s + ":test"));
    assertTrue(e.getMessage().contains("zz.jpg"), e.getMessage());
  }

  @Test
  void refusesAnUnknownPart() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Splits.select(gold(), tmp.resolve("s.json") + ":dev"));
    assertThrows(IllegalArgumentException.class, () -> Splits.select(gold(), "test"));
  }

  /** The recorded splits match the shared gold files and do not overlap. */
  @Test
  void theRecordedSplitsCoverTheirGoldFilesWithoutOverlap() throws Exception {
    for (String name :
        List.of("sroie-train-text", "kleister-nda-train", "sroie-train", "invoice2data")) {
      Path gold = Path.of("../shared/data", name, "gold.jsonl");
      if (!Files.exists(gold)) {
        continue; // the shared data is not on every machine
      }
      List<GoldDocument> all = GoldSet.load(gold);
      Path split = Path.of("splits", name + ".json");
      int n = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String part : List.of("train", "tune", "test")) {
        List<String> got = ids(Splits.select(all, split + ":" + part));
        n += got.size();
        got.forEach(id -> assertTrue(seen.add(id), name + ": " + id + " in two parts"));
      }
      assertEquals(all.size(), n, name + ": every gold document in exactly one part");
      if (name.equals("sroie-train-text")) {
        // The held-apart slice the READMEs quote as --select 300: (receipts 400-499).
        assertEquals(ids(GoldSet.slice(all, "300:")), ids(Splits.select(all, split + ":test")));
      }
      if (name.equals("kleister-nda-train")) {
        assertEquals(ids(GoldSet.slice(all, "70:")), ids(Splits.select(all, split + ":test")));
      }
    }
  }
}
