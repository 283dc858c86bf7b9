package io.docextract.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.testing.Fixtures;
import org.junit.jupiter.api.Test;

class GrammarsTest {

  @Test
  void freeWhitespaceIsNarrowedToOneSpace() {
    String grammar = Grammars.forSchema(Fixtures.schema("receipt").json());
    assertTrue(grammar.contains("space ::= \" \"?"), grammar);
    assertFalse(grammar.contains("\\n\" [ \\t]"), "newline padding must be gone:\n" + grammar);
  }

  @Test
  void everyShippedSchemaConvertsAndIsEnforced() throws Exception {
    try (ModelRuntime runtime = ModelRuntime.acquire(Fixtures.stories(512, 64))) {
      for (String type : new String[] {"receipt", "invoice", "nda"}) {
        runtime.checkGrammar(Grammars.forSchema(Fixtures.schema(type).json()), type);
      }
    }
  }
}
