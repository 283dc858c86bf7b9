package io.docextract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

  @TempDir Path tmp;

  private RuleSet load(String yaml) throws IOException {
    Path f = tmp.resolve("r.yaml");
    Files.writeString(f, yaml);
    return RuleSet.load(f);
  }

  @Test
  void higherPriorityWinsAndValuesAreNormalised() throws IOException {
    RuleSet rules = load("""
        documentType: receipt
        rules:
          - {field: total, name: any-amount, pattern: '([0-9]+\\.[0-9]{2})', priority: 1}
          - {field: total, name: after-total, pattern: '(?i)total[^0-9]*([0-9,]+\\.[0-9]{2})',
             priority: 10, normalise: amount}
        """);
    String text = "SUB 3.00\nTOTAL RM 1,009.50\nCASH 1,010.00";
    assertEquals(List.of("1009.50"), rules.apply(text).get("total"));
    assertEquals("after-total", rules.explain(text).get("total"));
    assertEquals(List.of("3.00"), rules.apply("SUB 3.00").get("total"));
  }

  @Test
  void multiRulesCollectEveryDistinctMatch() throws IOException {
    RuleSet rules = load("""
        documentType: nda
        rules:
          - {field: party, pattern: '(?m)^Party: (.+)$', multi: true, normalise: kleister}
        """);
    assertEquals(List.of("ACME_INC.", "BOB_SMITH"),
        rules.apply("Party: Acme, Inc.\nParty: Bob Smith\nParty: Acme, Inc.\n").get("party"));
    assertFalse(rules.apply("nothing").containsKey("party"));
  }

  @Test
  void aPatternWithoutAGroupOrWithBadSyntaxIsRefusedWithItsPlace() {
    IOException e = assertThrows(IOException.class, () -> load("""
        documentType: x
        rules:
          - {field: a, pattern: 'no group'}
        """));
    assertTrue(e.getMessage().contains("rules[0]"), e.getMessage());
    assertThrows(IOException.class, () -> load("""
        documentType: x
        rules:
          - {field: a, pattern: '(unclosed'}
        """));
  }

  @Test
  void candidatesAreTheRawMatchesOfEveryRuleInPriorityOrder() throws IOException {
    RuleSet rules = load("""
        documentType: receipt
        rules:
          - {field: total, pattern: '(?i)total\\s+([0-9.]+)', priority: 5, normalise: amount}
          - {field: total, pattern: '([0-9]+\\.[0-9]{2})', priority: 1}
        """);
    assertEquals(List.of("9.50", "10.00", "1.00"),
        rules.candidates("CASH 10.00\nTOTAL 9.50\nx 1.00 10.00 2.00", 3).get("total"));
  }
}
