package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.docextract.catalog.ModelStore;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.config.ReviewPolicy;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.validate.ExtractedRecord;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Confidence from the real runtime: the shipped receipt pipeline (tuned SmolLM2, its rules and
 * grounding) with a high accept threshold. Every field of every answer carries the model's own
 * probability; a document whose weakest field is under the threshold goes to review as
 * low_confidence naming exactly the fields under it, the others become records.
 */
public class ModelConfidenceTest implements Serializable {

  private static final double THRESHOLD = 0.97;

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theModelsTokenProbabilitiesDecideWhatIsAccepted() throws Exception {
    assumeTrue(
        "needs ../shared (the SROIE text and SmolLM2)",
        Files.isDirectory(Path.of("../shared/data/sroie-train-text"))
            && Files.isRegularFile(Fixtures.SMOLLM2));
    Path in = tmp.newFolder("in").toPath();
    for (String id : List.of("400", "401", "403", "405")) {
      Files.writeString(in.resolve(id + ".txt"), Fixtures.sroieText(id));
    }
    JobConfig receipt =
        new PipelineLoader(ModelStore.fromEnvironment())
            .ignoringMerged()
            .load(Path.of("pipelines/receipt.yaml"), null);
    DocumentTypeConfig shipped = receipt.documentTypes().get(0);
    ReviewPolicy strict =
        new ReviewPolicy(
            shipped.review().mustBeGrounded(),
            shipped.review().minSimilarity(),
            shipped.review().checks(),
            THRESHOLD);
    DocumentTypeConfig type =
        new DocumentTypeConfig(
            shipped.name(),
            shipped.schema(),
            List.of(),
            shipped.prompt(),
            shipped.normalise(),
            shipped.rules(),
            shipped.candidates(),
            strict,
            shipped.passages(),
            shipped.chunks());
    JobConfig job =
        new JobConfig(
            "confidence",
            "test",
            in + "/*",
            tmp.getRoot() + "/out",
            tmp.getRoot() + "/out",
            receipt.model(),
            2,
            receipt.parseLimits(),
            receipt.maxPromptChars(),
            List.of(type),
            null);

    PCollectionTuple out = p.apply(ExtractDocuments.from(job));
    PAssert.that(out.get(ExtractDocuments.RECORDS))
        .satisfies(
            records -> {
              for (ExtractedRecord r : records) {
                Map<?, ?> probs = (Map<?, ?>) r.lineage().get("model_probabilities");
                assertEquals(r.source(), 4, probs.size());
                double doc = (Double) ((Map<?, ?>) r.lineage().get("confidence")).get("document");
                assertTrue(r.source() + " accepted at " + doc, doc >= THRESHOLD);
              }
              return null;
            });
    PAssert.that(out.get(ExtractDocuments.REVIEW))
        .satisfies(
            review -> {
              int low = 0;
              for (ReviewItem r : review) {
                assertEquals(r.source() + ": " + r.message(), "low_confidence", r.reason().code());
                Map<?, ?> probs = (Map<?, ?>) r.lineage().get("model_probabilities");
                Map<?, ?> fields =
                    (Map<?, ?>) ((Map<?, ?>) r.lineage().get("confidence")).get("fields");
                // A value the rules put in place of the model's is not the model's: its probability
                // does not speak for it (ValidateRecords), so only the model's values are bounded
                // by it.
                Map<?, ?> fromRules =
                    (Map<?, ?>) r.lineage().getOrDefault("field_sources", Map.of());
                for (Map.Entry<?, ?> f : fields.entrySet()) {
                  double c = (Double) f.getValue();
                  double pr = (Double) probs.get(f.getKey());
                  assertTrue(
                      f.getKey() + ": confidence " + c + " above the model's " + pr,
                      c <= pr || fromRules.containsKey(f.getKey()));
                  assertEquals(
                      f.getKey() + " named iff under the threshold",
                      c < THRESHOLD,
                      r.message().contains(f.getKey().toString()));
                }
                low++;
              }
              assertTrue("a 270M model is unsure of something on four receipts", low >= 1);
              return null;
            });
    p.run().waitUntilFinish();
  }
}
