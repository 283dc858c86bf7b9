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
  void refusesAnUnknownPart() throws Exception {
    Files.writeString(tmp.resolve("s.json"), "{\"train\": [\"a.jpg\"], \"test\": [\"b.jpg\"]}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Splits.select(gold(), tmp.resolve("s.json") + ":dev"));
    assertTrue(e.getMessage().contains("its parts: train, test"), e.getMessage());
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

  /**
   * The receipt folds cover train + tune once each, and each rest is train + tune less its fold.
   */
  @Test
  void theReceiptFoldsPartitionTrainAndTune() throws Exception {
    Path gold = Path.of("../shared/data/sroie-train-text/gold.jsonl");
    if (!Files.exists(gold)) {
      return; // the shared data is not on every machine
    }
    List<GoldDocument> all = GoldSet.load(gold);
    java.util.Set<String> trainTune = new java.util.HashSet<>();
    trainTune.addAll(ids(Splits.select(all, "splits/sroie-train-text.json:train")));
    trainTune.addAll(ids(Splits.select(all, "splits/sroie-train-text.json:tune")));
    java.util.Set<String> folds = new java.util.HashSet<>();
    for (int k = 0; k < 3; k++) {
      List<String> fold = ids(Splits.select(all, "splits/sroie-train-text-folds.json:fold" + k));
      List<String> rest = ids(Splits.select(all, "splits/sroie-train-text-folds.json:rest" + k));
      fold.forEach(id -> assertTrue(folds.add(id), id + " in two folds"));
      java.util.Set<String> both = new java.util.HashSet<>(fold);
      both.addAll(rest);
      assertEquals(trainTune, both, "fold" + k + " + rest" + k);
      assertEquals(
          trainTune.size(), fold.size() + rest.size(), "fold" + k + " and rest" + k + " overlap");
    }
    assertEquals(trainTune, folds);
  }
}
