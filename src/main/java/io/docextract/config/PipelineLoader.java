package io.docextract.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.docextract.catalog.Checksums;
import io.docextract.checks.Check;
import io.docextract.catalog.ModelEntry;
import io.docextract.catalog.ModelSource;
import io.docextract.catalog.ModelStore;
import io.docextract.catalog.ModelUnavailableException;
import io.docextract.classify.Classification;
import io.docextract.classify.TypeProfile;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.ingest.OcrSettings;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.ExtractionPrompt;
import io.docextract.passages.ChunkPlan;
import io.docextract.passages.FieldMerge;
import io.docextract.passages.PassageSelector;
import io.docextract.model.ModelSettings;
import io.docextract.model.PromptLookup;
import io.docextract.review.ReviewPolicy;
import io.docextract.validate.DocumentSchema;
import io.docextract.validate.InvalidSchemaException;
import io.docextract.validate.RecordValidator;
import io.docextract.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a pipeline file and refuses it, naming the file and the key, before anything runs: unknown
 * keys, missing or invalid schemas, examples that break their schema, impossible model settings.
 */
public final class PipelineLoader {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PipelineLoader.class);


  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // `grounded: required` and `grounded: [a, b]` both read as a list.
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final java.util.Set<String> MERGE_TYPES = java.util.Set.of("q8_0", "q4_0", "f16");

  private final ModelStore models;
  private final boolean useMerged;
  private final boolean useAdapter;

  public PipelineLoader(ModelStore models) {
    this(models, true, true);
  }

  private PipelineLoader(ModelStore models, boolean useMerged, boolean useAdapter) {
    this.models = models;
    this.useMerged = useMerged;
    this.useAdapter = useAdapter;
  }

  /** A loader that keeps base + adapter even where a merged model exists (to build one). */
  public PipelineLoader ignoringMerged() {
    return new PipelineLoader(models, false, useAdapter);
  }

  /** A loader for training: the base model alone; the adapter need not exist yet. */
  public PipelineLoader baseModelOnly() {
    return new PipelineLoader(models, false, false);
  }

  /** Reads and checks the file; {@code modelOverride} replaces the file's model path if set. */
  public JobConfig load(Path file, String modelOverride) throws InvalidPipelineException {
    PipelineDefinition def = read(file);
    String where = file.toString();
    require(def.name(), where, "name");
    require(def.input(), where, "input");
    require(def.output(), where, "output");
    if (def.documentTypes() == null || def.documentTypes().isEmpty()) {
      throw new InvalidPipelineException(where + ": 'documentTypes' must list at least one type");
    }
    List<DocumentTypeConfig> types = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < def.documentTypes().size(); i++) {
      PipelineDefinition.DocumentType t = def.documentTypes().get(i);
      DocumentTypeConfig type = t.from() != null
          ? typeFrom(t, where + ": documentTypes[" + i + "]", modelOverride)
          : documentType(t, where, i);
      if (!names.add(type.name())) {
        throw new InvalidPipelineException(
            where + ": documentTypes[" + i + "].name '" + type.name() + "' is used twice");
      }
      types.add(type);
    }
    PipelineDefinition.Limits limits = def.limits();
    ParseLimits parseLimits;
    int maxPromptChars;
    try {
      parseLimits = parseLimits(limits);
      maxPromptChars =
          limits == null || limits.maxPromptChars() == null ? 6000 : limits.maxPromptChars();
      if (maxPromptChars < 100) {
        throw new IllegalArgumentException("maxPromptChars must be >= 100, got " + maxPromptChars);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": limits: " + e.getMessage());
    }
    int batchSize = def.batchSize() == null ? 8 : def.batchSize();
    if (batchSize < 1 || batchSize > 1024) {
      throw new InvalidPipelineException(where + ": 'batchSize' must be 1..1024, got " + batchSize);
    }
    ModelSettings model = model(def.model(), where, modelOverride);
    if (modelOverride != null) {
      // --model replaces every model of the pipeline, the types' own too.
      types.replaceAll(t -> t.withModel(null));
    } else {
      for (int i = 0; i < types.size(); i++) {
        if (def.documentTypes().get(i).from() != null) {
          types.set(i, types.get(i).model() != null && types.get(i).model().equals(model)
              ? types.get(i).withModel(null) : types.get(i));
          continue;
        }
        PipelineDefinition.Model own = def.documentTypes().get(i).model();
        if (own != null) {
          ModelSettings s = model(typeModel(def.model(), own), where + ": documentTypes[" + i
              + "]", null);
          types.set(i, types.get(i).withModel(s.equals(model) ? null : s));
        }
      }
    }
    String review = def.review() == null ? def.output() : def.review();
    return new JobConfig(def.name(), where, def.input(), def.output(), review, model, batchSize,
        parseLimits, maxPromptChars, types, escalation(def.escalation(), where),
        classification(def, where));
  }

  /**
   * A type as another pipeline file defines it — schema, prompt, rules, review, long-text policy —
   * with that pipeline's model as its own, so a tuned type keeps the exact prompt and adapter it
   * was trained with; {@code match} here replaces the file's. Nothing else may be set beside
   * {@code from} (classify signals excepted): the type is the other file's.
   */
  private DocumentTypeConfig typeFrom(PipelineDefinition.DocumentType t, String where,
      String modelOverride) throws InvalidPipelineException {
    if (t.name() == null) {
      throw new InvalidPipelineException(where + ": 'from' needs the 'name' of a type in "
          + t.from());
    }
    if (t.schema() != null || t.prompt() != null || t.rules() != null || t.review() != null
        || t.checks() != null || t.normalise() != null || t.longText() != null
        || t.model() != null) {
      throw new InvalidPipelineException(where + ": a type taken 'from' " + t.from()
          + " may set only name, match and classify beside it");
    }
    Path file = Path.of(t.from());
    if (!Files.isRegularFile(file)) {
      throw new InvalidPipelineException(where + ".from: file not found: " + file);
    }
    JobConfig other = load(file, modelOverride);
    for (DocumentTypeConfig type : other.documentTypes()) {
      if (type.name().equals(t.name())) {
        DocumentTypeConfig own = type.withModel(type.modelOr(other.model()))
            .withMaxPromptChars(type.maxPromptChars() != null ? type.maxPromptChars()
                : other.maxPromptChars());
        return own.withMatch(t.match() == null ? List.of() : t.match());
      }
    }
    throw new InvalidPipelineException(where + ": " + t.from() + " has no type '" + t.name()
        + "'");
  }

  /** Null for a single type: there is nothing to tell apart. */
  private static Classification classification(PipelineDefinition def, String where)
      throws InvalidPipelineException {
    if (def.documentTypes().size() < 2) {
      if (def.classify() != null) {
        throw new InvalidPipelineException(where + ": classify needs two or more documentTypes");
      }
      return null;
    }
    List<TypeProfile> profiles = new ArrayList<>();
    for (PipelineDefinition.DocumentType t : def.documentTypes()) {
      PipelineDefinition.TypeSignals ts = t.classify();
      profiles.add(ts == null ? new TypeProfile(t.name(), null, null, null)
          : new TypeProfile(t.name(), ts.description(), ts.signals(), ts.maxChars()));
    }
    PipelineDefinition.ClassifyDef c = def.classify();
    try {
      // The model is opt-in: zero-shot, SmolLM2 chose wrong on every document the signals left
      // open (docs/classification.md); review is the better default than a wrong schema.
      return new Classification(profiles, c != null && Boolean.TRUE.equals(c.model()),
          c == null || c.minSignals() == null ? Classification.DEFAULT_MIN_SIGNALS : c.minSignals(),
          c == null || c.headChars() == null ? Classification.DEFAULT_HEAD_CHARS : c.headChars());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": classify: " + e.getMessage());
    }
  }

  /** The parse limits as written, each missing one at its ParseLimits default. */
  private static ParseLimits parseLimits(PipelineDefinition.Limits l) {
    if (l == null) {
      return ParseLimits.defaults();
    }
    PipelineDefinition.Ocr o = l.ocr();
    OcrSettings ocr = o == null ? OcrSettings.defaults() : new OcrSettings(
        o.enabled() == null || o.enabled(),
        o.language() == null ? OcrSettings.DEFAULT_LANGUAGE : o.language(),
        o.pageTimeoutSeconds() == null
            ? OcrSettings.DEFAULT_PAGE_TIMEOUT_SECONDS : o.pageTimeoutSeconds())
        .with(o.engine(), o.psm(), o.grey(), o.minWidth(), o.binarise(), o.layout(), o.threads());
    return new ParseLimits(
        or(l.maxFileBytes(), ParseLimits.DEFAULT_MAX_FILE_BYTES),
        or(l.maxTextChars(), ParseLimits.DEFAULT_MAX_TEXT_CHARS),
        or(l.timeoutSeconds(), ParseLimits.DEFAULT_TIMEOUT_SECONDS),
        or(l.maxParts(), ParseLimits.DEFAULT_MAX_PARTS),
        or(l.maxDepth(), ParseLimits.DEFAULT_MAX_DEPTH),
        or(l.maxExpandedBytes(), ParseLimits.DEFAULT_MAX_EXPANDED_BYTES),
        or(l.parserHeapMb(), ParseLimits.DEFAULT_PARSER_HEAP_MB),
        ocr);
  }

  private static <T> T or(T value, T otherwise) {
    return value == null ? otherwise : value;
  }

  private Escalation escalation(PipelineDefinition.EscalationDef e, String where)
      throws InvalidPipelineException {
    if (e == null) {
      return null;
    }
    if ((e.model() == null) == (e.endpoint() == null)) {
      throw new InvalidPipelineException(where + ": escalation names either a model or an"
          + " endpoint, not " + (e.model() == null ? "neither" : "both"));
    }
    Set<String> reasons = e.reasons() == null ? Escalation.DEFAULT_REASONS : new HashSet<>();
    if (e.reasons() != null) {
      for (String r : e.reasons()) {
        if (!Escalation.DEFAULT_REASONS.contains(r)) {
          throw new InvalidPipelineException(where + ": escalation.reasons: '" + r + "' is not one"
              + " of " + new java.util.TreeSet<>(Escalation.DEFAULT_REASONS));
        }
        reasons.add(r);
      }
    }
    if (e.endpoint() != null) {
      return new Escalation(endpoint(e.endpoint(), where + ": escalation.endpoint"), reasons);
    }
    return new Escalation(model(e.model(), where + ": escalation", null), reasons);
  }

  private static EndpointSettings endpoint(PipelineDefinition.Endpoint e, String where)
      throws InvalidPipelineException {
    if (e.url() == null || e.model() == null) {
      throw new InvalidPipelineException(where + ": url and model are required");
    }
    try {
      // A fresh key per loaded job: each run spends its own budget.
      return new EndpointSettings(e.url(), e.model(), e.apiKeyEnv(),
          e.timeoutSeconds() == null ? 60 : e.timeoutSeconds(),
          e.retries() == null ? 2 : e.retries(),
          e.maxTokens() == null ? 512 : e.maxTokens(),
          e.maxRequests() == null ? 100 : e.maxRequests(),
          java.util.UUID.randomUUID().toString());
    } catch (IllegalArgumentException ex) {
      throw new InvalidPipelineException(where + ": " + ex.getMessage());
    }
  }

  public static PipelineDefinition read(Path file) throws InvalidPipelineException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidPipelineException(file + ": pipeline file not found");
    }
    try {
      com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(file.toFile());
      PipelineDefinition def =
          tree == null || tree.isMissingNode() || tree.isNull()
              ? null
              : YAML.treeToValue(tree, PipelineDefinition.class);
      if (def == null) {
        throw new InvalidPipelineException(file + ": pipeline file is empty");
      }
      return def;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", "));
      throw new InvalidPipelineException(
          file + ": unknown key '" + path(e) + "' (known here: " + known + ")");
    } catch (JsonMappingException e) {
      throw new InvalidPipelineException(
          file + ": bad value at '" + path(e) + "': " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidPipelineException(file + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPipelineException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static DocumentTypeConfig documentType(
      PipelineDefinition.DocumentType t, String where, int i) throws InvalidPipelineException {
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
    if (t.prompt() == null || t.prompt().instructions() == null
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
    java.util.Map<String, String> normalise = t.normalise() == null ? java.util.Map.of() : t.normalise();
    for (var e : normalise.entrySet()) {
      if (!schema.tree().path("properties").has(e.getKey())) {
        throw new InvalidPipelineException(where + ": " + key + ".normalise." + e.getKey()
            + ": not a field of " + t.schema());
      }
      try {
        io.docextract.eval.Normaliser.of(e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new InvalidPipelineException(where + ": " + key + ".normalise." + e.getKey() + ": "
            + ex.getMessage());
      }
    }
    io.docextract.rules.RuleSet rules = null;
    if (t.rules() != null) {
      try {
        rules = io.docextract.rules.RuleSet.load(Path.of(t.rules()));
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
    boolean candidates = Boolean.TRUE.equals(t.prompt().candidates());
    if (candidates && rules == null) {
      throw new InvalidPipelineException(where + ": " + key + ".prompt.candidates needs 'rules'");
    }
    ReviewPolicy review = reviewPolicy(t.review(), schema, where + ": " + key + ".review",
        checks(t.checks(), schema, where + ": " + key + ".checks"));
    String longKey = where + ": " + key + ".longText";
    boolean chunked = t.longText() != null && "chunks".equals(t.longText().select());
    PassageSelector passages = chunked ? null : passages(t.longText(), schema, longKey);
    ChunkPlan chunks = chunked ? chunks(t.longText(), schema, longKey) : null;
    boolean decodeValues = decodeValues(t.prompt().decode(), schema, where + ": " + key + ".prompt.decode");
    DocumentTypeConfig type = new DocumentTypeConfig(t.name(), schema, t.match(), prompt,
        normalise, rules, candidates, review, passages, chunks, decodeValues);
    if (!candidates || examples.isEmpty()) {
      return type;
    }
    // Worked examples are shown the way documents are: with their candidate values.
    List<ExtractionPrompt.Example> shown = examples.stream()
        .map(e -> new ExtractionPrompt.Example(type.promptText(e.text()), e.json())).toList();
    return new DocumentTypeConfig(t.name(), schema, t.match(),
        new ExtractionPrompt(prompt.instructions(), prompt.schemaJson(), shown), normalise, rules,
        true, review, passages, chunks, decodeValues);
  }

  /** Refuses a rule file that names a field its type's schema lacks (a typo would be ignored). */
  private static void requireField(DocumentSchema schema, String schemaPath, String field,
      String who) throws InvalidPipelineException {
    if (!schema.tree().path("properties").has(field)) {
      throw new InvalidPipelineException(who + " names field '" + field + "', which " + schemaPath
          + " does not have");
    }
  }

  private static boolean decodeValues(String decode, DocumentSchema schema, String where)
      throws InvalidPipelineException {
    if (decode == null || decode.equals("json")) {
      return false;
    }
    if (!decode.equals("values")) {
      throw new InvalidPipelineException(where + ": '" + decode + "' is not json or values");
    }
    if (!io.docextract.model.ValueScaffold.fits(schema.tree())) {
      throw new InvalidPipelineException(where + ": values needs a schema whose properties are"
          + " all required (the model cannot leave out a key docextract writes)");
    }
    return true;
  }

  /** Per field: the declared merge policy, else union for a list and first for anything else. */
  private static ChunkPlan chunks(PipelineDefinition.LongText l, DocumentSchema schema,
      String where) throws InvalidPipelineException {
    if (l.queries() != null) {
      throw new InvalidPipelineException(where + ": queries need select: passages");
    }
    JsonNode props = schema.tree().path("properties");
    java.util.Map<String, FieldMerge.Policy> merge = new java.util.LinkedHashMap<>();
    props.fieldNames().forEachRemaining(f -> merge.put(f, props.path(f).path("type").asText()
        .equals("array") ? FieldMerge.Policy.UNION : FieldMerge.Policy.FIRST));
    if (l.merge() != null) {
      for (var e : l.merge().entrySet()) {
        if (!merge.containsKey(e.getKey())) {
          throw new InvalidPipelineException(where + ".merge: the schema has no field '"
              + e.getKey() + "'");
        }
        try {
          merge.put(e.getKey(), FieldMerge.Policy.valueOf(
              e.getValue().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
          throw new InvalidPipelineException(where + ".merge." + e.getKey() + ": '" + e.getValue()
              + "' is not one of [first, union, majority]");
        }
      }
    }
    try {
      return new ChunkPlan(l.windowChars() == null ? 700 : l.windowChars(),
          l.maxChunks() == null ? 8 : l.maxChunks(), merge);
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": " + e.getMessage());
    }
  }

  /**
   * Null for the default (keep the opening). Each field's query is its name, its schema
   * description and the words listed under {@code queries}.
   */
  private static PassageSelector passages(PipelineDefinition.LongText l, DocumentSchema schema,
      String where) throws InvalidPipelineException {
    if (l == null || l.select() == null || l.select().equals("head")) {
      if (l != null && (l.queries() != null || l.windowChars() != null || l.maxChunks() != null
          || l.merge() != null)) {
        throw new InvalidPipelineException(where + ": queries, windowChars, maxChunks and merge"
            + " need select: passages or chunks");
      }
      return null;
    }
    if (!l.select().equals("passages")) {
      throw new InvalidPipelineException(where + ".select: '" + l.select()
          + "' is not one of [head, passages, chunks]");
    }
    if (l.maxChunks() != null || l.merge() != null) {
      throw new InvalidPipelineException(where + ": maxChunks and merge need select: chunks");
    }
    com.fasterxml.jackson.databind.JsonNode props = schema.tree().path("properties");
    java.util.Map<String, List<String>> queries = new java.util.LinkedHashMap<>();
    props.fieldNames().forEachRemaining(f -> {
      List<String> words = new ArrayList<>(List.of(f.replace('_', ' ')));
      words.add(props.path(f).path("description").asText(""));
      queries.put(f, words);
    });
    if (l.queries() != null) {
      for (var e : l.queries().entrySet()) {
        if (!queries.containsKey(e.getKey())) {
          throw new InvalidPipelineException(where + ".queries: the schema has no field '"
              + e.getKey() + "'");
        }
        queries.get(e.getKey()).addAll(e.getValue());
      }
    }
    try {
      return new PassageSelector(queries, l.windowChars() == null ? 700 : l.windowChars());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": " + e.getMessage());
    }
  }

  private static List<Check> checks(List<PipelineDefinition.CheckDef> defs, DocumentSchema schema,
      String where) throws InvalidPipelineException {
    List<Check> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonNode props = schema.tree().path("properties");
    for (int i = 0; defs != null && i < defs.size(); i++) {
      PipelineDefinition.CheckDef d = defs.get(i);
      String at = where + "[" + i + "]";
      if (d.name() == null || d.name().isBlank() || !names.add(d.name())) {
        throw new InvalidPipelineException(at + ".name: needs a unique name");
      }
      if (d.field() == null || !props.has(d.field())) {
        throw new InvalidPipelineException(at + ".field: '" + d.field() + "' is not a field of"
            + " the schema");
      }
      checks.add(switch (d.type() == null ? "" : d.type()) {
        case "date-range" -> new Check.DateRange(d.name(), d.field(),
            d.maxAgeYears() == null ? 30 : d.maxAgeYears());
        case "sum" -> {
          if (d.items() == null || !props.has(d.items()) || d.itemField() == null) {
            throw new InvalidPipelineException(at + ": sum needs 'items' (an array field of the"
                + " schema) and 'itemField'");
          }
          yield new Check.Sum(d.name(), d.field(), d.items(), d.itemField(),
              d.tolerance() == null ? new java.math.BigDecimal("0.01") : d.tolerance());
        }
        case "requires" -> {
          if (d.requires() == null || !props.has(d.requires())) {
            throw new InvalidPipelineException(at + ".requires: '" + d.requires()
                + "' is not a field of the schema");
          }
          yield new Check.Requires(d.name(), d.field(), d.requires());
        }
        case "pattern" -> {
          try {
            yield new Check.Matches(d.name(), d.field(),
                java.util.regex.Pattern.compile(String.valueOf(d.pattern())));
          } catch (java.util.regex.PatternSyntaxException e) {
            throw new InvalidPipelineException(at + ".pattern: " + e.getDescription());
          }
        }
        default -> throw new InvalidPipelineException(at + ".type: '" + d.type()
            + "' is not one of date-range, sum, requires, pattern");
      });
    }
    return checks;
  }

  private static ReviewPolicy reviewPolicy(PipelineDefinition.Review r, DocumentSchema schema,
      String where, List<Check> checks) throws InvalidPipelineException {
    List<String> grounded = r == null || r.grounded() == null ? List.of("required") : r.grounded();
    double similarity = r == null || r.minSimilarity() == null
        ? ReviewPolicy.DEFAULT_MIN_SIMILARITY : r.minSimilarity();
    if (similarity <= 0 || similarity > 1) {
      throw new InvalidPipelineException(where + ".minSimilarity must be in (0, 1], got "
          + similarity);
    }
    JsonNode props = schema.tree().path("properties");
    java.util.Set<String> fields = new java.util.LinkedHashSet<>();
    if (grounded.equals(List.of("required"))) {
      schema.tree().path("required").forEach(f -> fields.add(f.asText()));
    } else if (grounded.equals(List.of("all"))) {
      props.fieldNames().forEachRemaining(fields::add);
    } else if (!grounded.equals(List.of("none"))) {
      for (String f : grounded) {
        if (!props.has(f)) {
          throw new InvalidPipelineException(where + ".grounded: '" + f + "' is not a field of"
              + " the schema (or use one of required, all, none)");
        }
        fields.add(f);
      }
    }
    Double minConfidence = r == null ? null : r.minConfidence();
    if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
      throw new InvalidPipelineException(where + ".minConfidence must be in [0, 1], got "
          + minConfidence);
    }
    io.docextract.checks.InjectionDetector injection = null;
    if (r == null || r.injection() == null || r.injection()) {
      try {
        injection = io.docextract.checks.InjectionDetector.withExtra(
            r == null ? null : r.injectionPatterns());
      } catch (IllegalArgumentException e) {
        throw new InvalidPipelineException(where + ".injectionPatterns: " + e.getMessage());
      }
    } else if (r.injectionPatterns() != null && !r.injectionPatterns().isEmpty()) {
      throw new InvalidPipelineException(where + ".injectionPatterns are set but injection is"
          + " false");
    }
    return new ReviewPolicy(fields, similarity, checks, minConfidence, injection);
  }

  private static String declaredSha(String sha, String location, String key)
      throws InvalidPipelineException {
    if (sha == null || !sha.matches("[0-9a-fA-F]{64}")) {
      throw new InvalidPipelineException(key + ": " + location + " is fetched by each worker and"
          + " needs its sha256 (64 hex digits)" + (sha == null ? "" : ", got " + sha));
    }
    return sha.toLowerCase(java.util.Locale.ROOT);
  }

  private ModelSettings model(PipelineDefinition.Model m, String where, String override)
      throws InvalidPipelineException {
    if (m == null) {
      throw new InvalidPipelineException(where + ": 'model' is required");
    }
    if (override == null && (m.name() == null) == (m.path() == null)) {
      throw new InvalidPipelineException(where + ": model needs exactly one of 'name' or 'path'");
    }
    if (m.merged() != null) {
      if (!MERGE_TYPES.contains(m.merged())) {
        throw new InvalidPipelineException(where + ": model.merged: '" + m.merged()
            + "' is not one of " + new java.util.TreeSet<>(MERGE_TYPES));
      }
      if (m.adapter() == null) {
        throw new InvalidPipelineException(where + ": model.merged needs model.adapter");
      }
    }
    Path path;
    String remotePath = null;
    String sha;
    boolean chat;
    // An override is a catalogue name unless it names an existing file.
    boolean overrideIsName = override != null && !Files.exists(Path.of(override))
        && models.catalog().find(override).isPresent();
    String name = override == null ? m.name() : overrideIsName ? override : null;
    String file = override == null ? m.path() : overrideIsName ? null : override;
    try {
      if (file != null && override == null && !ModelSource.isLocal(file)) {
        // Fetched and verified by each worker (ModelCache); nothing to read here.
        sha = declaredSha(m.sha256(), file, where + ": model.sha256");
        remotePath = file;
        path = null;
        chat = m.chatTemplate() == null || m.chatTemplate();
      } else if (file != null) {
        path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
          throw InvalidPipelineException.model(
              (override != null ? "--model" : where + ": model.path") + ": model file not found or"
                  + " unreadable: " + path);
        }
        sha = Checksums.sha256(path);
        if (m.sha256() != null && override == null && !m.sha256().equalsIgnoreCase(sha)) {
          throw InvalidPipelineException.model(where + ": model.sha256 does not match " + path
              + " (sha256 " + sha + ")");
        }
        chat = m.chatTemplate() == null || m.chatTemplate();
      } else {
        ModelEntry entry = models.entry(name);
        path = models.resolve(name);
        sha = entry.sha256();
        chat = m.chatTemplate() == null || override != null ? entry.chatTemplate() : m.chatTemplate();
      }
    } catch (ModelUnavailableException e) {
      throw InvalidPipelineException.model(where + ": model.name: " + e.getMessage());
    } catch (IOException e) {
      throw InvalidPipelineException.model(where + ": model: " + e.getMessage());
    }
    String adapter = null;
    String adapterSha = null;
    boolean adapterRemote = m.adapter() != null && !ModelSource.isLocal(m.adapter());
    if (m.adapter() != null && override == null && useAdapter && adapterRemote) {
      adapter = m.adapter();
      adapterSha = declaredSha(m.adapterSha256(), m.adapter(), where + ": model.adapterSha256");
    } else if (m.adapter() != null && override == null && useAdapter) {
      Path a = Path.of(m.adapter());
      if (!Files.isRegularFile(a)) {
        throw InvalidPipelineException.model(where + ": model.adapter: file not found: " + a);
      }
      adapter = a.toAbsolutePath().toString();
      try {
        adapterSha = Checksums.sha256(a);
      } catch (IOException e) {
        throw new InvalidPipelineException(where + ": model.adapter: " + e.getMessage());
      }
    }
    if (m.merged() != null && adapter != null && useMerged) {
      Path merged = models.mergedPath(sha, adapterSha, m.merged());
      if (Files.isRegularFile(merged)) {
        try {
          // Lineage keeps the adapter's hash beside the merged file's: both name the weights.
          sha = Checksums.sha256(merged);
        } catch (IOException e) {
          throw InvalidPipelineException.model(where + ": model.merged: " + e.getMessage());
        }
        path = merged;
        remotePath = null;
        adapter = null;
      } else {
        LOG.info("{}: no merged model at {}; using base + adapter (build it with `docextract"
            + " models merge --pipeline {}`, it decodes faster)", where, merged, where);
      }
    }
    try {
      return new ModelSettings(
          remotePath != null ? remotePath : path.toAbsolutePath().toString(),
          sha,
          adapter,
          adapterSha,
          chat,
          m.contextSize() == null ? 4096 : m.contextSize(),
          m.threads() == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : m.threads(),
          m.parallel() == null ? 1 : m.parallel(),
          m.maxTokens() == null ? 512 : m.maxTokens(),
          m.cachePrompt() == null || m.cachePrompt(),
          lookup(m.promptLookup()));
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": model: " + e.getMessage());
    }
  }

  /**
   * A type's model section over the pipeline's: without a name or path it is the pipeline's base
   * (with the type's adapter); runtime settings it leaves out are the pipeline's. The adapter and
   * merged form are the type's own, never inherited.
   */
  static PipelineDefinition.Model typeModel(PipelineDefinition.Model pipeline,
      PipelineDefinition.Model type) {
    boolean ownBase = type.name() != null || type.path() != null;
    PipelineDefinition.Model base = ownBase || pipeline == null ? type : pipeline;
    PipelineDefinition.Model rest = pipeline == null ? type : pipeline;
    return new PipelineDefinition.Model(base.name(), base.path(), base.sha256(), type.adapter(),
        type.adapterSha256(), type.merged(),
        type.chatTemplate() != null ? type.chatTemplate() : base.chatTemplate(),
        or(type.contextSize(), rest.contextSize()), or(type.threads(), rest.threads()),
        or(type.parallel(), rest.parallel()), or(type.maxTokens(), rest.maxTokens()),
        or(type.cachePrompt(), rest.cachePrompt()), or(type.promptLookup(), rest.promptLookup()));
  }

  private static PromptLookup lookup(PipelineDefinition.Lookup l) {
    if (l == null) {
      return PromptLookup.OFF;
    }
    return new PromptLookup(
        l.ngramMin() == null ? 2 : l.ngramMin(), l.draftMax() == null ? 8 : l.draftMax());
  }

  private static void require(String value, String where, String key)
      throws InvalidPipelineException {
    if (value == null || value.isBlank()) {
      throw new InvalidPipelineException(where + ": '" + key + "' is required");
    }
  }
}
