package io.docextract.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's probability for each generated token, and from them one figure per top-level JSON
 * field: the lowest probability among the tokens that spell the field's value. Keys and the
 * punctuation between values are left out: the grammar forces them, and the probabilities are the
 * model's own, before the grammar, so a forced token says nothing about the value. The lowest token
 * stands for the value because one doubtful token (the first digit of a total, the first word of a
 * name) is enough to make the whole value wrong.
 *
 * <p>The token that ends a string or a number counts too: ending there is the model's choice, not
 * the grammar's (an address may run on to the next printed line, a total may take another digit),
 * and where it hesitated, the value is as doubtful as its weakest letter. A token that starts at
 * the closing quote (Gemma's {@code ","}) speaks for the value before it.
 *
 * <p>A {@code null} is the exception: where the schema allows it, the token before it is a choice,
 * not forced, and a tokenizer that spells {@code ":} and {@code ":"} as single tokens (Gemma's)
 * decides "null or a value" there; the {@code null} after it is then near certain. So a null value
 * also counts the token that ends where it starts. Without that, a null the model was unsure of
 * scored 1.0 — and a null has no text to be grounded in, so nothing else would catch it.
 */
public final class TokenProbabilities {

  private static final JsonFactory JSON = new JsonFactory();

  private final List<Integer> ends = new ArrayList<>();
  private final List<Float> probabilities = new ArrayList<>();
  private int length;

  /** One streamed piece of the reply and the probability of its token (null when unknown). */
  public void add(String piece, Float probability) {
    length += piece.length();
    ends.add(length);
    probabilities.add(probability);
  }

  /**
   * Appends another reply's pieces, keeping only its first {@code chars} characters: a value's last
   * token may carry punctuation past the value (the tuned model writes {@code ","} as one token),
   * which the assembled reply leaves out.
   */
  public void appendCut(TokenProbabilities other, int chars) {
    int previous = 0;
    for (int i = 0; i < other.ends.size() && previous < chars; i++) {
      int end = Math.min(other.ends.get(i), chars);
      length += end - previous;
      ends.add(length);
      probabilities.add(other.probabilities.get(i));
      previous = end;
    }
  }

  public boolean isEmpty() {
    return probabilities.stream().allMatch(p -> p == null);
  }

  /** Field → lowest value-token probability, for the fields of a JSON object reply. */
  public Map<String, Double> byField(String reply) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (isEmpty()) {
      return out;
    }
    try (JsonParser p = JSON.createParser(reply)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        List<Span> spans = new ArrayList<>();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
          for (int depth = 1; depth > 0; ) {
            JsonToken x = p.nextToken();
            if (x == null) {
              return out;
            }
            if (x.isStructStart()) {
              depth++;
            } else if (x.isStructEnd()) {
              depth--;
            } else if (x.isScalarValue()) {
              spans.add(span(p, x));
            }
          }
        } else if (t != null && t.isScalarValue()) {
          spans.add(span(p, t));
        }
        lowest(spans).ifPresent(v -> out.put(field, v));
      }
    } catch (IOException e) {
      // A reply cut short keeps the fields read before the cut.
    }
    return out;
  }

  /**
   * A value's characters [start, end); {@code withChoice}: the token that ends where it starts
   * speaks for it too (a null); {@code withEnd}: so does the token that starts where it ends (the
   * closing quote of a string, what follows a number).
   */
  private record Span(int start, int end, boolean withChoice, boolean withEnd) {

    boolean spokenForBy(int tokenStart, int tokenEnd) {
      return (tokenStart < end || (withEnd && tokenStart == end))
          && (tokenEnd > start || (withChoice && tokenEnd == start));
    }
  }

  /** The characters of a value; a string's without its quotes unless it is empty. */
  private static Span span(JsonParser p, JsonToken t) throws IOException {
    p.finishToken(); // Jackson reads a string lazily: its end is known only once it is read.
    int start = (int) p.currentTokenLocation().getCharOffset();
    int end = (int) p.currentLocation().getCharOffset();
    if (t == JsonToken.VALUE_STRING && end - start > 2) {
      return new Span(start + 1, end - 1, false, true);
    }
    return new Span(start, end, t == JsonToken.VALUE_NULL, t.isNumeric());
  }

  private java.util.Optional<Double> lowest(List<Span> spans) {
    double min = Double.NaN;
    int tokenStart = 0;
    for (int i = 0; i < ends.size(); i++) {
      int tokenEnd = ends.get(i);
      Float prob = probabilities.get(i);
      if (prob != null && tokenEnd > tokenStart) {
        for (Span s : spans) {
          if (s.spokenForBy(tokenStart, tokenEnd)) {
            min = Double.isNaN(min) ? prob : Math.min(min, prob);
            break;
          }
        }
      }
      tokenStart = tokenEnd;
    }
    return Double.isNaN(min)
        ? java.util.Optional.empty()
        : java.util.Optional.of(Math.round(min * 1000) / 1000.0);
  }
}
