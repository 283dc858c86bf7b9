package io.docextract.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.model.ExtractionPrompt;
import io.docextract.model.ModelSettings;
import io.docextract.model.ValueScaffold;
import io.docextract.passages.ChunkPlan;
import io.docextract.passages.PassageSelector;
import io.docextract.rules.RuleSet;
import io.docextract.validate.DocumentSchema;
import io.docextract.values.Normaliser;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A checked document type, ready to travel to workers. Grammar is filled in at job start. {@code
 * model} is the type's own model (its tuned adapter, or another base), null when it uses the
 * pipeline's; {@code maxPromptChars} its own text budget (a type taken from another pipeline keeps
 * that pipeline's, which its adapter was trained with), null for the pipeline's.
 */
public record DocumentTypeConfig(
    String name,
    DocumentSchema schema,
    List<String> match,
    ExtractionPrompt prompt,
    Map<String, String> normalise,
    RuleSet rules,
    boolean candidates,
    ReviewPolicy review,
    PassageSelector passages,
    ChunkPlan chunks,
    boolean decodeValues,
    ModelSettings model,
    Integer maxPromptChars,
    List<String> copied)
    implements Serializable {

  /** How many rule matches per field are offered to the model as candidates. */
  public static final int CANDIDATES_PER_FIELD = 3;

  public DocumentTypeConfig {
    match = match == null ? List.of() : List.copyOf(match);
    normalise = normalise == null ? Map.of() : new LinkedHashMap<>(normalise);
    rules = rules == null ? RuleSet.empty(name) : rules;
    review = review == null ? ReviewPolicy.lenient() : review;
    copied = copied == null ? List.of() : List.copyOf(copied);
  }

  public DocumentTypeConfig(
      String name, DocumentSchema schema, List<String> match, ExtractionPrompt prompt) {
    this(name, schema, match, prompt, Map.of(), null, false, null, null, null, false, null);
  }

  /** A type with its own model and the pipeline's text budget. */
  public DocumentTypeConfig(
      String name,
      DocumentSchema schema,
      List<String> match,
      ExtractionPrompt prompt,
      Map<String, String> normalise,
      RuleSet rules,
      boolean candidates,
      ReviewPolicy review,
      PassageSelector passages,
      ChunkPlan chunks,
      boolean decodeValues,
      ModelSettings model) {
    this(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        model,
        null,
        List.of());
  }

  /** A type that uses the pipeline's model. */
  public DocumentTypeConfig(
      String name,
      DocumentSchema schema,
      List<String> match,
      ExtractionPrompt prompt,
      Map<String, String> normalise,
      RuleSet rules,
      boolean candidates,
      ReviewPolicy review,
      PassageSelector passages,
      ChunkPlan chunks,
      boolean decodeValues) {
    this(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        null);
  }

  /** A type whose model writes the whole JSON object. */
  public DocumentTypeConfig(
      String name,
      DocumentSchema schema,
      List<String> match,
      ExtractionPrompt prompt,
      Map<String, String> normalise,
      RuleSet rules,
      boolean candidates,
      ReviewPolicy review,
      PassageSelector passages,
      ChunkPlan chunks) {
    this(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        false,
        null);
  }

  /** A type whose long texts keep their opening (no passage selection). */
  public DocumentTypeConfig(
      String name,
      DocumentSchema schema,
      List<String> match,
      ExtractionPrompt prompt,
      Map<String, String> normalise,
      RuleSet rules,
      boolean candidates,
      ReviewPolicy review) {
    this(
        name, schema, match, prompt, normalise, rules, candidates, review, null, null, false, null);
  }

  /**
   * The text the model sees: all of it, its chosen passages, the part its chunks cover, or its
   * opening.
   */
  public String fitText(String text, int pipelineMaxChars) {
    int maxChars = promptChars(pipelineMaxChars);
    if (chunks != null) {
      return chunks.covered(text, maxChars);
    }
    if (passages != null) {
      return passages.select(text, maxChars).text();
    }
    return ExtractionPrompt.clip(text, maxChars);
  }

  /**
   * The fields scored, with their normalisers: those declared under {@code normalise} when any are
   * (so a field such as invoice line items can be left out), else every field of the schema, as
   * text (amount for numbers).
   */
  public Map<String, Normaliser> fieldNormalisers() {
    Map<String, Normaliser> out = new LinkedHashMap<>();
    if (!normalise.isEmpty()) {
      normalise.forEach((f, n) -> out.put(f, Normaliser.of(n)));
      return out;
    }
    JsonNode props = schema.tree().path("properties");
    props
        .fieldNames()
        .forEachRemaining(
            field -> {
              String declared = normalise.get(field);
              if (declared != null) {
                out.put(field, Normaliser.of(declared));
              } else {
                String type = props.get(field).path("type").toString();
                out.put(
                    field,
                    type.contains("number") || type.contains("integer")
                        ? Normaliser.AMOUNT
                        : Normaliser.TEXT);
              }
            });
    return out;
  }

  public DocumentTypeConfig withMatch(List<String> globs) {
    return new DocumentTypeConfig(
        name,
        schema,
        globs,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        model,
        maxPromptChars,
        copied);
  }

  /** The same type with another own model (null: the pipeline's). */
  public DocumentTypeConfig withModel(ModelSettings settings) {
    return new DocumentTypeConfig(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        settings,
        maxPromptChars,
        copied);
  }

  /** The same type with its own text budget (null: the pipeline's). */
  public DocumentTypeConfig withMaxPromptChars(Integer chars) {
    return new DocumentTypeConfig(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        model,
        chars,
        copied);
  }

  /**
   * The same type with {@code fields} copied from the text ({@code prompt.copied}): string values
   * decoded under a grammar that allows only what the document prints.
   */
  public DocumentTypeConfig withCopied(List<String> fields) {
    return new DocumentTypeConfig(
        name,
        schema,
        match,
        prompt,
        normalise,
        rules,
        candidates,
        review,
        passages,
        chunks,
        decodeValues,
        model,
        maxPromptChars,
        fields);
  }

  /** The text budget of this type's documents: its own, else the pipeline's. */
  public int promptChars(int pipelineMaxChars) {
    return maxPromptChars != null ? maxPromptChars : pipelineMaxChars;
  }

  /** The model this type's documents go to: its own, else the pipeline's. */
  public ModelSettings modelOr(ModelSettings pipelineModel) {
    return model != null ? model : pipelineModel;
  }

  /** Identifies what the model is told for this type, candidates included, for lineage. */
  public String promptHash() {
    String offered = String.join(",", rules.offeredFields());
    return prompt.hash()
        + (candidates ? "+candidates" + (offered.isEmpty() ? "" : "(" + offered + ")") : "")
        + (decodeValues ? "+values" : "");
  }

  /**
   * How the model answers: the keys written by docextract and only the values decoded ({@code
   * prompt.decode: values}), or the whole object generated (empty).
   */
  public Optional<ValueScaffold> scaffold() {
    return decodeValues ? ValueScaffold.forSchema(schema.json()) : Optional.empty();
  }

  /**
   * The scaffold for one document: {@code scaffold} (this type's) with the copied fields held to
   * stretches of {@code text}, the text the model is shown.
   */
  public ValueScaffold scaffoldFor(ValueScaffold scaffold, String text) {
    return scaffold == null ? null : scaffold.copying(copied, text);
  }

  /**
   * The document as the model is given it: the (clipped) text, followed, when the type asks for
   * candidates, by the values its rules see for each field. Training data goes through here too.
   */
  public String promptText(String clippedText) {
    return promptText(clippedText, field -> true);
  }

  /**
   * As {@link #promptText(String)}, offering only the candidates of the fields {@code offered}
   * keeps: training examples whose rules missed a field (see {@code FinetuneExport}).
   */
  public String promptText(String clippedText, Predicate<String> offered) {
    if (!candidates || rules.isEmpty()) {
      return clippedText;
    }
    Map<String, List<String>> found = rules.candidates(clippedText, CANDIDATES_PER_FIELD);
    found.keySet().removeIf(offered.negate());
    if (found.isEmpty()) {
      return clippedText;
    }
    StringBuilder sb = new StringBuilder(clippedText.strip()).append("\n\nCandidate values:");
    found.forEach((f, v) -> sb.append("\n- ").append(f).append(": ").append(String.join(" | ", v)));
    return sb.toString();
  }

  /** The names of the types without path globs: those a classifier chooses among, by text. */
  public static List<String> openTypes(List<DocumentTypeConfig> types) {
    return types.stream().filter(t -> t.match().isEmpty()).map(DocumentTypeConfig::name).toList();
  }

  /** True when the file at this path belongs to the type (every path, when no globs are set). */
  public boolean matches(String path) {
    if (match.isEmpty()) {
      return true;
    }
    Path p = Path.of(path.startsWith("file:") ? path.substring(5) : path);
    for (String glob : match) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (m.matches(p)) {
        return true;
      }
    }
    return false;
  }
}
