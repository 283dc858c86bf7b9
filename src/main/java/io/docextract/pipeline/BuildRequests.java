package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.ingest.ParsedDocument;
import io.docextract.model.ExtractionPrompt;
import io.docextract.review.Reason;
import io.docextract.review.ReviewItem;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Gives each parsed document its document type (the first whose globs match its path) and clips
 * its text to the prompt budget. A document no type claims goes to review as unknown_type.
 */
public final class BuildRequests
    extends PTransform<PCollection<ParsedDocument>, PCollectionTuple> {

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
    return new BuildRequests(List.copyOf(types), 6000);
  }

  public BuildRequests withMaxPromptChars(int chars) {
    if (chars < 100) {
      throw new IllegalArgumentException("maxPromptChars must be >= 100, got " + chars);
    }
    return new BuildRequests(types, chars);
  }

  @Override
  public PCollectionTuple expand(PCollection<ParsedDocument> docs) {
    PCollectionTuple out =
        docs.apply(
            "AssignTypeAndClip",
            ParDo.of(new BuildFn(types, maxPromptChars))
                .withOutputTags(REQUESTS, TupleTagList.of(FAILURES)));
    out.get(REQUESTS).setCoder(SerializableCoder.of(ExtractionRequest.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class BuildFn extends DoFn<ParsedDocument, ExtractionRequest> {
    private final List<DocumentTypeConfig> types;
    private final int maxPromptChars;

    BuildFn(List<DocumentTypeConfig> types, int maxPromptChars) {
      this.types = types;
      this.maxPromptChars = maxPromptChars;
    }

    @ProcessElement
    public void process(@Element ParsedDocument doc, MultiOutputReceiver out) {
      DocumentTypeConfig type = types.stream().filter(t -> t.matches(filePath(doc))).findFirst()
          .orElse(null);
      if (type == null) {
        Metrics.counter(STAGE, Reason.UNKNOWN_TYPE.code()).inc();
        out.get(FAILURES)
            .output(Failures.ofDocument(STAGE, doc, Reason.UNKNOWN_TYPE,
                "no document type of the pipeline matches " + doc.source()));
        return;
      }
      String text = ExtractionPrompt.clip(doc.text(), maxPromptChars);
      boolean cut = doc.textCut() || text.length() < doc.text().length();
      out.get(REQUESTS)
          .output(new ExtractionRequest(doc.id(), doc.source(), doc.contentType(), type.name(),
              text, cut, doc.parseMillis(), doc.provenance()));
    }

    /**
     * The path a document type's globs are matched on: the file's, also for a part found inside
     * it, so an invoice mailed as a PDF attachment is typed by the mail's path as before.
     */
    static String filePath(ParsedDocument doc) {
      String source = doc.source();
      return doc.provenance().isPart()
          ? source.substring(0, source.length() - ("!/" + doc.provenance().path()).length())
          : source;
    }
  }
}
