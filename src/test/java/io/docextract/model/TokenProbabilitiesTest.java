package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which token probabilities speak for which field of a reply. */
class TokenProbabilitiesTest {

  private static TokenProbabilities of(Object... pieceThenProbability) {
    TokenProbabilities t = new TokenProbabilities();
    for (int i = 0; i < pieceThenProbability.length; i += 2) {
      t.add((String) pieceThenProbability[i], (Float) pieceThenProbability[i + 1]);
    }
    return t;
  }

  private static String reply(TokenProbabilities unused, Object... pieceThenProbability) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieceThenProbability.length; i += 2) {
      sb.append((String) pieceThenProbability[i]);
    }
    return sb.toString();
  }

  @Test
  void aFieldGetsItsWeakestValueTokenAndForcedPunctuationIsIgnored() {
    Object[] tokens = {
      "{\"", 0.01f, "company", 0.02f, "\":\"", 0.03f, "KED", 0.9f, "AI", 0.6f, "\",\"", 0.95f,
      "total", 0.04f, "\":", 0.02f, "23", 0.99f, ".90", 0.8f, ",\"", 0.9f, "date", 0.3f, "\":",
      0.8f, "null", 0.99f, "}", 0.05f
    };
    TokenProbabilities t = of(tokens);
    Map<String, Double> byField = t.byField(reply(t, tokens));
    // The null's own token is near certain; the choice of null was made in the `":` before it.
    assertEquals(Map.of("company", 0.6, "total", 0.8, "date", 0.8), byField);
  }

  /**
   * Gemma spells `":` and `":"` as one token each: the choice between null and a value is there.
   */
  @Test
  void aNullCountsTheTokenThatChoseItButAStringDoesNotCountItsOpeningQuote() {
    Object[] tokens = {
      "{\"effective_date",
      0.9f,
      "\":",
      0.66f,
      "null",
      1.0f,
      ",\"",
      0.9f,
      "party",
      0.9f,
      "\":\"",
      0.3f,
      "NIKE",
      0.97f,
      "\"}",
      0.98f
    };
    TokenProbabilities t = of(tokens);
    assertEquals(Map.of("effective_date", 0.66, "party", 0.97), t.byField(reply(t, tokens)));
  }

  /**
   * Values decoded one by one, their last token cut after the closing quote, keep their own figure.
   */
  @Test
  void valuesAppendedWithoutTheirTrailingPunctuationKeepTheirOffsets() {
    TokenProbabilities reply = new TokenProbabilities();
    reply.add("{\"company\":\"", null);
    TokenProbabilities company = new TokenProbabilities();
    company.add("KED", 0.9f);
    company.add("AI\",\"", 0.4f);
    reply.appendCut(company, "KEDAI\"".length());
    reply.add(",\"total\":\"", null);
    TokenProbabilities total = new TokenProbabilities();
    total.add("23", 0.99f);
    total.add(".90", 0.8f);
    total.add("\"}", 0.7f);
    reply.appendCut(total, "23.90\"".length());
    reply.add("}", null);
    assertEquals(
        Map.of("company", 0.4, "total", 0.7),
        reply.byField("{\"company\":\"KEDAI\",\"total\":\"23.90\"}"));
  }

  /**
   * Where a value ends is the model's choice: an address that might run on to the next printed
   * line, a total that might take another digit.
   */
  @Test
  void theTokenThatEndsAStringOrANumberCounts() {
    Object[] tokens = {
      "{\"address\":\"",
      0.2f,
      "NO 9,",
      0.99f,
      " JALAN",
      0.97f,
      "\",\"",
      0.55f,
      "total",
      0.1f,
      "\":",
      0.1f,
      "148",
      0.99f,
      ".00",
      0.98f,
      "}",
      0.7f
    };
    TokenProbabilities t = of(tokens);
    assertEquals(Map.of("address", 0.55, "total", 0.7), t.byField(reply(t, tokens)));
  }

  @Test
  void aTokenThatStartsAValueWithItsQuoteCountsAndListsTakeEveryItem() {
    Object[] tokens = {
      "{\"party\":[\"N", 0.5f, "ike", 0.95f, "\",\"", 0.85f, "Eric", 0.4f, "\"]}", 0.9f
    };
    TokenProbabilities t = of(tokens);
    assertEquals(Map.of("party", 0.4), t.byField(reply(t, tokens)));
  }

  @Test
  void aReplyCutShortKeepsTheFieldsBeforeTheCutAndUnknownTokensAreSkipped() {
    Object[] tokens = {"{\"a\":\"", 0.1f, "x", null, "y", 0.7f, "\",\"b\":\"", 0.8f, "zz", 0.3f};
    TokenProbabilities t = of(tokens);
    Map<String, Double> byField = t.byField(reply(t, tokens));
    assertEquals(Map.of("a", 0.7), byField);
    assertTrue(of("{", null).byField("{}").isEmpty(), "no probabilities, no figures");
  }
}
