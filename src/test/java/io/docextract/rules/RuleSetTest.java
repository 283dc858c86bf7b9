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
    RuleSet rules =
        load(
            """
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
    RuleSet rules =
        load(
            """
        documentType: nda
        rules:
          - {field: party, pattern: '(?m)^Party: (.+)$', multi: true, normalise: kleister}
        """);
    assertEquals(
        List.of("ACME_INC.", "BOB_SMITH"),
        rules.apply("Party: Acme, Inc.\nParty: Bob Smith\nParty: Acme, Inc.\n").get("party"));
    assertFalse(rules.apply("nothing").containsKey("party"));
  }

  @Test
  void aPatternWithoutAGroupOrWithBadSyntaxIsRefusedWithItsPlace() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                load(
                    """
        documentType: x
        rules:
          - {field: a, pattern: 'no group'}
        """));
    assertTrue(e.getMessage().contains("rules[0]"), e.getMessage());
    assertThrows(
        IOException.class,
        () ->
            load(
                """
        documentType: x
        rules:
          - {field: a, pattern: '(unclosed'}
        """));
  }

  @Test
  void candidatesAreTheRawMatchesOfEveryRuleInPriorityOrder() throws IOException {
    RuleSet rules =
        load(
            """
        documentType: receipt
        rules:
          - {field: total, pattern: '(?i)total\\s+([0-9.]+)', priority: 5, normalise: amount}
          - {field: total, pattern: '([0-9]+\\.[0-9]{2})', priority: 1}
        """);
    assertEquals(
        List.of("9.50", "10.00", "1.00"),
        rules.candidates("CASH 10.00\nTOTAL 9.50\nx 1.00 10.00 2.00", 3).get("total"));
  }

  @Test
  void definesAreExpandedIntoPatternsAndMayUseEarlierDefines() throws IOException {
    RuleSet rules =
        load(
            """
        documentType: nda
        defines:
          MONTH: 'January|March'
          DATE: '(?:{{MONTH}})\\s+[0-9]{1,2},\\s*[0-9]{4}'
        rules:
          - {field: effective_date, pattern: '(?i)dated\\s+({{DATE}})', normalise: date}
        """);
    assertEquals(
        "(?i)dated\\s+((?:(?:(?:January|March))\\s+[0-9]{1,2},\\s*[0-9]{4}))",
        rules.rules().get(0).pattern());
    assertEquals(List.of("2024-03-01"), rules.apply("Dated March 1, 2024").get("effective_date"));
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                load(
                    """
        documentType: nda
        rules:
          - {field: a, pattern: '({{NOPE}})'}
        """));
    assertTrue(
        e.getMessage().contains("NOPE") && e.getMessage().contains("rules[0]"), e.getMessage());
  }

  @Test
  void withinReadsOnlyTheHeadOfTheText() throws IOException {
    RuleSet rules =
        load(
            """
        documentType: nda
        rules:
          - {field: party, pattern: '([A-Z][a-z]+) Inc', multi: true, within: 20}
        """);
    String text = "Between Acme Inc and Bolt Inc, far later: Zeta Inc";
    assertEquals(List.of("Acme"), rules.apply(text).get("party"));
    assertEquals(List.of("Acme"), rules.candidates(text, 5).get("party"));
    assertThrows(
        IOException.class,
        () ->
            load(
                """
        documentType: nda
        rules:
          - {field: party, pattern: '(x)', within: -1}
        """));
  }

  @Test
  void untilEndsTheTextARuleReadsAtItsFirstMatch() throws IOException {
    RuleSet rules =
        load(
            """
        documentType: nda
        defines:
          RECITALS: 'WHEREAS|RECITALS'
        rules:
          - {field: party, pattern: '([A-Z][a-z]+) Inc', multi: true, within: 60,
             until: '\\b(?:{{RECITALS}})\\b'}
        """);
    assertEquals(
        List.of("Acme", "Bolt"),
        rules.apply("Between Acme Inc and Bolt Inc. WHEREAS Zeta Inc owns").get("party"));
    // No recitals: the window alone bounds it.
    assertEquals(
        List.of("Acme", "Bolt"),
        rules
            .apply("Between Acme Inc and Bolt Inc; the parties agree as follows. Zeta Inc")
            .get("party"));
    assertThrows(
        IOException.class,
        () ->
            load(
                """
        documentType: nda
        rules:
          - {field: party, pattern: '(x)', until: '(unclosed'}
        """));
  }

  @Test
  void unionRulesAddUpAndAPlainRuleIsTheFallbackWhenTheyFindNothing() throws IOException {
    RuleSet rules =
        load(
            """
        documentType: nda
        rules:
          - {field: party, name: preamble, pattern: 'between (\\w+)', multi: true, union: true,
             priority: 30}
          - {field: party, name: signature, pattern: '/s/ (\\w+)', multi: true, union: true,
             priority: 20}
          - {field: party, name: anywhere, pattern: '(\\w+) Inc', multi: true, priority: 10}
          - {field: party, name: never, pattern: '(\\w+)', union: true, priority: 5}
        """);
    RuleSet.Match both =
        rules.matches("between Acme and you. /s/ Bob /s/ Acme Zeta Inc").get("party");
    assertEquals(List.of("Acme", "Bob"), both.values());
    assertEquals("preamble+signature", both.rule()); // 'anywhere' ends the search unused
    assertEquals(List.of("Bob"), rules.apply("/s/ Bob and Zeta Inc").get("party"));
    // Neither union rule matched: the plain rule gives the value and ends the search, so the
    // lower union rule adds nothing.
    RuleSet.Match fallback = rules.matches("Zeta Inc here").get("party");
    assertEquals(List.of("Zeta"), fallback.values());
    assertEquals("anywhere", fallback.rule());
  }
}
