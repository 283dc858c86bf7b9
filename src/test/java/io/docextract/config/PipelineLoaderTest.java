package io.docextract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.catalog.ModelCatalog;
import io.docextract.catalog.ModelStore;
import io.docextract.ingest.ParseLimits;
import io.docextract.model.PromptLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline files written to a temp folder; the model is given by path so no catalogue lookup. */
class PipelineLoaderTest {

  private static final Path MODEL = Path.of("src/test/resources/models/stories260K.gguf");
  private static final String MODEL_SHA =
      "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
  private static final String RECEIPT_SCHEMA =
      Path.of("schemas/receipt.schema.json").toAbsolutePath().toString();

  @TempDir Path dir;
  private PipelineLoader loader;

  @BeforeEach
  void setUp() {
    // Empty local folder and cache: a test that needed a pull would fail rather than download.
    loader =
        new PipelineLoader(
            new ModelStore(
                ModelCatalog.builtIn(), List.of(dir.resolve("models")), dir.resolve("cache")));
  }

  /** A valid pipeline; tests break one thing in it. Paths are absolute (resolved against cwd). */
  private String valid() {
    return """
        name: receipts
        input: in/*.txt
        output: out/receipts
        model: {path: %s, chatTemplate: false, contextSize: 512, maxTokens: 64}
        batchSize: 3
        documentTypes:
          - name: receipt
            schema: %s
            match: ["**/receipts/*"]
            prompt:
              instructions: Extract the receipt fields.
              examples:
                - text: "SHOP A\\n01/02/2020\\nTOTAL 5.00"
                  output: {company: SHOP A, date: 01/02/2020, address: "1 Road", total: "5.00"}
        """
        .formatted(MODEL.toAbsolutePath(), RECEIPT_SCHEMA);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("job.yaml"), yaml);
  }

  /** {@code yaml} with the receipt schema swapped for {@code schemaJson}, and no examples. */
  private InvalidPipelineException refusedWithSchema(String yaml, String schemaJson)
      throws IOException {
    Path schema = Files.writeString(dir.resolve("other.schema.json"), schemaJson);
    return refused(
        yaml.replace(RECEIPT_SCHEMA, schema.toString()).replaceAll("(?s)      examples:.*", ""));
  }

  private InvalidPipelineException refused(String yaml) throws IOException {
    Path file = write(yaml);
    InvalidPipelineException e =
        assertThrows(InvalidPipelineException.class, () -> loader.load(file, null));
    // Every refusal must say which file is at fault.
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    return e;
  }

  @Test
  void validFileLoadsWithDefaultsFilledIn() throws Exception {
    Path file = write(valid());
    JobConfig job = loader.load(file, null);

    assertEquals("receipts", job.name());
    assertEquals(file.toString(), job.pipelineFile());
    assertEquals("out/receipts", job.review(), "review defaults to output");
    assertEquals(3, job.batchSize());
    assertEquals(ParseLimits.defaults(), job.parseLimits());
    assertEquals(6000, job.maxPromptChars());

    assertEquals(MODEL.toAbsolutePath().toString(), job.model().modelPath());
    assertEquals(MODEL_SHA, job.model().modelSha256());
    assertFalse(job.model().chatTemplate());
    assertEquals(512, job.model().contextSize());
    assertEquals(1, job.model().parallel());
    assertEquals(64, job.model().maxTokens());

    DocumentTypeConfig type = job.documentTypes().get(0);
    assertEquals("receipt", type.name());
    assertEquals("1.0.0", type.schema().version());
    assertTrue(type.matches("/data/receipts/r1.txt"));
    assertFalse(type.matches("/data/invoices/i1.txt"));
    assertEquals(1, type.prompt().examples().size());
    assertTrue(type.prompt().examples().get(0).json().contains("\"total\":\"5.00\""));
  }

  @Test
  void aRuleFilesPrecedenceMustNameFieldsOfTheSchema() throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
        documentType: receipt
        precedence: {totl: rules}
        rules:
          - {field: total, name: t, pattern: 'TOTAL ([0-9.]+)'}
        """);
    String yaml =
        valid()
            .replace(
                "    match: [\"**/receipts/*\"]\n",
                "    match: [\"**/receipts/*\"]\n    rules: " + rules + "\n");
    String msg = refused(yaml).getMessage();
    assertTrue(msg.contains("precedence names field 'totl'"), msg);
    Files.writeString(rules, Files.readString(rules).replace("totl", "total"));
    assertEquals(
        io.docextract.rules.RuleSet.Precedence.RULES,
        loader.load(write(yaml), null).documentTypes().get(0).rules().precedence("total"));
  }

  @Test
  void candidatesMayBeOfferedForSomeFieldsOnlyAndTheListIsChecked() throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
        documentType: receipt
        rules:
          - {field: total, name: t, pattern: 'TOTAL ([0-9.]+)'}
          - {field: address, name: a, pattern: '(?m)^(NO [^\\n]+)'}
        """);
    String yaml =
        valid()
            .replace(
                "    match: [\"**/receipts/*\"]\n",
                "    match: [\"**/receipts/*\"]\n    rules: " + rules + "\n")
            .replace(
                "      instructions: Extract the receipt fields.\n",
                "      instructions: Extract the receipt fields.\n      candidates: CANDIDATES\n");
    String text = "SHOP A\nNO 1 JALAN B\nTOTAL 5.00";

    DocumentTypeConfig all =
        loader.load(write(yaml.replace("CANDIDATES", "true")), null).documentTypes().get(0);
    assertTrue(all.promptText(text).contains("- address: NO 1 JALAN B"), all.promptText(text));
    assertTrue(all.promptHash().endsWith("+candidates"), all.promptHash());

    DocumentTypeConfig some =
        loader.load(write(yaml.replace("CANDIDATES", "[total]")), null).documentTypes().get(0);
    assertTrue(some.promptText(text).endsWith("Candidate values:\n- total: 5.00"));
    assertTrue(some.promptHash().endsWith("+candidates(total)"), some.promptHash());
    // Offering fewer candidates changes the prompt, not what the rules give.
    assertEquals(List.of("NO 1 JALAN B"), some.rules().apply(text).get("address"));

    assertEquals(
        text,
        loader
            .load(write(yaml.replace("CANDIDATES", "false")), null)
            .documentTypes()
            .get(0)
            .promptText(text));
    String msg = refused(yaml.replace("CANDIDATES", "[totl]")).getMessage();
    assertTrue(msg.contains("prompt.candidates") && msg.contains("'totl'"), msg);
    msg = refused(yaml.replace("CANDIDATES", "maybe")).getMessage();
    assertTrue(msg.contains("neither true/false nor a list"), msg);
  }

  @Test
  void parseLimitsAreReadWithTheRestAtTheirDefaults() throws Exception {
    JobConfig job =
        loader.load(
            write(
                valid()
                    + """
        limits: {maxFileBytes: 1000000, timeoutSeconds: 30, maxParts: 7, maxDepth: 2,
                 maxExpandedBytes: 5000000, parserHeapMb: 256, ocr: {language: eng+deu},
                 eInvoices: false}
        """),
            null);

    assertEquals(
        new ParseLimits(
            1_000_000,
            ParseLimits.DEFAULT_MAX_TEXT_CHARS,
            30,
            7,
            2,
            5_000_000,
            256,
            new io.docextract.ingest.OcrSettings(
                true, "eng+deu", io.docextract.ingest.OcrSettings.DEFAULT_PAGE_TIMEOUT_SECONDS),
            false),
        job.parseLimits());
  }

  @Test
  void aBadParseLimitNamesItsKeyAndValue() throws IOException {
    String timeout = refused(valid() + "limits: {timeoutSeconds: 0}\n").getMessage();
    assertTrue(timeout.contains("limits: timeoutSeconds must be > 0, got 0"), timeout);
    String ocr = refused(valid() + "limits: {ocr: {language: 'eng; rm -rf'}}\n").getMessage();
    assertTrue(ocr.contains("limits: ocr.language must be"), ocr);
  }

  @Test
  void modelByCatalogueNameUsesTheVerifiedLocalCopy() throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Path local = Files.copy(MODEL, dir.resolve("models/stories260K.gguf"));
    String yaml = valid().replaceFirst("path: [^,]+,", "name: stories260k,");

    JobConfig job = loader.load(write(yaml), null);

    assertEquals(local.toAbsolutePath().toString(), job.model().modelPath());
    assertEquals(MODEL_SHA, job.model().modelSha256());
  }

  @Test
  void decodeValuesNeedsEveryPropertyRequired() throws Exception {
    String values =
        valid()
            .replace(
                "instructions: Extract the receipt fields.",
                "instructions: Extract the receipt fields.\n      decode: values");
    JobConfig job = loader.load(write(values), null);
    assertTrue(job.documentTypes().get(0).scaffold().isPresent());
    assertTrue(job.documentTypes().get(0).promptHash().endsWith("+values"));
    assertTrue(loader.load(write(valid()), null).documentTypes().get(0).scaffold().isEmpty());

    String msg =
        refusedWithSchema(
                values,
                "{\"type\":\"object\",\"properties\":{\"company\":{\"type\":"
                    + "\"string\"},\"total\":{\"type\":\"string\"}},\"required\":[\"company\"]}")
            .getMessage();
    assertTrue(
        msg.contains("prompt.decode: values needs a schema whose properties are all required"),
        msg);
    String typo = refused(values.replace("decode: values", "decode: value")).getMessage();
    assertTrue(typo.contains("'value' is not json or values"), typo);
  }

  @Test
  void copiedFieldsAreStringValuesOfAValueDecodedType() throws Exception {
    String copied =
        valid()
            .replace(
                "instructions: Extract the receipt fields.",
                "instructions: Extract the receipt fields.\n      decode: values\n"
                    + "      copied: [company, address]");
    DocumentTypeConfig type = loader.load(write(copied), null).documentTypes().get(0);
    assertEquals(List.of("company", "address"), type.copied());
    // The grammar changes per document, the prompt not: the adapter's prompt hash stays.
    assertTrue(type.promptHash().endsWith("+values"), type.promptHash());

    String whole = refused(copied.replace("      decode: values\n", "")).getMessage();
    assertTrue(whole.contains("prompt.copied needs prompt.decode: values"), whole);
    String typo = refused(copied.replace("[company, address]", "[company, adress]")).getMessage();
    assertTrue(typo.contains("'adress' is not a plain string property"), typo);

    // A string with a format is decoded under its own grammar: refused when the file is read, not
    // per document when the job runs.
    String formatted =
        refusedWithSchema(
                copied,
                "{\"type\":\"object\",\"properties\":{\"company\":{\"type\":\"string\"},"
                    + "\"address\":{\"type\":\"string\",\"format\":\"date\"}},"
                    + "\"required\":[\"company\",\"address\"]}")
            .getMessage();
    assertTrue(formatted.contains("'address' is not a plain string property"), formatted);
  }

  @Test
  void unknownTopLevelKeyIsNamed() throws IOException {
    String msg = refused(valid() + "batchsize: 4\n").getMessage();

    assertTrue(msg.contains("unknown key 'batchsize'"), msg);
    assertTrue(msg.contains("batchSize"), "lists the known keys: " + msg);
  }

  @Test
  void unknownNestedKeyIsNamedWithItsPath() throws IOException {
    String msg = refused(valid().replace("contextSize: 512", "ctx: 512")).getMessage();

    assertTrue(msg.contains("unknown key 'model.ctx'"), msg);
  }

  @Test
  void missingSchemaFileNamesTheKey() throws IOException {
    String missing = dir.resolve("nope.json").toString();
    String msg = refused(valid().replace(RECEIPT_SCHEMA, missing)).getMessage();

    assertTrue(msg.contains("documentTypes[0].schema: file not found"), msg);
  }

  @Test
  void invalidSchemaNamesTheKeyAndTheProblem() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.schema.json"), "{\"type\": 5}");
    InvalidPipelineException e = refused(valid().replace(RECEIPT_SCHEMA, bad.toString()));
    assertFalse(e.modelProblem());
    String msg = e.getMessage();

    assertTrue(msg.contains("documentTypes[0].schema: "), msg);
    assertTrue(msg.contains("not a valid JSON Schema"), msg);
  }

  @Test
  void exampleThatBreaksTheSchemaIsRefused() throws IOException {
    // The example would teach the model a shape the validator then rejects.
    String msg = refused(valid().replace("total: \"5.00\"", "total: 5.00")).getMessage();

    assertTrue(msg.contains("documentTypes[0].prompt.examples[0].output breaks the schema"), msg);
    assertTrue(msg.contains("$.total"), msg);
  }

  @Test
  void blankInstructionsAreRefused() throws IOException {
    String msg = refused(valid().replace("Extract the receipt fields.", "\"  \"")).getMessage();

    assertTrue(msg.contains("documentTypes[0].prompt.instructions is required"), msg);
  }

  @Test
  void missingModelFileIsRefused() throws IOException {
    InvalidPipelineException e =
        refused(valid().replace(MODEL.toAbsolutePath().toString(), "/no/such.gguf"));

    // The CLI tells a missing model apart from a broken pipeline file.
    assertTrue(e.modelProblem());
    String msg = e.getMessage();
    assertTrue(msg.contains("model.path: model file not found"), msg);
    assertTrue(msg.contains("/no/such.gguf"), msg);
  }

  @Test
  void duplicateTypeNamesAreRefused() throws IOException {
    String second =
        """
          - name: receipt
            schema: %s
            prompt: {instructions: Again.}
        """
            .formatted(RECEIPT_SCHEMA);
    String msg = refused(valid() + second).getMessage();
    assertTrue(msg.contains("documentTypes[1].name 'receipt' is used twice"), msg);
  }

  @Test
  void promptLookupIsOffUnlessAskedForAndNeedsBothLimits() throws Exception {
    assertFalse(loader.load(write(valid()), null).model().lookup().on());
    JobConfig job =
        loader.load(
            write(
                valid()
                    .replace(
                        "maxTokens: 64",
                        "maxTokens: 64, promptLookup: {ngramMin: 3, draftMax: 6}")),
            null);
    assertEquals(new PromptLookup(3, 6), job.model().lookup());
    JobConfig defaults =
        loader.load(
            write(valid().replace("maxTokens: 64", "maxTokens: 64, promptLookup: {}")), null);
    assertEquals(new PromptLookup(2, 8), defaults.model().lookup());
    String msg =
        refused(
                valid()
                    .replace(
                        "maxTokens: 64", "maxTokens: 64, promptLookup: {ngramMin: 2, draftMax: 0}"))
            .getMessage();
    assertTrue(msg.contains("model: prompt lookup needs ngramMin and draftMax both > 0"), msg);
    String noCache =
        refused(
                valid()
                    .replace(
                        "maxTokens: 64", "maxTokens: 64, cachePrompt: false, promptLookup: {}"))
            .getMessage();
    assertTrue(noCache.contains("model: promptLookup needs cachePrompt"), noCache);
  }

  @Test
  void copiesOfTheModelAreOneUnlessAskedForAndStayInRange() throws Exception {
    assertEquals(1, loader.load(write(valid()), null).model().replicas());
    JobConfig two =
        loader.load(write(valid().replace("maxTokens: 64", "maxTokens: 64, replicas: 2")), null);
    assertEquals(2, two.model().replicas());
    assertEquals(2, two.model().concurrency());
    String msg =
        refused(valid().replace("maxTokens: 64", "maxTokens: 64, replicas: 0")).getMessage();
    assertTrue(msg.contains("model: replicas must be 1..64, got 0"), msg);
  }

  @Test
  void maxTokensMustFitEachParallelSlot() throws IOException {
    // 512 tokens over 4 slots leaves 128 per request: no room for a 200-token reply.
    String msg =
        refused(valid().replace("maxTokens: 64", "maxTokens: 200, parallel: 4")).getMessage();

    assertTrue(msg.contains("model: contextSize/parallel (128) must exceed maxTokens (200)"), msg);
  }

  @Test
  void missingFileIsRefused() {
    Path file = dir.resolve("absent.yaml");
    assertEquals(
        file + ": pipeline file not found",
        assertThrows(InvalidPipelineException.class, () -> loader.load(file, null)).getMessage());
  }

  @Test
  void mergedModelInTheCacheReplacesBaseAndAdapter() throws Exception {
    Path adapter = Files.writeString(dir.resolve("adapter.gguf"), "not really an adapter");
    String yaml =
        valid()
            .replaceFirst(
                "chatTemplate: false,",
                "adapter: " + adapter + ", merged: q8_0, chatTemplate: false,");
    Path file = write(yaml);
    JobConfig without = loader.load(file, null);
    assertEquals(adapter.toString(), without.model().adapterPath(), "no merged file yet");

    ModelStore store =
        new ModelStore(
            ModelCatalog.builtIn(), List.of(dir.resolve("models")), dir.resolve("cache"));
    Path merged = store.mergedPath(MODEL_SHA, without.model().adapterSha256(), "q8_0");
    Files.createDirectories(merged.getParent());
    Files.copy(MODEL, merged);
    JobConfig with = loader.load(file, null);
    assertEquals(merged.toAbsolutePath().toString(), with.model().modelPath());
    assertNull(with.model().adapterPath(), "the adapter is inside the merged file");
    assertEquals(without.model().adapterSha256(), with.model().adapterSha256(), "kept for lineage");
    assertEquals(
        adapter.toString(), loader.ignoringMerged().load(file, null).model().adapterPath());
  }

  @Test
  void mergedNeedsAnAdapterAndAKnownType() throws IOException {
    assertTrue(
        refused(valid().replaceFirst("chatTemplate: false,", "merged: q8_0, chatTemplate: false,"))
            .getMessage()
            .endsWith("model.merged needs model.adapter"));
    assertTrue(
        refused(
                valid()
                    .replaceFirst(
                        "chatTemplate: false,",
                        "adapter: x.gguf, merged: q3, chatTemplate: false,"))
            .getMessage()
            .contains("model.merged: 'q3'"));
  }

  @Test
  void escalationNamesASecondModelAndOnlyAnswerFailuresAsReasons() throws Exception {
    String tier2 =
        "escalation: {model: {path: %s, chatTemplate: false, contextSize: 512,"
            + " maxTokens: 64}%s}\n";
    JobConfig job = loader.load(write(valid() + tier2.formatted(MODEL.toAbsolutePath(), "")), null);
    assertEquals(MODEL_SHA, job.escalation().model().modelSha256());
    assertEquals(Escalation.DEFAULT_REASONS, job.escalation().reasons());
    assertNull(loader.load(write(valid()), null).escalation());
    assertTrue(
        refused(valid() + tier2.formatted(MODEL.toAbsolutePath(), ", reasons: [tika_error]"))
            .getMessage()
            .contains("escalation.reasons: 'tika_error' is not one of"));
  }

  @Test
  void escalationMayNameAnEndpointInsteadOfAModel() throws Exception {
    JobConfig job =
        loader.load(
            write(
                valid()
                    + "escalation: {endpoint: {url: "
                    + "'http://127.0.0.1:8080/v1', model: qwen, timeoutSeconds: 20, maxRequests: 5}}\n"),
            null);
    assertTrue(job.escalation().remote());
    assertEquals("qwen", job.escalation().endpoint().model());
    assertEquals(20, job.escalation().endpoint().timeoutSeconds());
    assertEquals(2, job.escalation().endpoint().retries());
    assertEquals(5, job.escalation().endpoint().maxRequests());
    assertTrue(
        refused(valid() + "escalation: {endpoint: {url: 'ftp://x/v1', model: m}}\n")
            .getMessage()
            .contains("url must be http or https"));
    assertTrue(
        refused(valid() + "escalation: {endpoint: {url: 'http://x/v1'}}\n")
            .getMessage()
            .contains("url and model are required"));
    assertTrue(
        refused(
                valid()
                    + ("escalation: {endpoint: {url: 'http://x/v1', model: m},"
                            + " model: {path: %s}}\n")
                        .formatted(MODEL.toAbsolutePath()))
            .getMessage()
            .contains("either a model or an endpoint, not both"));
  }

  @Test
  void theFirstTierMayBeAnEndpointWithItsOwnDefaults() throws Exception {
    assertNull(loader.load(write(valid()), null).endpoint());
    JobConfig job =
        loader.load(
            write(
                valid()
                    + "endpoint: {url: 'http://127.0.0.1:8090/v1',"
                    + " model: receipt, concurrency: 4, logprobs: true, responseFormat: json_object}\n"),
            null);
    assertEquals("receipt", job.endpoint().model());
    assertEquals(4, job.endpoint().concurrency());
    assertTrue(job.endpoint().logprobs());
    assertEquals("json_object", job.endpoint().responseFormat());
    assertEquals(
        Defaults.FIRST_TIER_MAX_REQUESTS,
        job.endpoint().maxRequests(),
        "the first tier sees every document: its default budget only stops a runaway");
    JobConfig plain =
        loader.load(write(valid() + "endpoint: {url: 'http://x/v1', model: m}\n"), null);
    assertEquals(1, plain.endpoint().concurrency());
    assertFalse(plain.endpoint().logprobs());
    assertEquals("json_schema", plain.endpoint().responseFormat());
    assertTrue(
        refused(valid() + "endpoint: {url: 'http://x/v1', model: m, responseFormat: xml}\n")
            .getMessage()
            .contains("responseFormat must be json_schema, json_object or json_mode"));
    assertTrue(
        refused(valid() + "endpoint: {url: 'http://x/v1', model: m, concurrency: 0}\n")
            .getMessage()
            .contains("concurrency must be 1..64"));
  }

  @Test
  void severalTypesGetAClassificationFromTheirSignals() throws Exception {
    String two =
        valid().replace("documentTypes:", "classify: {minSignals: 3}\ndocumentTypes:")
            + "  - name: other\n    schema: "
            + RECEIPT_SCHEMA
            + "\n    classify: {description:"
            + " another kind, signals: [foo, bar baz], maxChars: 900}\n"
            + "    prompt: {instructions: Extract.}\n";
    JobConfig job = loader.load(write(two), null);
    assertEquals(3, job.classification().minSignals());
    assertFalse(job.classification().useModel(), "the model is opt-in");
    assertEquals(
        java.util.List.of("foo", "bar baz"), job.classification().profiles().get(1).signals());
    assertEquals(900, job.classification().profiles().get(1).maxChars());
    assertNull(loader.load(write(valid()), null).classification(), "one type: nothing to tell");
    assertTrue(
        refused(valid().replace("documentTypes:", "classify: {model: true}\ndocumentTypes:"))
            .getMessage()
            .contains("classify needs two or more documentTypes"));
  }

  @Test
  void longTextSettingsLoadAndSurviveRetyping() throws Exception {
    String chunked =
        valid()
            .replace(
                "    prompt:\n",
                "    longText: {select: chunks, maxChunks: 3,"
                    + " merge: {total: majority}}\n    prompt:\n");
    DocumentTypeConfig type = loader.load(write(chunked), null).documentTypes().get(0);
    assertEquals(3, type.chunks().maxChunks());
    assertEquals(
        io.docextract.passages.FieldMerge.Policy.MAJORITY, type.chunks().merge().get("total"));
    // eval and bench retype documents with withMatch: the long-text plan must come along.
    assertEquals(type.chunks(), type.withMatch(java.util.List.of()).chunks());
    String passages =
        valid()
            .replace(
                "    prompt:\n",
                "    longText: {select: passages,"
                    + " queries: {total: [amount, paid]}}\n    prompt:\n");
    DocumentTypeConfig p = loader.load(write(passages), null).documentTypes().get(0);
    assertTrue(p.passages() != null && p.withMatch(java.util.List.of()).passages() != null);
    assertTrue(
        refused(
                valid()
                    .replace(
                        "    prompt:\n",
                        "    longText: {select: chunks," + " merge: {nope: first}}\n    prompt:\n"))
            .getMessage()
            .contains("no field 'nope'"));
  }

  @Test
  void aTypesOwnModelTakesThePipelinesBaseAndSettingsUnlessItNamesItsOwn() throws Exception {
    Path adapter = Files.write(dir.resolve("adapter.gguf"), new byte[] {1, 2, 3});
    String yaml =
        valid()
            .replace(
                "    match: [\"**/receipts/*\"]\n",
                "    match: [\"**/receipts/*\"]\n    model: {adapter: "
                    + adapter
                    + ", maxTokens: 32}\n");
    JobConfig job = loader.load(write(yaml), null);
    assertNull(job.model().adapterPath(), "the pipeline's model keeps no adapter");
    var own = job.documentTypes().get(0).model();
    assertEquals(job.model().modelPath(), own.modelPath(), "the pipeline's base");
    assertEquals(adapter.toAbsolutePath().toString(), own.adapterPath());
    assertEquals(32, own.maxTokens(), "its own setting");
    assertEquals(512, own.contextSize(), "the pipeline's setting");
    assertEquals(own, job.modelFor("receipt"));
    // One type picked out (eval, bench, finetune): its model becomes the job's.
    JobConfig alone = job.withDocumentTypes(job.documentTypes());
    assertEquals(own, alone.model());
    assertNull(alone.documentTypes().get(0).model());
    // --model replaces every model, the type's too.
    assertNull(loader.load(write(yaml), MODEL.toString()).documentTypes().get(0).model());
  }

  @Test
  void aTypeTakenFromAnotherPipelineKeepsItsPromptAndModelAndTakesThisMatch() throws Exception {
    Path adapter = Files.write(dir.resolve("adapter.gguf"), new byte[] {1, 2, 3});
    Path tuned =
        Files.writeString(
            dir.resolve("tuned.yaml"),
            valid().replace("model: {path:", "model: {adapter: " + adapter + ", path:")
                + "limits: {maxPromptChars: 1234}\n");
    Path mixed =
        Files.writeString(
            dir.resolve("mixed.yaml"),
            """
        name: mixed
        input: in/*/*
        output: out/mixed
        model: {path: %s, chatTemplate: false, contextSize: 512, maxTokens: 64}
        documentTypes:
          - {name: receipt, from: %s, match: ["**/shop/*"]}
        """
                .formatted(MODEL.toAbsolutePath(), tuned));
    JobConfig job = loader.load(mixed, null);
    var type = job.documentTypes().get(0);
    assertEquals(List.of("**/shop/*"), type.match());
    assertEquals(loader.load(tuned, null).documentTypes().get(0).promptHash(), type.promptHash());
    assertEquals(adapter.toAbsolutePath().toString(), job.modelFor("receipt").adapterPath());
    assertEquals(1234, type.maxPromptChars(), "the text budget its adapter was trained with");
    assertEquals(1234, type.fitText("x".repeat(5000), job.maxPromptChars()).length());

    Files.writeString(mixed, Files.readString(mixed).replace("match:", "schema: x.json, match:"));
    InvalidPipelineException e =
        assertThrows(InvalidPipelineException.class, () -> loader.load(mixed, null));
    assertTrue(e.getMessage().contains("may set only name, match and classify"), e.getMessage());
    Files.writeString(
        mixed,
        Files.readString(mixed)
            .replace("name: receipt", "name: invoice")
            .replace("schema: x.json, ", ""));
    e = assertThrows(InvalidPipelineException.class, () -> loader.load(mixed, null));
    assertTrue(e.getMessage().contains("has no type 'invoice'"), e.getMessage());
  }
}
