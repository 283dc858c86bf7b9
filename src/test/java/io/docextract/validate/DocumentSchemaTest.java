package io.docextract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading the shipped schemas, and refusing files that cannot be a document type's contract. */
class DocumentSchemaTest {

  @ParameterizedTest
  @ValueSource(strings = {"receipt", "invoice", "nda"})
  void shippedSchemasLoadWithIdAndVersionFromTheirId(String type) throws Exception {
    DocumentSchema schema = DocumentSchema.load(Path.of("schemas", type + ".schema.json"));

    assertEquals("https://docextract.io/schemas/" + type + "/1.0.0", schema.id());
    assertEquals("1.0.0", schema.version());
    // The schema travels to workers as compact text; it must read back to the same tree.
    assertFalse(schema.json().contains("\n"));
    assertEquals("object", schema.tree().path("type").asText());
    assertEquals(type, schema.tree().path("title").asText());
  }

  @Test
  void idWithoutAVersionSegmentGetsVersionOne() throws Exception {
    DocumentSchema s =
        DocumentSchema.parse(
            "{\"$id\":\"https://x.example/schemas/receipt\",\"type\":\"object\"}", "w", "f.json");

    assertEquals("https://x.example/schemas/receipt", s.id());
    assertEquals("1", s.version());
  }

  @Test
  void schemaWithoutIdFallsBackToTheGivenName() throws Exception {
    DocumentSchema s = DocumentSchema.parse("{\"type\":\"object\"}", "w", "mine.schema.json");

    assertEquals("mine.schema.json", s.id());
    assertEquals("1", s.version());
  }

  @Test
  void notJsonIsRefusedNamingWhere() {
    InvalidSchemaException e =
        assertThrows(
            InvalidSchemaException.class,
            () -> DocumentSchema.parse("{\"type\": \"object\",", "schemas/bad.json", "bad.json"));

    assertTrue(e.getMessage().startsWith("schemas/bad.json: "), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    InvalidSchemaException e =
        assertThrows(InvalidSchemaException.class, () -> DocumentSchema.parse("[1, 2]", "w", "f"));

    assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
  }

  @Test
  void topLevelTypeOtherThanObjectIsRefused() {
    // Valid JSON Schema, but a record is one JSON object, so an array schema cannot describe it.
    InvalidSchemaException e =
        assertThrows(
            InvalidSchemaException.class,
            () -> DocumentSchema.parse("{\"type\":\"array\"}", "schemas/list.json", "list.json"));

    assertTrue(e.getMessage().startsWith("schemas/list.json: "), e.getMessage());
    assertTrue(e.getMessage().contains("top-level type must be object"), e.getMessage());
  }

  @Test
  void typeThatIsANumberBreaksTheMetaSchema() {
    InvalidSchemaException e =
        assertThrows(
            InvalidSchemaException.class,
            () -> DocumentSchema.parse("{\"type\":5}", "schemas/five.json", "five.json"));

    assertTrue(e.getMessage().startsWith("schemas/five.json: "), e.getMessage());
    assertTrue(e.getMessage().contains("not a valid JSON Schema (2020-12)"), e.getMessage());
    assertTrue(e.getMessage().contains("$.type"), e.getMessage());
  }

  @Test
  void requiredThatIsAStringBreaksTheMetaSchema() {
    InvalidSchemaException e =
        assertThrows(
            InvalidSchemaException.class,
            () -> DocumentSchema.parse("{\"type\":\"object\",\"required\":\"x\"}", "w", "f"));

    assertTrue(e.getMessage().contains("$.required"), e.getMessage());
  }

  @Test
  void invalidNestedPropertySchemaIsCaughtToo() {
    // The meta-schema recurses into properties, so a typo deep inside is refused at load.
    String text =
        "{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"string\",\"minLength\":-1}}}";
    InvalidSchemaException e =
        assertThrows(InvalidSchemaException.class, () -> DocumentSchema.parse(text, "w", "f"));

    assertTrue(e.getMessage().contains("$.properties.total.minLength"), e.getMessage());
  }

  @Test
  void missingFileIsRefusedNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.schema.json");
    InvalidSchemaException e =
        assertThrows(InvalidSchemaException.class, () -> DocumentSchema.load(missing));

    assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("cannot read schema"), e.getMessage());
  }

  @Test
  void loadUsesTheFileNameWhenThereIsNoId(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain.schema.json"), "{\"type\":\"object\"}");

    assertEquals("plain.schema.json", DocumentSchema.load(file).id());
  }

  @Test
  void trailingTextAfterTheSchemaIsRefused() {
    assertThrows(
        InvalidSchemaException.class,
        () -> DocumentSchema.parse("{\"type\":\"object\"} {\"type\":\"array\"}", "w", "f"));
  }

  @Test
  void unresolvableRefIsRefusedAtLoad() {
    String text = "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}";
    assertThrows(InvalidSchemaException.class, () -> DocumentSchema.parse(text, "w", "f"));
  }
}
