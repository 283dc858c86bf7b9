package io.docextract.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A document type's JSON Schema, checked against the 2020-12 meta-schema when loaded. Holds the
 * schema as text so it can travel to workers; the compiled validator is built where it is used.
 *
 * @param id the schema's {@code $id}, or the file name when it has none
 * @param version the last path segment of {@code $id} when it looks like a version, else "1"
 */
public record DocumentSchema(String id, String version, String json) implements Serializable {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

  public static DocumentSchema load(Path file) throws InvalidSchemaException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidSchemaException(file + ": cannot read schema: " + e.getMessage());
    }
    return parse(text, file.toString(), file.getFileName().toString());
  }

  public static DocumentSchema parse(String text, String where, String fallbackId)
      throws InvalidSchemaException {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new InvalidSchemaException(where + ": schema is not valid JSON: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidSchemaException(where + ": schema must be a JSON object");
    }
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(META_SCHEMA));
    Set<ValidationMessage> problems = meta.validate(node);
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(
          where
              + ": not a valid JSON Schema (2020-12): "
              + problems.stream()
                  .map(ValidationMessage::getMessage)
                  .sorted()
                  .collect(Collectors.joining("; ")));
    }
    if (!"object".equals(node.path("type").asText())) {
      throw new InvalidSchemaException(
          where + ": a document schema's top-level type must be object");
    }
    try {
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(node)
          .initializeValidators();
    } catch (com.networknt.schema.JsonSchemaException e) {
      throw new InvalidSchemaException(where + ": schema cannot be compiled: " + e.getMessage());
    }
    String id = node.path("$id").asText(fallbackId);
    String last = id.substring(id.lastIndexOf('/') + 1);
    String version = last.matches("\\d+(\\.\\d+)*") ? last : "1";
    return new DocumentSchema(id, version, compact(node));
  }

  private static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonNode tree() {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("schema text was checked at load", e);
    }
  }
}
