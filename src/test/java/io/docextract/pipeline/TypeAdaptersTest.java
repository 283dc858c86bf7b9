package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.docextract.catalog.ModelStore;
import io.docextract.config.JobConfig;
import io.docextract.config.PipelineLoader;
import io.docextract.model.ModelRuntime;
import io.docextract.review.ReviewItem;
import io.docextract.testing.Fixtures;
import io.docextract.validate.ExtractedRecord;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One pipeline, two document types, each with its own LoRA adapter on the same base (SmolLM2 and
 * the shipped receipt and NDA adapters): one copy of the base is loaded with both adapters beside
 * it, and every answer's lineage names the adapter of its document's type.
 */
public class TypeAdaptersTest implements Serializable {

  private static final Path RECEIPT_ADAPTER =
      Path.of("models/adapters/receipt-smollm2/adapter.gguf");
  private static final Path NDA_ADAPTER = Path.of("models/adapters/nda-smollm2/adapter.gguf");

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void eachTypeAnswersWithItsOwnAdapterOnOneSharedBase() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    Files.createDirectories(in.resolve("receipts"));
    Files.createDirectories(in.resolve("nda"));
    Files.copy(
        Path.of("sample-docs/receipts/receipt-kedai-maju.txt"),
        in.resolve("receipts/receipt-kedai-maju.txt"));
    Files.copy(
        Path.of("sample-docs/nda/nda-northwind-bluefin.txt"),
        in.resolve("nda/nda-northwind-bluefin.txt"));
    Path file = tmp.getRoot().toPath().resolve("two-adapters.yaml");
    Files.writeString(
        file,
        """
        name: two-adapters
        input: %s/*/*
        output: %s
        model: {path: %s, contextSize: 4096, maxTokens: 160, threads: 2}
        documentTypes:
          - name: receipt
            schema: schemas/receipt.schema.json
            match: ["**/receipts/*"]
            model: {adapter: %s}
            prompt: {instructions: 'Extract the company, date, address and total of the receipt.'}
          - name: nda
            schema: schemas/nda.schema.json
            match: ["**/nda/*"]
            model: {adapter: %s}
            prompt: {instructions: 'Extract the date, jurisdiction, parties and term of the agreement.'}
        """
            .formatted(
                in,
                tmp.getRoot().toPath().resolve("out"),
                Fixtures.SMOLLM2.toAbsolutePath(),
                RECEIPT_ADAPTER.toAbsolutePath(),
                NDA_ADAPTER.toAbsolutePath()));
    JobConfig job = new PipelineLoader(ModelStore.fromEnvironment()).load(file, null);
    assertNull("the pipeline's own model has no adapter", job.model().adapterPath());
    String receiptSha = Fixtures.sha(RECEIPT_ADAPTER);
    String ndaSha = Fixtures.sha(NDA_ADAPTER);
    assertEquals(receiptSha, job.modelFor("receipt").adapterSha256());
    assertEquals(ndaSha, job.modelFor("nda").adapterSha256());

    int loadsBefore = ModelRuntime.loadCount();
    assertTrue(JobPreflight.check(job, PipelineOptionsFactory.create()).ok());
    PCollectionTuple out = p.apply(ExtractDocuments.from(job));
    Map<String, String> want = Map.of("receipt", receiptSha, "nda", ndaSha);
    PAssert.that(out.get(ExtractDocuments.RECORDS))
        .satisfies(
            records -> {
              for (ExtractedRecord r : records) {
                assertEquals(
                    r.source(), want.get(r.documentType()), r.lineage().get("adapter_sha256"));
              }
              return null;
            });
    PAssert.that(out.get(ExtractDocuments.REVIEW))
        .satisfies(
            items -> {
              for (ReviewItem r : items) {
                if (r.lineage().containsKey("model_sha256")) {
                  assertEquals(
                      r.source(), want.get(r.documentType()), r.lineage().get("adapter_sha256"));
                }
              }
              return null;
            });
    PAssert.that(
            PCollectionList.of(
                    out.get(ExtractDocuments.RECORDS)
                        .apply(
                            "RecordAdapters",
                            MapElements.into(TypeDescriptors.strings())
                                .via(
                                    (ExtractedRecord r) ->
                                        r.documentType()
                                            + ":"
                                            + r.lineage().get("adapter_sha256"))))
                .and(
                    out.get(ExtractDocuments.REVIEW)
                        .apply(
                            "ReviewAdapters",
                            MapElements.into(TypeDescriptors.strings())
                                .via(
                                    (ReviewItem r) ->
                                        r.documentType()
                                            + ":"
                                            + r.lineage().get("adapter_sha256"))))
                .apply(Flatten.pCollections()))
        .containsInAnyOrder("receipt:" + receiptSha, "nda:" + ndaSha);
    p.run().waitUntilFinish();
    assertEquals(
        "one base for both types, loaded once with both adapters",
        loadsBefore + 1,
        ModelRuntime.loadCount());
  }
}
