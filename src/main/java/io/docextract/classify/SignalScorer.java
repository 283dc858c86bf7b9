package io.docextract.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Counts, per type, how many of its distinct signals a text contains. */
public final class SignalScorer {

  private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

  public SignalScorer(List<TypeProfile> profiles) {
    for (TypeProfile p : profiles) {
      patterns.put(p.name(), p.signals().stream().map(SignalScorer::compile).toList());
    }
  }

  /** Signals found per type, for the types named (all when {@code among} is null). */
  public Map<String, Integer> scores(String text, List<String> among) {
    Map<String, Integer> out = new LinkedHashMap<>();
    patterns.forEach(
        (type, list) -> {
          if (among == null || among.contains(type)) {
            int n = 0;
            for (Pattern p : list) {
              if (p.matcher(text).find()) {
                n++;
              }
            }
            out.put(type, n);
          }
        });
    return out;
  }

  /** Whole words or phrases, any case, any run of whitespace between the words. */
  private static Pattern compile(String signal) {
    String[] words = signal.strip().split("\\s+");
    StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
    for (int i = 0; i < words.length; i++) {
      re.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    re.append("(?![\\p{L}\\p{N}])");
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
