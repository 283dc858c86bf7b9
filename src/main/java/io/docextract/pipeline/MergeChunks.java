package io.docextract.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.model.Completion;
import io.docextract.model.StopReason;
import io.docextract.passages.FieldMerge;
import io.docextract.review.ReviewItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Puts a chunked document back together after {@link ExtractFields}: the chunks' answers are merged
 * field by field by the type's policy into one reply for the whole covered text, which then goes
 * through validation like any other. A chunk that failed (no answer, a reply cut off or not JSON)
 * is left out and counted; only when every chunk failed does the document go to review, once. Whole
 * documents pass through untouched.
 */
public final class MergeChunks extends PTransform<PCollectionTuple, PCollectionTuple> {

  public static final TupleTag<Extraction> EXTRACTIONS = new TupleTag<>() {};
  public static final TupleTag<ReviewItem> FAILURES = new TupleTag<>() {};
  static final String STAGE = "MergeChunks";

  private static final TupleTag<KV<String, Extraction>> CHUNK_ANSWERS = new TupleTag<>() {};
  private static final TupleTag<KV<String, ReviewItem>> CHUNK_FAILURES = new TupleTag<>() {};
  private static final TupleTag<Extraction> JOINED_ANSWERS = new TupleTag<>() {};
  private static final TupleTag<ReviewItem> JOINED_FAILURES = new TupleTag<>() {};

  private final List<DocumentTypeConfig> types;

  private MergeChunks(List<DocumentTypeConfig> types) {
    this.types = types;
  }

  /** Reads {@link ExtractFields#EXTRACTIONS} and {@link ExtractFields#FAILURES} of its input. */
  public static MergeChunks forTypes(List<DocumentTypeConfig> types) {
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("types must name at least one document type");
    }
    return new MergeChunks(List.copyOf(types));
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple extracted) {
    PCollectionTuple answers =
        extracted
            .get(ExtractFields.EXTRACTIONS)
            .apply(
                "SplitAnswers",
                ParDo.of(
                        new DoFn<Extraction, Extraction>() {
                          @ProcessElement
                          public void process(@Element Extraction x, MultiOutputReceiver out) {
                            if (x.request().chunked()) {
                              out.get(CHUNK_ANSWERS).output(KV.of(x.request().id(), x));
                            } else {
                              out.get(EXTRACTIONS).output(x);
                            }
                          }
                        })
                    .withOutputTags(EXTRACTIONS, TupleTagList.of(CHUNK_ANSWERS)));
    PCollectionTuple failures =
        extracted
            .get(ExtractFields.FAILURES)
            .apply(
                "SplitFailures",
                ParDo.of(
                        new DoFn<ReviewItem, ReviewItem>() {
                          @ProcessElement
                          public void process(@Element ReviewItem r, MultiOutputReceiver out) {
                            if (r.lineage().containsKey("chunks")) {
                              out.get(CHUNK_FAILURES).output(KV.of(r.id(), r));
                            } else {
                              out.get(FAILURES).output(r);
                            }
                          }
                        })
                    .withOutputTags(FAILURES, TupleTagList.of(CHUNK_FAILURES)));
    answers.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    answers
        .get(CHUNK_ANSWERS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Extraction.class)));
    failures.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));
    failures
        .get(CHUNK_FAILURES)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ReviewItem.class)));

    PCollectionTuple merged =
        KeyedPCollectionTuple.of(JOINED_ANSWERS, answers.get(CHUNK_ANSWERS))
            .and(JOINED_FAILURES, failures.get(CHUNK_FAILURES))
            .apply("GroupChunks", CoGroupByKey.create())
            .apply(
                "Merge",
                ParDo.of(new MergeFn(types))
                    .withOutputTags(EXTRACTIONS, TupleTagList.of(FAILURES)));
    merged.get(EXTRACTIONS).setCoder(SerializableCoder.of(Extraction.class));
    merged.get(FAILURES).setCoder(SerializableCoder.of(ReviewItem.class));

    PCollection<Extraction> all =
        PCollectionList.of(answers.get(EXTRACTIONS))
            .and(merged.get(EXTRACTIONS))
            .apply("FlattenAnswers", Flatten.pCollections());
    PCollection<ReviewItem> failed =
        PCollectionList.of(failures.get(FAILURES))
            .and(merged.get(FAILURES))
            .apply("FlattenFailures", Flatten.pCollections());
    return PCollectionTuple.of(EXTRACTIONS, all).and(FAILURES, failed);
  }

  private static final class MergeFn extends DoFn<KV<String, CoGbkResult>, Extraction> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<DocumentTypeConfig> types;
    private transient Map<String, DocumentTypeConfig> byName;

    MergeFn(List<DocumentTypeConfig> types) {
      this.types = types;
    }

    @Setup
    public void setup() {
      byName = new HashMap<>();
      types.forEach(t -> byName.put(t.name(), t));
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, MultiOutputReceiver out) {
      List<Extraction> chunks = new ArrayList<>();
      group.getValue().getAll(JOINED_ANSWERS).forEach(chunks::add);
      List<ReviewItem> failed = new ArrayList<>();
      group.getValue().getAll(JOINED_FAILURES).forEach(failed::add);
      if (chunks.isEmpty()) {
        // Every chunk failed in the runtime: the document goes to review once, as its first.
        failed.sort(Comparator.comparingInt(r -> (Integer) r.lineage().get("chunk")));
        Metrics.counter(STAGE, "documents_all_chunks_failed").inc();
        out.get(FAILURES).output(failed.get(0));
        return;
      }
      chunks.sort(Comparator.comparingInt(x -> x.request().chunk()));
      List<JsonNode> answers = new ArrayList<>();
      int usable = 0;
      for (Extraction x : chunks) {
        JsonNode a = parsed(x.completion());
        answers.add(a);
        usable += a == null ? 0 : 1;
      }
      Metrics.counter(STAGE, "chunks_failed").inc(failed.size() + chunks.size() - usable);
      ExtractionRequest first = chunks.get(0).request();
      ExtractionRequest whole = first.whole(covered(chunks));
      if (usable == 0) {
        // No chunk gave JSON: validation routes the first chunk's reply (truncated, invalid...).
        out.get(EXTRACTIONS).output(new Extraction(whole, chunks.get(0).completion()));
        return;
      }
      DocumentTypeConfig type = byName.get(first.documentType());
      String merged = FieldMerge.merge(answers, type.chunks().merge()).toString();
      int prompt = 0;
      int generated = 0;
      long firstToken = 0;
      long millis = 0;
      for (Extraction x : chunks) {
        prompt += x.completion().promptTokens();
        generated += x.completion().generatedTokens();
        firstToken += x.completion().firstTokenMillis();
        millis += x.completion().totalMillis();
      }
      Metrics.counter(STAGE, "documents_merged").inc();
      out.get(EXTRACTIONS)
          .output(
              new Extraction(
                  whole,
                  new Completion(
                      merged, StopReason.COMPLETE_JSON, prompt, generated, firstToken, millis)));
    }

    /** The chunks' texts laid back over one another by their offsets: the covered text. */
    private static String covered(List<Extraction> chunks) {
      StringBuilder sb = new StringBuilder();
      for (Extraction x : chunks) {
        ExtractionRequest r = x.request();
        int skip = Math.max(0, sb.length() - r.chunkStart());
        if (r.chunkStart() > sb.length()) {
          // A chunk that failed in the runtime left a gap; keep offsets true with spaces.
          sb.append(" ".repeat(r.chunkStart() - sb.length()));
        }
        if (skip < r.text().length()) {
          sb.append(r.text(), skip, r.text().length());
        }
      }
      return sb.toString();
    }

    private static JsonNode parsed(Completion c) {
      if (c.stopReason() == StopReason.TOKEN_LIMIT || c.stopReason() == StopReason.REPETITION) {
        return null;
      }
      try {
        JsonNode n = JSON.readTree(c.text());
        return n != null && n.isObject() ? n : null;
      } catch (IOException e) {
        return null;
      }
    }
  }
}
