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
 * A seeded split of labelled documents into train and eval, with documents that must never be
 * trained on (another gold file's, by id or by content hash) taken out first. The same seed and
 * documents give the same split on any machine.
 */
public final class TrainingSplit {

  /** A labelled document reduced to what the split needs. */
  public record Doc(String id, String contentSha256) {}

  public record Result(List<Doc> train, List<Doc> eval, List<Doc> excluded) {}

  private TrainingSplit() {}

  public static Result split(
      List<Doc> docs,
      double evalShare,
      long seed,
      Set<String> excludeIds,
      Set<String> excludeHashes) {
    if (evalShare < 0 || evalShare >= 1) {
      throw new IllegalArgumentException("eval share must be in [0, 1), got " + evalShare);
    }
    List<Doc> kept = new ArrayList<>();
    List<Doc> excluded = new ArrayList<>();
    for (Doc d : docs) {
      if (excludeIds.contains(d.id()) || excludeHashes.contains(d.contentSha256())) {
        excluded.add(d);
      } else {
        kept.add(d);
      }
    }
    List<Doc> shuffled = new ArrayList<>(kept);
    shuffled.sort(Comparator.comparing((Doc d) -> key(seed, d.id())).thenComparing(Doc::id));
    int evalCount = (int) Math.ceil(shuffled.size() * evalShare);
    List<Doc> eval = new ArrayList<>(shuffled.subList(0, evalCount));
    List<Doc> train = new ArrayList<>(shuffled.subList(evalCount, shuffled.size()));
    // Keep the file's order inside each part, so examples read like the gold file.
    eval.sort(Comparator.comparingInt(kept::indexOf));
    train.sort(Comparator.comparingInt(kept::indexOf));
    return new Result(train, eval, excluded);
  }

  private static String key(long seed, String id) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
