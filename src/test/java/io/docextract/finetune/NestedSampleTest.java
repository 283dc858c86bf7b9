package io.docextract.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NestedSampleTest {

  private static List<TrainingSplit.Doc> docs(int n) {
    List<TrainingSplit.Doc> d = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      d.add(new TrainingSplit.Doc("doc" + i, "hash" + i));
    }
    return d;
  }

  @Test
  void seededNestedAndInTheEarlierOrder() {
    var small = NestedSample.pick(docs(40), 5, 42, Set.of(), Set.of());
    var large = NestedSample.pick(docs(40), 20, 42, Set.of(), Set.of());
    assertEquals(small, NestedSample.pick(docs(40), 5, 42, Set.of(), Set.of()));
    assertNotEquals(small, NestedSample.pick(docs(40), 5, 43, Set.of(), Set.of()));
    assertEquals(5, small.size());
    assertTrue(large.containsAll(small), "a larger sample keeps the smaller one");
    List<TrainingSplit.Doc> sorted = new ArrayList<>(large);
    sorted.sort(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.id().substring(3))));
    assertEquals(sorted, large);
    // Asking for more than there are gives them all.
    assertEquals(docs(40), NestedSample.pick(docs(40), 100, 42, Set.of(), Set.of()));
  }

  @Test
  void leavesOutNewDocumentsByIdOrTextAndDuplicates() {
    List<TrainingSplit.Doc> earlier = new ArrayList<>(docs(6));
    earlier.add(new TrainingSplit.Doc("copy-of-doc0", "hash0"));
    var picked = NestedSample.pick(earlier, 10, 1, Set.of("doc1"), Set.of("hash2"));
    assertEquals(
        List.of("doc0", "doc3", "doc4", "doc5"), picked.stream().map(d -> d.id()).toList());
    assertThrows(
        IllegalArgumentException.class,
        () -> NestedSample.pick(earlier, -1, 1, Set.of(), Set.of()));
  }
}
