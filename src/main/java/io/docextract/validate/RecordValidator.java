package io.docextract.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.docextract.values.Reason;
import java.util.List;
import java.util.Set;

/** Parses a model reply with Jackson and checks it against the document type's schema. */
public final class RecordValidator {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final JsonSchema schema;

  public RecordValidator(DocumentSchema documentSchema) {
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(documentSchema.tree());
  }

  public Verdict validate(String reply) {
    if (reply == null || reply.isBlank()) {
      return Verdict.invalid(Reason.EMPTY_OUTPUT, "the model returned no text", List.of());
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(reply);
    } catch (JsonProcessingException e) {
      return Verdict.invalid(
          Reason.INVALID_JSON, "reply is not valid JSON: " + e.getOriginalMessage(), List.of());
    }
    return validate(node);
  }

  /** Checks an already parsed reply (a salvaged or rule-patched one) against the schema. */
  public Verdict validate(JsonNode node) {
    Set<ValidationMessage> problems = schema.validate(node);
    if (!problems.isEmpty()) {
      List<String> messages =
          problems.stream().map(ValidationMessage::getMessage).sorted().toList();
      return Verdict.invalid(
          Reason.SCHEMA_VIOLATION,
          messages.size() + " schema violation(s): " + messages.get(0),
          messages);
    }
    return Verdict.valid(node);
  }
}
