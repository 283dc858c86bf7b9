package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyGrammarTest {

  private static final String INVOICE =
      "Rechnung Nr. RE-2024/0815\nMüller & Söhne GmbH\nKunden-Nr.: 4711   Datum: 03.05.2024\n"
          + "Betreff: \"Wartung\" C:\\Pfad\nGesamt 1.234,56 €";

  /** Words the test model knows, so that it has something to copy. */
  private static final String STORY =
      "Lily said the cat was happy.\nTom said, \"The dog ran to the park.\" Mom smiled.";

  @Test
  void eachPieceOfTheTextIsARuleThatMayGoOnToTheNext() {
    String g = CopyGrammar.insideString("Acme Co.\n12");
    assertTrue(g.startsWith("root ::= (\" \"? (copy-0 | copy-2 | copy-5))? \"\\\"\" space\n"), g);
    assertTrue(g.contains("copy-0 ::= \"Acme\" copy-1?\n"), g);
    assertTrue(g.contains("copy-1 ::= (\" \" | \"\\\\n\") copy-2?\n"), g);
    assertTrue(g.contains("copy-3 ::= \".\" copy-4?\n"), g);
    assertTrue(g.contains("copy-5 ::= \"12\"\n"), g);
  }

  @Test
  void quotesAndBackslashesEndAStretchAndOtherCharactersAreEscaped() {
    String g = CopyGrammar.insideString("say \"hi\" to C:\\x ü€");
    // "say " then a break; "hi" then a break; " to C:" then a break; "x ü€".
    assertFalse(g.contains("\"\\\"\" copy"), "a quote is never part of a copy: " + g);
    assertTrue(g.contains("\"\\u00FC\""), g);
    assertTrue(g.contains("\"\\u20AC\""), g);
    assertEquals(4, g.lines().filter(l -> l.startsWith("copy-") && !l.contains("?")).count(), g);
  }

  @Test
  void aTextWithoutWordsAllowsOnlyTheEmptyValue() {
    assertEquals("root ::= \"\\\"\" space\nspace ::= \" \"?\n", CopyGrammar.insideString("  "));
  }

  @Test
  void onlyPlainStringValuesCanBeCopied() {
    ValueScaffold s = ValueScaffold.forSchema(Fixtures.schema("receipt").json()).orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> s.copying(List.of("nope"), "x"));
    assertEquals(s, s.copying(List.of(), "x"));
  }

  /**
   * On the real runtime, a model that knows nothing of the text (the 260K-parameter test model)
   * writes its copied values only from the text, while its free values in the same replies wander
   * off. The invoice's quotes, backslash, umlauts and euro sign must not break the grammar:
   * llama.cpp would drop it without a word and the model write freely.
   */
  @Test
  void theRealModelWritesOnlyStretchesOfTheText() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int copied = 0;
    int freeElsewhere = 0;
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(1024, 96))) {
      for (String text : List.of(STORY, INVOICE)) {
        ValueScaffold scaffold =
            ValueScaffold.forSchema(Fixtures.schema("receipt").json())
                .orElseThrow()
                .copying(List.of("company", "address"), text);
        String flat = text.replaceAll("\\s+", " ");
        for (String opening : List.of("Once upon a time", "The shop", "Lily had a", "Tom said")) {
          Completion c = runtime.completeValues(opening + " " + text, scaffold, 96);
          assertEquals(StopReason.COMPLETE_JSON, c.stopReason(), c.text());
          JsonNode node = json.readTree(c.text());
          for (String field : List.of("company", "address")) {
            String value = node.get(field).asText().replaceAll("\\s+", " ").strip();
            assertTrue(flat.contains(value), field + " '" + value + "' is not in " + c.text());
            copied += value.isBlank() ? 0 : 1;
          }
          for (String field : List.of("date", "total")) {
            String value = node.get(field).asText().replaceAll("\\s+", " ").strip();
            freeElsewhere += flat.contains(value) ? 0 : 1;
          }
        }
      }
    }
    assertTrue(copied > 0, "every copied value was empty");
    assertTrue(freeElsewhere > 0, "the free values stayed in the text too: no contrast");
  }
}
