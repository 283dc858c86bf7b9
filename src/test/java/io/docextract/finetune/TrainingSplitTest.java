package io.docextract.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingSplitTest {

  private static List<TrainingSplit.Doc> docs(int n) {
    List<TrainingSplit.Doc> d = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      d.add(new TrainingSplit.Doc("doc" + i, "hash" + i));
    }
    return d;
  }

  @Test
  void theSameSeedGivesTheSameSplitAndADifferentSeedAnother() {
    var a = TrainingSplit.split(docs(50), 0.2, 7, Set.of(), Set.of());
    var b = TrainingSplit.split(docs(50), 0.2, 7, Set.of(), Set.of());
    var c = TrainingSplit.split(docs(50), 0.2, 8, Set.of(), Set.of());
    assertEquals(a, b);
    assertEquals(10, a.eval().size());
    assertEquals(40, a.train().size());
    assertFalse(a.eval().equals(c.eval()));
  }

  @Test
  void trainAndEvalNeverShareADocument() {
    var s = TrainingSplit.split(docs(30), 0.1, 1, Set.of(), Set.of());
    Set<TrainingSplit.Doc> train = new HashSet<>(s.train());
    s.eval().forEach(d -> assertFalse(train.contains(d)));
    assertEquals(30, s.train().size() + s.eval().size());
  }

  @Test
  void excludedDocumentsAreNeverTrainedOnWhetherMatchedByIdOrByContent() {
    var s = TrainingSplit.split(docs(10), 0.0, 1, Set.of("doc1"), Set.of("hash2"));
    assertEquals(2, s.excluded().size());
    assertTrue(s.train().stream().noneMatch(d -> d.id().equals("doc1") || d.id().equals("doc2")));
    assertEquals(8, s.train().size());
  }
}
