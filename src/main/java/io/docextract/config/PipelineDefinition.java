package io.docextract.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A pipeline file as written (pipelines/*.yaml). Relative paths are relative to the directory the
 * command runs in; {@link PipelineLoader} checks every value and resolves it into a {@link
 * JobConfig}.
 */
public record PipelineDefinition(
    String name,
    String description,
    String input,
    String output,
    String review,
    Model model,
    Endpoint endpoint,
    Integer batchSize,
    Limits limits,
    List<DocumentType> documentTypes,
    EscalationDef escalation,
    ClassifyDef classify) {

  /**
   * Telling types apart in a mixed folder, when no type's {@code match} globs claim the path: each
   * type's {@code signals} first, then, with {@code model: true}, the model.
   */
  public record ClassifyDef(Boolean model, Integer minSignals, Integer headChars) {}

  /**
   * The second tier: a local model (same keys as {@code model}) or a remote endpoint, and the
   * review reasons that send a document to it (default: every failure of the first model's answer).
   */
  public record EscalationDef(Model model, Endpoint endpoint, List<String> reasons) {}

  /**
   * An OpenAI-compatible chat-completions API: {@code url} up to {@code /v1}, the {@code model}
   * name it serves, the environment variable with its key, and the limits of asking it.
   */
  public record Endpoint(
      String url,
      String model,
      String apiKeyEnv,
      Integer timeoutSeconds,
      Integer retries,
      Integer maxTokens,
      Integer maxRequests,
      Integer concurrency,
      Boolean logprobs,
      String responseFormat) {}

  /**
   * The model: a catalogue name or a path, an optional LoRA adapter, runtime settings. A path or
   * adapter may be an https URL or a Beam file-system URI (gs://, s3://); it then needs its {@code
   * sha256} / {@code adapterSha256}, and each worker copies and verifies it once. With {@code
   * merged} (q8_0, q4_0, f16) the base and adapter merged into one GGUF of that type by {@code
   * docextract models merge} is used when it is in the model cache: it decodes faster.
   */
  public record Model(
      String name,
      String path,
      String sha256,
      String adapter,
      String adapterSha256,
      String merged,
      Boolean chatTemplate,
      Integer contextSize,
      Integer threads,
      Integer parallel,
      Integer maxTokens,
      Boolean cachePrompt,
      Lookup promptLookup,
      Integer replicas) {}

  /**
   * Prompt-lookup drafting: guesses of up to {@code draftMax} tokens taken from the prompt after a
   * match of at least {@code ngramMin} tokens, checked by the model in one batch.
   */
  public record Lookup(Integer ngramMin, Integer draftMax) {}

  /**
   * Limits on each document before it reaches the model: file size, text kept, prompt size, the
   * per-file parse timeout, container parts, depth and expanded bytes, the parser JVM's heap, OCR
   * (language, per-page timeout), and whether e-invoice XML is read as the invoice (on unless
   * {@code eInvoices: false}). Defaults: {@code io.docextract.ingest.ParseLimits}.
   */
  public record Limits(
      Long maxFileBytes,
      Integer maxTextChars,
      Integer maxPromptChars,
      Integer timeoutSeconds,
      Integer maxParts,
      Integer maxDepth,
      Long maxExpandedBytes,
      Integer parserHeapMb,
      Ocr ocr,
      Boolean eInvoices) {}

  /**
   * OCR of images and PDF pages without a text layer: the engine (tika, tesseract, paddle) and its
   * settings, {@code io.docextract.ingest.OcrSettings}.
   */
  public record Ocr(
      Boolean enabled,
      String language,
      Integer pageTimeoutSeconds,
      String engine,
      Integer psm,
      Boolean grey,
      Integer minWidth,
      Boolean binarise,
      String layout,
      Integer threads,
      String model,
      String lexicon) {}

  /**
   * One kind of document: its schema, which files it applies to (globs on the path; none means
   * every file), how the model is asked, how each field is compared when scored (field →
   * normaliser: none, text, date, amount, kleister), and an optional rule file.
   */
  public record DocumentType(
      String name,
      String schema,
      List<String> match,
      Prompt prompt,
      java.util.Map<String, String> normalise,
      String rules,
      Review review,
      List<CheckDef> checks,
      TypeSignals classify,
      LongText longText,
      Model model,
      String from) {}

  /**
   * A text longer than the prompt budget: {@code select: head} keeps its opening (the default);
   * {@code passages} keeps the opening and, per field, the passages of about {@code windowChars}
   * that best match the field's name, description and {@code queries}; {@code chunks} extracts from
   * up to {@code maxChunks} overlapping chunks and merges each field by its {@code merge} policy
   * (first, union, majority).
   */
  public record LongText(
      String select,
      Integer windowChars,
      java.util.Map<String, List<String>> queries,
      Integer maxChunks,
      java.util.Map<String, String> merge) {}

  /**
   * What marks a type in a mixed folder: a description for the model, words and phrases typical of
   * it, and the longest text it can be (a receipt is short; a long contract that mentions cash and
   * change is no receipt).
   */
  public record TypeSignals(String description, List<String> signals, Integer maxChars) {}

  /**
   * A cross-field check: {@code type} is {@code date-range} (field, maxAgeYears: not in the future,
   * not older), {@code sum} (field = sum of items[].itemField within tolerance), {@code requires}
   * (field needs requires) or {@code pattern} (field matches pattern).
   */
  public record CheckDef(
      String name,
      String type,
      String field,
      Integer maxAgeYears,
      String items,
      String itemField,
      java.math.BigDecimal tolerance,
      String requires,
      String pattern) {}

  /**
   * When a schema-valid record still goes to review. {@code grounded}: {@code required} (the
   * default: every required field must be found in the text), {@code all}, {@code none}, or a list
   * of fields; {@code minSimilarity} for approximate matches (default 0.85); {@code minConfidence}:
   * documents below it go to review as low_confidence (default none); {@code minConfidenceOcr}: the
   * same for documents whose text OCR read (default: {@code minConfidence}).
   */
  public record Review(
      List<String> grounded,
      Double minSimilarity,
      Double minConfidence,
      Boolean injection,
      List<String> injectionPatterns,
      Double minConfidenceOcr) {}

  /**
   * Instructions for the model, optional worked examples, whether the rules' matches are listed
   * under the document as candidates to choose from ({@code true}, or a list of the fields whose
   * matches are offered: a field whose rules are often wrong can mislead more than it helps), and
   * whether the schema's text is part of the prompt (default yes; a model tuned on the type needs
   * only the grammar, and every prompt token costs time), and what the model decodes: {@code json}
   * (default), the whole object, or {@code values}, only the values, docextract writing the keys
   * (every property must be required). {@code copied} names string values, with {@code values},
   * that the model may only copy from the text: a grammar built per document allows no other.
   */
  public record Prompt(
      String instructions,
      List<Example> examples,
      Object candidates,
      Boolean schema,
      String decode,
      List<String> copied) {}

  /** A worked example: document text and the expected JSON. */
  public record Example(String text, JsonNode output) {}
}
