package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.Escalation;
import io.docextract.config.JobConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The whole extraction, files to records and review items: match, parse, build requests, batch,
 * extract, validate. Every file matched ends as exactly one record or one review item.
 */
public final class ExtractDocuments extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<ExtractedRecord> RECORDS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> REVIEW = new TupleTag<>() {};

  private final JobConfig config;
  private final List<String> skipDoneIn;

  private ExtractDocuments(JobConfig config, List<String> skipDoneIn) {
    this.config = config;
    this.skipDoneIn = skipDoneIn;
  }

  public static ExtractDocuments from(JobConfig config) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(config.input(), "config.input");
    return new ExtractDocuments(config, List.of());
  }

  /**
   * Leaves out documents whose id is in the JSON-lines files matching these globs (earlier runs'
   * records and review queues), before they are parsed: see {@link SkipProcessed}.
   */
  public ExtractDocuments skippingDocumentsIn(List<String> globs) {
    SkipProcessed.inOutputs(globs); // rejects an empty or blank list here, not at expand()
    return new ExtractDocuments(config, List.copyOf(globs));
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<FileIO.ReadableFile> files =
        begin
            .apply(
                "MatchDocuments",
                FileIO.match()
                    .filepattern(config.input())
                    .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
            .apply("ReadMatches", FileIO.readMatches());
    if (!skipDoneIn.isEmpty()) {
      files =
          files.apply(
              "SkipProcessed",
              SkipProcessed.inOutputs(skipDoneIn).withLimits(config.parseLimits()));
    }
    PCollectionTuple parsed =
        files.apply("ParseDocuments", ParseDocuments.create().withLimits(config.parseLimits()));

    PCollectionTuple typed =
        parsed
            .get(ParseDocuments.PARSED)
            .apply(
                "ClassifyDocuments",
                ClassifyDocuments.byPath(config.documentTypes())
                    .withClassification(config.classification(), config.model()));

    PCollectionTuple requests =
        typed
            .get(ClassifyDocuments.TYPED)
            .apply(
                "BuildRequests",
                BuildRequests.forTypes(config.documentTypes())
                    .withMaxPromptChars(config.maxPromptChars()));

    // The first tier: the model in this JVM, or the endpoint that holds it.
    EndpointSettings served = config.endpoint();
    PCollection<Iterable<ExtractionRequest>> batches =
        requests
            .get(BuildRequests.REQUESTS)
            .apply(
                "BatchRequests",
                BatchRequests.ofSize(
                    served == null
                        ? config.batchSize()
                        : Math.max(config.batchSize(), served.concurrency())));
    PCollectionTuple answered =
        batches.apply(
            "ExtractFields",
            served == null
                ? ExtractFields.with(config.model(), config.documentTypes())
                : ExtractFields.at(served, config.documentTypes()));
    PCollectionTuple extracted =
        answered.apply("MergeChunks", MergeChunks.forTypes(config.documentTypes()));

    Escalation escalation = config.escalation();
    ValidateRecords validate =
        served == null
            ? ValidateRecords.against(config.documentTypes(), config.model())
            : ValidateRecords.against(config.documentTypes(), served);
    PCollectionTuple validated =
        extracted
            .get(MergeChunks.EXTRACTIONS)
            .apply(
                "ValidateRecords",
                escalation == null ? validate : validate.withEscalation(escalation.reasons()));

    PCollectionList<ExtractedRecord> records =
        PCollectionList.of(validated.get(ValidateRecords.RECORDS));
    PCollectionList<ReviewItem> failures =
        PCollectionList.of(parsed.get(ParseDocuments.FAILURES))
            .and(typed.get(ClassifyDocuments.FAILURES))
            .and(requests.get(BuildRequests.FAILURES))
            .and(extracted.get(MergeChunks.FAILURES))
            .and(validated.get(ValidateRecords.FAILURES));
    if (escalation != null) {
      // The second tier sees only what the first failed on; what it fails on goes to review.
      PCollection<ExtractionRequest> escalated = validated.get(ValidateRecords.ESCALATE);
      // The second tier is one model for every type: the types' own models are tier 1's.
      List<DocumentTypeConfig> tier2Types =
          config.documentTypes().stream().map(t -> t.withModel(null)).toList();
      ExtractFields tier2 =
          escalation.remote()
              ? ExtractFields.at(escalation.endpoint(), tier2Types)
              : ExtractFields.with(escalation.model(), tier2Types);
      PCollectionTuple extracted2 =
          escalated
              .apply(
                  "BatchEscalated",
                  BatchRequests.ofSize(
                      escalation.remote()
                          ? Math.max(config.batchSize(), escalation.endpoint().concurrency())
                          : config.batchSize()))
              .apply("ExtractFieldsTier2", tier2.withTier(2));
      PCollection<Extraction> answers = extracted2.get(ExtractFields.EXTRACTIONS);
      failures = failures.and(extracted2.get(ExtractFields.FAILURES));
      ValidateRecords validate2 =
          escalation.remote()
              ? ValidateRecords.against(tier2Types, escalation.endpoint())
              : ValidateRecords.against(tier2Types, escalation.model());
      PCollectionTuple validated2 = answers.apply("ValidateRecordsTier2", validate2.withTier(2));
      records = records.and(validated2.get(ValidateRecords.RECORDS));
      failures = failures.and(validated2.get(ValidateRecords.FAILURES));
    }
    PCollection<ReviewItem> review =
        failures
            .apply("FlattenFailures", Flatten.pCollections())
            .setCoder(SerializableCoder.of(ReviewItem.class));
    PCollection<ExtractedRecord> allRecords =
        records
            .apply("FlattenRecords", Flatten.pCollections())
            .setCoder(SerializableCoder.of(ExtractedRecord.class));

    return PCollectionTuple.of(RECORDS, allRecords).and(REVIEW, review);
  }
}
