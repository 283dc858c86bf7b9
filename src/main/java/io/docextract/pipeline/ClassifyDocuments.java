package io.docextract.pipeline;

import io.docextract.classify.Classification;
import io.docextract.classify.Decision;
import io.docextract.classify.TypeClassifier;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.ingest.ParsedDocument;
import io.docextract.model.ContextOverflowException;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.review.ReviewItem;
import io.docextract.values.Reason;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * Gives each parsed document its type: the first type whose {@code match} globs claim its path;
 * else, among the types without globs, the only one, or the one the text's signals (then the model)
 * choose. A document no type fits goes to review as {@code unknown_type}, with the signal counts in
 * its message.
 */
public final class ClassifyDocuments
    extends PTransform<PCollection<ParsedDocument>, PCollectionTuple> {

  public static final TupleTag<KV<String, ParsedDocument>> TYPED = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "ClassifyDocuments";

  private final List<DocumentTypeConfig> types;
  private final Classification classification;
  private final ModelSettings model;

  private ClassifyDocuments(
      List<DocumentTypeConfig> types, Classification classification, ModelSettings model) {
    this.types = types;
    this.classification = classification;
    this.model = model;
  }

  /** By path alone: the first type whose globs match (a type without globs matches any path). */
  public static ClassifyDocuments byPath(List<DocumentTypeConfig> types) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new ClassifyDocuments(List.copyOf(types), null, null);
  }

  /** Types without globs are told apart by their signals, then by {@code model} if allowed. */
  public ClassifyDocuments withClassification(Classification classification, ModelSettings model) {
    if (classification != null && classification.useModel()) {
      Objects.requireNonNull(model, "classification by model needs the model's settings");
    }
    return new ClassifyDocuments(types, classification, model);
  }

  @Override
  public PCollectionTuple expand(PCollection<ParsedDocument> docs) {
    PCollectionTuple out =
        docs.apply(
            "AssignType",
            ParDo.of(new ClassifyFn(types, classification, model))
                .withOutputTags(TYPED, TupleTagList.of(FAILURES)));
    out.get(TYPED)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ParsedDocument.class)));
    out.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    return out;
  }

  private static final class ClassifyFn extends DoFn<ParsedDocument, KV<String, ParsedDocument>> {
    private final List<DocumentTypeConfig> types;
    private final Classification classification;
    private final ModelSettings model;
    private transient ModelRuntime runtime;
    private transient TypeClassifier classifier;

    ClassifyFn(List<DocumentTypeConfig> types, Classification classification, ModelSettings model) {
      this.types = types;
      this.classification = classification;
      this.model = model;
    }

    @Setup
    public void setup() {
      if (classification != null) {
        runtime =
            classification.useModel() ? ModelRuntime.acquire(ModelLocator.localise(model)) : null;
        classifier = new TypeClassifier(classification, runtime);
      }
    }

    @ProcessElement
    public void process(@Element ParsedDocument doc, MultiOutputReceiver out)
        throws InterruptedException {
      for (DocumentTypeConfig t : types) {
        if (!t.match().isEmpty() && t.matches(filePath(doc))) {
          emit(out, t.name(), doc, "path");
          return;
        }
      }
      List<String> open = DocumentTypeConfig.openTypes(types);
      if (open.size() == 1 || (open.size() > 1 && classifier == null)) {
        emit(out, open.get(0), doc, "path");
        return;
      }
      if (open.isEmpty()) {
        unknown(out, doc, "no document type of the pipeline matches " + doc.source());
        return;
      }
      Decision d;
      try {
        d = classifier.classify(doc.text(), open);
      } catch (ContextOverflowException e) {
        d = new Decision(null, "none", Map.of());
      }
      if (d.decided()) {
        emit(out, d.type(), doc, d.method());
      } else {
        unknown(
            out,
            doc,
            "no declared type fits the text (signals found: "
                + d.scores()
                + (d.method().equals("model") ? "; the model answered other)" : ")"));
      }
    }

    /**
     * The path a document type's globs are matched on: the file's, also for a part found inside it,
     * so an invoice mailed as a PDF attachment is typed by the mail's path.
     */
    static String filePath(ParsedDocument doc) {
      String source = doc.source();
      return doc.provenance().isPart()
          ? source.substring(0, source.length() - ("!/" + doc.provenance().path()).length())
          : source;
    }

    private void emit(MultiOutputReceiver out, String type, ParsedDocument doc, String method) {
      Metrics.counter(STAGE, "by_" + method).inc();
      out.get(TYPED).output(KV.of(type, doc));
    }

    private void unknown(MultiOutputReceiver out, ParsedDocument doc, String message) {
      Metrics.counter(STAGE, Reason.UNKNOWN_TYPE.code()).inc();
      out.get(FAILURES).output(Failures.ofDocument(STAGE, doc, Reason.UNKNOWN_TYPE, message));
    }

    @Teardown
    public void teardown() {
      if (runtime != null) {
        runtime.close();
        runtime = null;
      }
    }
  }
}
