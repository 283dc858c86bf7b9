package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.config.JobConfig;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run balances from the job's counters whatever its sinks are; the JSON-lines sink's files agree
 * with those counters line for line.
 */
class RunSummaryTest {

  private static final int INPUTS = 5; // ExtractDocumentsTest.folder

  @TempDir Path tmp;

  @Test
  void aSinkThatWritesNoFilesStillBalances() throws Exception {
    Path in = ExtractDocumentsTest.folder(Files.createDirectories(tmp.resolve("in")));
    Path out = Files.createDirectories(tmp.resolve("out"));
    JobConfig job = ExtractDocumentsTest.job(in, out);

    RunSummary summary =
        run(
            job,
            new Sinks() {
              @Override
              public PTransform<? super PCollection<ExtractedRecord>, ? extends POutput> records() {
                return ParDo.of(new Discard<>());
              }

              @Override
              public PTransform<? super PCollection<ReviewItem>, ? extends POutput> review() {
                return ParDo.of(new Discard<>());
              }
            });

    try (Stream<Path> written = Files.list(out)) {
      assertEquals(0, written.count(), "the sink wrote no files");
    }
    assertTrue(summary.balanced(), summary.toString());
    assertEquals(INPUTS, summary.records() + summary.review());
    assertEquals(
        summary.review(),
        summary.reviewByReason().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(
        summary.records(),
        summary.recordsByTier().values().stream().mapToLong(Long::longValue).sum());
    assertTrue(summary.reviewByReason().containsKey("unknown_type"), summary.toString());
  }

  @Test
  void theJsonLinesFilesHoldWhatTheJobCounted() throws Exception {
    Path in = ExtractDocumentsTest.folder(Files.createDirectories(tmp.resolve("in")));
    Path out = Files.createDirectories(tmp.resolve("out"));
    JobConfig job = ExtractDocumentsTest.job(in, out);

    RunSummary summary =
        run(job, Sinks.jsonLines(OutputLayout.replacing(job.output(), job.review())));

    assertTrue(summary.balanced(), summary.toString());
    assertEquals(1, summary.recordFiles().size());
    assertNull(JsonLinesCheck.verify(summary));
  }

  private static RunSummary run(JobConfig job, Sinks sinks) throws Exception {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    OutputLayout layout = OutputLayout.replacing(job.output(), job.review());
    ExtractionPipeline.build(p, job, layout, sinks);
    PipelineResult result = p.run();
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());
    return RunSummary.collect("test", "DirectRunner", INPUTS, 0, layout, 1.0, result.metrics());
  }

  /** A sink that keeps nothing, as a database sink keeps nothing on this file system. */
  private static final class Discard<T> extends DoFn<T, Void> {
    @ProcessElement
    public void process(@Element T element) {}
  }
}
