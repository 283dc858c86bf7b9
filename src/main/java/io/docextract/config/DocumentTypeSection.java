package io.docextract.config;

import static io.docextract.config.Sections.require;

import io.docextract.model.ExtractionPrompt;
import io.docextract.model.ValueScaffold;
import io.docextract.passages.ChunkPlan;
import io.docextract.passages.PassageSelector;
import io.docextract.rules.RuleSet;
import io.docextract.validate.DocumentSchema;
import io.docextract.validate.InvalidSchemaException;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import io.docextract.values.Normaliser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code documentTypes:} written out in full: schema, prompt and its examples (each
 * checked against the schema), normalisers, rules, review and long-text policy.
 */
final class DocumentTypeSection {

  private DocumentTypeSection() {}

  static DocumentTypeConfig documentType(PipelineDefinition.DocumentType t, String where, int i)
      throws InvalidPipelineException {
    String key = "documentTypes[" + i + "]";
    require(t.name(), where, key + ".name");
    require(t.schema(), where, key + ".schema");
    Path schemaPath = Path.of(t.schema());
    if (!Files.isRegularFile(schemaPath)) {
      throw new InvalidPipelineException(
          where + ": " + key + ".schema: file not found: " + t.schema());
    }
    DocumentSchema schema;
    try {
      schema = DocumentSchema.load(schemaPath);
    } catch (InvalidSchemaException e) {
      throw new InvalidPipelineException(where + ": " + key + ".schema: " + e.getMessage());
    }
    if (t.prompt() == null
        || t.prompt().instructions() == null
        || t.prompt().instructions().isBlank()) {
      throw new InvalidPipelineException(where + ": " + key + ".prompt.instructions is required");
    }
    List<ExtractionPrompt.Example> examples = new ArrayList<>();
    RecordValidator validator = new RecordValidator(schema);
    List<PipelineDefinition.Example> given =
        t.prompt().examples() == null ? List.of() : t.prompt().examples();
    for (int e = 0; e < given.size(); e++) {
      PipelineDefinition.Example ex = given.get(e);
      String exKey = key + ".prompt.examples[" + e + "]";
      if (ex.text() == null || ex.output() == null) {
        throw new InvalidPipelineException(where + ": " + exKey + " needs 'text' and 'output'");
      }
      String json = ex.output().toString();
      Verdict v = validator.validate(json);
      if (!v.ok()) {
        throw new InvalidPipelineException(
            where + ": " + exKey + ".output breaks the schema: " + v.message());
      }
      examples.add(new ExtractionPrompt.Example(ex.text(), json));
    }
    String schemaText = Boolean.FALSE.equals(t.prompt().schema()) ? null : schema.json();
    ExtractionPrompt prompt = new ExtractionPrompt(t.prompt().instructions(), schemaText, examples);
    Map<String, String> normalise = t.normalise() == null ? Map.of() : t.normalise();
    for (var e : normalise.entrySet()) {
      if (!schema.tree().path("properties").has(e.getKey())) {
        throw new InvalidPipelineException(
            where + ": " + key + ".normalise." + e.getKey() + ": not a field of " + t.schema());
      }
      try {
        Normaliser.of(e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new InvalidPipelineException(
            where + ": " + key + ".normalise." + e.getKey() + ": " + ex.getMessage());
      }
    }
    RuleSet rules = null;
    if (t.rules() != null) {
      try {
        rules = RuleSet.load(Path.of(t.rules()));
      } catch (IOException ex) {
        throw new InvalidPipelineException(where + ": " + key + ".rules: " + ex.getMessage());
      }
      String prefix = where + ": " + key + ".rules: ";
      for (var r : rules.rules()) {
        requireField(schema, t.schema(), r.field(), prefix + "rule '" + r.name() + "'");
      }
      for (String f : rules.precedenceFields()) {
        requireField(schema, t.schema(), f, prefix + "precedence");
      }
    }
    String candidatesKey = where + ": " + key + ".prompt.candidates";
    List<String> offered = candidateFields(t.prompt().candidates(), candidatesKey);
    boolean candidates = offered != null;
    if (candidates && rules == null) {
      throw new InvalidPipelineException(candidatesKey + " needs 'rules'");
    }
    if (candidates && !offered.isEmpty()) {
      for (String f : offered) {
        requireField(schema, t.schema(), f, candidatesKey);
      }
      rules = rules.offering(offered);
    }
    ReviewPolicy review =
        ReviewSection.reviewPolicy(
            t.review(),
            schema,
            where + ": " + key + ".review",
            ReviewSection.checks(t.checks(), schema, where + ": " + key + ".checks"));
    String longKey = where + ": " + key + ".longText";
    boolean chunked = t.longText() != null && "chunks".equals(t.longText().select());
    PassageSelector passages =
        chunked ? null : LongTextSection.passages(t.longText(), schema, longKey);
    ChunkPlan chunks = chunked ? LongTextSection.chunks(t.longText(), schema, longKey) : null;
    boolean decodeValues =
        decodeValues(t.prompt().decode(), schema, where + ": " + key + ".prompt.decode");
    List<String> copied = copied(t.prompt().copied(), schema, decodeValues, where + ": " + key);
    DocumentTypeConfig type =
        new DocumentTypeConfig(
            t.name(),
            schema,
            t.match(),
            prompt,
            normalise,
            rules,
            candidates,
            review,
            passages,
            chunks,
            decodeValues,
            null,
            null,
            copied);
    if (!candidates || examples.isEmpty()) {
      return type;
    }
    // Worked examples are shown the way documents are: with their candidate values.
    List<ExtractionPrompt.Example> shown =
        examples.stream()
            .map(e -> new ExtractionPrompt.Example(type.promptText(e.text()), e.json()))
            .toList();
    return new DocumentTypeConfig(
        t.name(),
        schema,
        t.match(),
        new ExtractionPrompt(prompt.instructions(), prompt.schemaJson(), shown),
        normalise,
        rules,
        true,
        review,
        passages,
        chunks,
        decodeValues,
        null,
        null,
        copied);
  }

  /**
   * {@code prompt.copied}: the string values the model copies from the text, each a field of the
   * schema decoded as a value ({@code decode: values}); refused otherwise, since a grammar per
   * value is what holds a value to the text.
   */
  private static List<String> copied(
      List<String> fields, DocumentSchema schema, boolean decodeValues, String where)
      throws InvalidPipelineException {
    if (fields == null || fields.isEmpty()) {
      return List.of();
    }
    String key = where + ".prompt.copied";
    if (!decodeValues) {
      throw new InvalidPipelineException(key + " needs prompt.decode: values");
    }
    // The scaffold's own test, so that the loader refuses what copying would refuse per document.
    Set<String> strings = ValueScaffold.forSchema(schema.json()).orElseThrow().copyable();
    for (String f : fields) {
      if (!strings.contains(f)) {
        throw new InvalidPipelineException(
            key + ": '" + f + "' is not a plain string property of the schema " + strings);
      }
    }
    return List.copyOf(fields);
  }

  /**
   * {@code prompt.candidates}: absent or false gives null (none offered), true an empty list (every
   * field's), a list of field names those fields'.
   */
  private static List<String> candidateFields(Object value, String key)
      throws InvalidPipelineException {
    if (value == null || Boolean.FALSE.equals(value)) {
      return null;
    }
    if (Boolean.TRUE.equals(value)) {
      return List.of();
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      List<String> fields = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s) || s.isBlank()) {
          throw new InvalidPipelineException(key + ": '" + o + "' is not a field name");
        }
        fields.add(s);
      }
      return List.copyOf(fields);
    }
    throw new InvalidPipelineException(
        key + ": '" + value + "' is neither true/false nor a list of field names");
  }

  /** Refuses a rule file that names a field its type's schema lacks (a typo would be ignored). */
  static void requireField(DocumentSchema schema, String schemaPath, String field, String who)
      throws InvalidPipelineException {
    if (!schema.tree().path("properties").has(field)) {
      throw new InvalidPipelineException(
          who + " names field '" + field + "', which " + schemaPath + " does not have");
    }
  }

  static boolean decodeValues(String decode, DocumentSchema schema, String where)
      throws InvalidPipelineException {
    if (decode == null || decode.equals("json")) {
      return false;
    }
    if (!decode.equals("values")) {
      throw new InvalidPipelineException(where + ": '" + decode + "' is not json or values");
    }
    if (!ValueScaffold.fits(schema.tree())) {
      throw new InvalidPipelineException(
          where
              + ": values needs a schema whose properties are"
              + " all required (the model cannot leave out a key docextract writes)");
    }
    return true;
  }
}
