package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDraftsTest {

  @Test
  void receiptKeysAreSpeltAsTheModelWritesThemBetweenStringValues() {
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    assertEquals(
        List.of(
            List.of("{\"company\":\""),
            List.of("\",\"date\":\"", ",\"date\":\""),
            List.of("\",\"address\":\"", ",\"address\":\""),
            List.of("\",\"total\":\"", ",\"total\":\"")),
        KeyDrafts.spellings(grammar));
  }

  /**
   * A number or an array opens without a quote; the keys inside the array's items are not drafted.
   */
  @Test
  void onlyTopLevelKeysAndOnlyStringsOpenWithAQuote() {
    List<List<String>> keys =
        KeyDrafts.spellings(Grammars.forSchema(Fixtures.schema("invoice").json()));
    assertEquals(6, keys.size(), keys.toString());
    assertEquals(List.of("\",\"invoice_number\":\"", ",\"invoice_number\":\""), keys.get(1));
    assertEquals(List.of("\",\"amount\":", ",\"amount\":"), keys.get(4));
    assertEquals(List.of("\",\"lines\":", ",\"lines\":"), keys.get(5));
    assertTrue(keys.stream().flatMap(List::stream).noneMatch(k -> k.contains("price_unit")));
  }

  @Test
  void aGrammarThatIsNotAnObjectGetsNoDrafts() {
    String grammar = Grammars.forSchema("{\"type\":\"string\"}");
    assertTrue(KeyDrafts.spellings(grammar).isEmpty());
    assertTrue(KeyDrafts.requestValue(grammar).isEmpty());
    assertEquals(
        "[[\"{\\\"company\\\":\\\"\"],[\"\\\",\\\"date\\\":\\\"\",\",\\\"date\\\":\\\"\"],"
            + "[\"\\\",\\\"address\\\":\\\"\",\",\\\"address\\\":\\\"\"],"
            + "[\"\\\",\\\"total\\\":\\\"\",\",\\\"total\\\":\\\"\"]]",
        KeyDrafts.requestValue(Grammars.forSchema(Fixtures.schema("receipt").json()))
            .orElseThrow());
  }
}
