package io.docextract.pipeline;

import io.docextract.config.Defaults;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.ingest.ParsedDocument;
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Turns each typed document into a request: its text clipped to the prompt budget. A type the
 * pipeline does not declare goes to review as unknown_type.
 */
public final class BuildRequests
    extends PTransform<PCollection<KV<String, ParsedDocument>>, PCollectionTuple> {

  public static final TupleTag<ExtractionRequest> REQUESTS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "BuildRequests";

  private final List<DocumentTypeConfig> types;
  private final int maxPromptChars;

  private BuildRequests(List<DocumentTypeConfig> types, int maxPromptChars) {
    this.types = types;
    this.maxPromptChars = maxPromptChars;
  }

  public static BuildRequests forTypes(List<DocumentTypeConfig> types) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new BuildRequests(List.copyOf(types), Defaults.MAX_PROMPT_CHARS);
  }

  public BuildRequests withMaxPromptChars(int chars) {
    if (chars < 100) {
      throw new IllegalArgumentException("maxPromptChars must be >= 100, got " + chars);
    }
    return new BuildRequests(types, chars);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, ParsedDocument>> docs) {
    PCollectionTuple out =
        docs.apply(
            "Clip",
            ParDo.of(new BuildFn(types, maxPromptChars))
                .withOutputTags(REQUESTS, TupleTagList.of(FAILURES)));
    out.get(REQUESTS).setCoder(SerializableCoder.of(ExtractionRequest.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class BuildFn extends DoFn<KV<String, ParsedDocument>, ExtractionRequest> {
    private final List<DocumentTypeConfig> types;
    private final int maxPromptChars;

    BuildFn(List<DocumentTypeConfig> types, int maxPromptChars) {
      this.types = types;
      this.maxPromptChars = maxPromptChars;
    }

    @ProcessElement
    public void process(@Element KV<String, ParsedDocument> typed, MultiOutputReceiver out) {
      ParsedDocument doc = typed.getValue();
      DocumentTypeConfig type =
          types.stream().filter(t -> t.name().equals(typed.getKey())).findFirst().orElse(null);
      if (type == null) {
        Metrics.counter(STAGE, Reason.UNKNOWN_TYPE.code()).inc();
        out.get(FAILURES)
            .output(
                Failures.ofDocument(
                    STAGE,
                    doc,
                    Reason.UNKNOWN_TYPE,
                    "the pipeline declares no document type '" + typed.getKey() + "'"));
        return;
      }
      // The type's own budget where it has one (the one its adapter was trained with).
      int budget = type.promptChars(maxPromptChars);
      String text = type.fitText(doc.text(), budget);
      boolean cut = doc.textCut() || text.length() < doc.text().length();
      if (type.review().injection() != null) {
        // The text the model would see: the fitted text, or all of it when it goes in chunks.
        String seen = type.chunks() == null || doc.text().length() <= budget ? text : doc.text();
        java.util.Optional<io.docextract.checks.InjectionDetector.Match> hit =
            type.review().injection().find(seen);
        if (hit.isPresent()) {
          Metrics.counter(STAGE, Reason.SUSPECTED_INJECTION.code()).inc();
          out.get(FAILURES)
              .output(
                  Failures.ofDocument(
                      STAGE,
                      doc,
                      Reason.SUSPECTED_INJECTION,
                      "instruction-like text addressed to the model ("
                          + hit.get().pattern()
                          + "): \""
                          + hit.get().text()
                          + "\" at character "
                          + hit.get().start()
                          + "; not sent to the model"));
          return;
        }
      }
      ExtractionRequest request =
          new ExtractionRequest(
              doc.id(),
              doc.source(),
              doc.contentType(),
              type.name(),
              text,
              cut,
              doc.parseMillis(),
              doc.provenance(),
              0,
              1,
              0,
              doc.readByOcr());
      if (type.chunks() == null || doc.text().length() <= budget) {
        out.get(REQUESTS).output(request);
        return;
      }
      // One request per chunk; MergeChunks puts their answers back together as one document.
      java.util.List<int[]> ranges = type.chunks().ranges(doc.text(), budget);
      Metrics.counter(STAGE, "chunked_documents").inc();
      for (int i = 0; i < ranges.size(); i++) {
        out.get(REQUESTS)
            .output(
                request.asChunk(
                    i,
                    ranges.size(),
                    ranges.get(i)[0],
                    doc.text().substring(ranges.get(i)[0], ranges.get(i)[1])));
      }
    }
  }
}
