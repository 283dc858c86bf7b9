package io.docextract.grounding;

/**
 * Text lower-cased with every run of whitespace made one space, remembering for each folded
 * character where it came from, so a match in the folded text maps back to the original.
 */
final class FoldedText {

  final String text;
  private final int[] origin;
  private final int originalLength;

  private FoldedText(String text, int[] origin, int originalLength) {
    this.text = text;
    this.origin = origin;
    this.originalLength = originalLength;
  }

  static FoldedText of(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int[] origin = new int[s.length() + 1];
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space && sb.length() > 0) {
          origin[sb.length()] = i;
          sb.append(' ');
        }
        space = true;
        continue;
      }
      space = false;
      origin[sb.length()] = i;
      sb.append(Character.toLowerCase(c));
    }
    // Character-wise lower-casing keeps one folded char per original char, so offsets map back.
    return new FoldedText(sb.toString(), origin, s.length());
  }

  /** Start offset in the original text of the folded character at {@code i}. */
  int start(int i) {
    return origin[i];
  }

  /**
   * End offset (exclusive) in the original text of a match ending before folded index {@code i}.
   */
  int end(int i) {
    return i == 0 ? 0 : origin[i - 1] + 1 > originalLength ? originalLength : origin[i - 1] + 1;
  }
}
