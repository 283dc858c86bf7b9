package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonEndDetectorTest {

  @Test
  void closesOnlyAtTheTopLevelBrace() {
    JsonEndDetector d = new JsonEndDetector();
    assertFalse(d.accept("{\"a\": {\"b\": [1, 2]"));
    assertFalse(d.accept("}"));
    assertTrue(d.accept("}   \n"));
  }

  @Test
  void bracesInsideStringsDoNotCount() {
    JsonEndDetector d = new JsonEndDetector();
    assertFalse(d.accept("{\"a\": \"}}\\\"}\""));
    assertTrue(d.accept("}"));
  }

  /**
   * A value whose opening quote is in the prompt ends at its closing quote, not at an escaped one.
   */
  @Test
  void aStringValueEndsAtItsClosingQuote() {
    JsonEndDetector d = JsonEndDetector.insideString();
    assertFalse(d.accept("12, JALAN {MAWAR} \\\"3"));
    assertTrue(d.accept("\","));
  }

  @Test
  void leadingWhitespaceIsNotAnEnd() {
    JsonEndDetector d = new JsonEndDetector();
    assertFalse(d.accept("  \n "));
    assertFalse(d.complete());
  }
}
