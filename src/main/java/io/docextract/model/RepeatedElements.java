package io.docextract.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Notices an array that starts over: an object or array element identical to an earlier element of
 * the same array, followed by a comma, so the model is going on. At temperature 0 a small model
 * that has written a billed line twice writes it until the schema's {@code maxItems} — ten
 * identical lines, each an invented record value and about fifteen tokens of decode time — in a
 * period too long for {@link RepetitionDetector}. The reply is then cut after the last distinct
 * element and its open brackets closed, so the values before the loop are kept whole. A repeat the
 * array closes on ({@code [a, b, a]}) is the model's own ending and is left alone.
 */
public final class RepeatedElements {

  private static final class Container {
    final boolean array;
    int elementStart;
    final Set<String> elements = new HashSet<>();

    Container(boolean array, int elementStart) {
      this.array = array;
      this.elementStart = elementStart;
    }
  }

  private final StringBuilder text = new StringBuilder();
  private final Deque<Container> open = new ArrayDeque<>();
  private final JsonStrings strings;
  private int cut = -1;
  private String closing = "";

  private RepeatedElements(boolean inString) {
    this.strings = new JsonStrings(inString);
  }

  /** For a reply that starts outside any string (a whole object, or a member's value). */
  static RepeatedElements json() {
    return new RepeatedElements(false);
  }

  /** For a string value whose opening quote is already written. */
  static RepeatedElements insideString() {
    return new RepeatedElements(true);
  }

  /**
   * A whole reply that another server generated, cut the same way: what to keep, or empty when no
   * array in it starts over. The cost is already paid there; the record's values are the same as
   * the in-process runtime would give.
   */
  public static Optional<String> cut(String reply) {
    RepeatedElements r = json();
    return r.accept(reply)
        ? Optional.of(reply.substring(0, r.cut()) + r.closing())
        : Optional.empty();
  }

  /** Feeds more text; true once an element has repeated: {@link #cut()} then says where to end. */
  boolean accept(String piece) {
    for (int k = 0; k < piece.length() && cut < 0; k++) {
      char c = piece.charAt(k);
      int at = text.length();
      text.append(c);
      if (strings.feed(c) != JsonStrings.Kind.OUTSIDE) {
        continue;
      }
      switch (c) {
        case '{', '[' -> open.push(new Container(c == '[', at + 1));
        case '}', ']' -> {
          if (!open.isEmpty()) {
            open.pop();
          }
        }
        case ',' -> {
          Container top = open.peek();
          if (top != null && top.array) {
            String element = text.substring(top.elementStart, at).strip();
            if (structured(element) && !top.elements.add(element)) {
              stopBefore(top);
            }
            top.elementStart = at + 1;
          }
        }
        default -> {}
      }
    }
    return cut >= 0;
  }

  /**
   * Only objects and arrays are compared: a number, name or flag may well be printed twice, and a
   * short value that loops is {@link RepetitionDetector}'s.
   */
  private static boolean structured(String element) {
    return element.startsWith("{") || element.startsWith("[");
  }

  private void stopBefore(Container repeated) {
    // The comma before the repeated element ends the kept text; every bracket still open closes.
    cut = repeated.elementStart - 1;
    StringBuilder closers = new StringBuilder();
    for (Container c : open) {
      closers.append(c.array ? ']' : '}');
    }
    closing = closers.toString();
  }

  /** Characters of the text fed so far to keep; -1 while no element has repeated. */
  int cut() {
    return cut;
  }

  /** What closes the brackets open at the cut ({@code "]}"} for an object's last array). */
  String closing() {
    return closing;
  }
}
