package io.docextract.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.docextract.config.JobConfig;
import io.docextract.review.ReviewItem;
import io.docextract.validate.ExtractedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A bundle that fails is retried by the runner and the outputs lose and duplicate nothing: on
 * embedded Flink with a restart strategy, the first attempt of the records' write step throws
 * after the model has run; Flink restarts the job and every input still ends exactly once across
 * records and review. The failure is injected between the real transforms and the real sinks.
 */
public class FlinkRetryTest {

  /** Attempts that threw; static because Flink runs the DoFn in this JVM but not this object. */
  private static final AtomicInteger FAILURES = new AtomicInteger();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aFailedAttemptIsRetriedWithoutLossOrDuplicates() throws Exception {
    Path in = ExtractDocumentsTest.folder(tmp.newFolder("in").toPath());
    Path out = tmp.newFolder("out").toPath();
    JobConfig job = ExtractDocumentsTest.job(in, out);
    FAILURES.set(0);
    // Beam's --numberOfExecutionRetries does not reach Flink 1.19's batch scheduler; a restart
    // strategy in the Flink configuration does, as on a cluster.
    Path conf = tmp.newFolder("flink-conf").toPath();
    Files.writeString(conf.resolve("flink-conf.yaml"), String.join("\n",
        "restart-strategy.type: fixed-delay",
        "restart-strategy.fixed-delay.attempts: 2",
        "restart-strategy.fixed-delay.delay: 100 ms", ""));

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(
            "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2",
            "--flinkConfDir=" + conf)
        .withValidation().create());
    OutputLayout layout = OutputLayout.replacing(out.toString(), out.toString());
    PCollectionTuple results = p.apply("ExtractDocuments", ExtractDocuments.from(job));
    PCollection<ExtractedRecord> records = results.get(ExtractDocuments.RECORDS);
    records
        .apply("FailFirstAttempt", ParDo.of(new FailFirstAttempt<ExtractedRecord>()))
        .setCoder(records.getCoder())
        .apply("WriteRecords", WriteJsonLines.<ExtractedRecord>to(layout.recordsPrefix()));
    PCollection<ReviewItem> review = results.get(ExtractDocuments.REVIEW);
    review
        .apply("FailFirstAttemptReview", ParDo.of(new FailFirstAttempt<ReviewItem>()))
        .setCoder(review.getCoder())
        .apply("WriteReview", WriteJsonLines.<ReviewItem>to(layout.reviewPrefix()));
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());

    assertTrue("the injected failure happened", FAILURES.get() >= 1);
    List<String> sources = sources(out);
    sources.sort(null);
    assertEquals(List.of("corrupt.pdf", "letter.txt", "one.txt", "three.txt", "two.txt"), sources);
  }

  /** Throws on the first element it sees in this JVM, then passes everything. */
  private static final class FailFirstAttempt<T> extends DoFn<T, T> {
    private static final AtomicInteger SEEN = new AtomicInteger();

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> o) {
      if (FAILURES.get() == 0 && SEEN.getAndIncrement() == 0) {
        FAILURES.incrementAndGet();
        throw new IllegalStateException("injected failure of the first attempt");
      }
      o.output(element);
    }
  }

  /** The source file name of every records and review line. */
  private static List<String> sources(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String source = io.docextract.review.JsonLines.mapper().readTree(line)
              .get("source").asText();
          names.add(ParseDocumentsTest.name(source));
        }
      }
    }
    return names;
  }
}
