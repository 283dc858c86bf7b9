package io.docextract.finetune;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A seeded sample of labelled documents, the same on any machine, and nested: a larger count keeps
 * every document of a smaller one. Two uses: which of an adapter's earlier training documents are
 * trained on again when it continues on new corrections, so it does not forget (replay; a document
 * among the new ones, by id or content hash, is not replayed: the correction wins), and the
 * training subsets of a learning curve (each size adds documents to the last, so the curve shows
 * the effect of more labels, not of other labels).
 */
public final class NestedSample {

  private NestedSample() {}

  /**
   * Up to {@code count} of {@code earlier}, in the earlier order, none of whose id or hash is in
   * the exclusions.
   */
  public static List<TrainingSplit.Doc> pick(
      List<TrainingSplit.Doc> earlier,
      int count,
      long seed,
      Set<String> excludeIds,
      Set<String> excludeHashes) {
    if (count < 0) {
      throw new IllegalArgumentException("sample size must be >= 0, got " + count);
    }
    List<TrainingSplit.Doc> eligible = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (TrainingSplit.Doc d : earlier) {
      if (!excludeIds.contains(d.id())
          && !excludeHashes.contains(d.contentSha256())
          && seen.add(d.contentSha256())) {
        eligible.add(d);
      }
    }
    List<TrainingSplit.Doc> order = new ArrayList<>(eligible);
    order.sort(Comparator.comparing((TrainingSplit.Doc d) -> key(seed, d.id())));
    List<TrainingSplit.Doc> picked =
        new ArrayList<>(order.subList(0, Math.min(count, order.size())));
    picked.sort(Comparator.comparingInt(eligible::indexOf));
    return picked;
  }

  private static String key(long seed, String id) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("sample:" + seed + ":" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
