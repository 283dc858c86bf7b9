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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * embedded Flink with a restart strategy, the first attempt of a step in front of a sink throws
 * after the model has run; Flink restarts the failed region (and every region that consumes it) and
 * every input still ends exactly once across records and review. The failure is injected between
 * the real transforms and the real sinks.
 */
public class FlinkRetryTest {

  private static final List<String> INPUTS =
      List.of("corrupt.pdf", "letter.txt", "one.txt", "three.txt", "two.txt");

  /** Attempts that threw; static because Flink runs the DoFn in this JVM but not this object. */
  private static final AtomicInteger FAILURES = new AtomicInteger();

  /** Elements the failing steps have seen, in this JVM. */
  private static final AtomicInteger SEEN = new AtomicInteger();

  /** Whether the review files were final when the gated failure was thrown. */
  private static final AtomicBoolean REVIEW_WAS_FINAL = new AtomicBoolean();

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** The first element that reaches either sink's step makes that attempt fail. */
  @Test
  public void aFailedAttemptIsRetriedWithoutLossOrDuplicates() throws Exception {
    Path out = run(false);
    assertEquals("output files: " + describe(out), INPUTS, sources(out));
  }

  /**
   * The records step fails only once the review sink has finalized its files. Flink's region
   * failover then runs the review sink's writer and its finalize a second time (they consume the
   * restarted region); with file names that depended on how many temporary files an attempt wrote,
   * the first finalize's files stayed beside the second's and every review item was there twice.
   */
  @Test
  public void aRestartAfterTheReviewFilesWereWrittenDuplicatesNothing() throws Exception {
    Path out = run(true);
    assertTrue("the review files were final before the failure", REVIEW_WAS_FINAL.get());
    assertEquals("output files: " + describe(out), INPUTS, sources(out));
  }

  /**
   * Runs the test pipeline on embedded Flink with the injected failure; {@code gated}: in the
   * records step only, after the review files exist; otherwise in front of both sinks.
   */
  private Path run(boolean gated) throws Exception {
    Path in = ExtractDocumentsTest.folder(tmp.newFolder("in").toPath());
    Path out = tmp.newFolder("out").toPath();
    JobConfig job = ExtractDocumentsTest.job(in, out);
    FAILURES.set(0);
    SEEN.set(0);
    REVIEW_WAS_FINAL.set(false);
    // Beam's --numberOfExecutionRetries does not reach Flink 1.19's batch scheduler; a restart
    // strategy in the Flink configuration does, as on a cluster.
    Path conf = tmp.newFolder("flink-conf").toPath();
    Files.writeString(
        conf.resolve("flink-conf.yaml"),
        String.join(
            "\n",
            "restart-strategy.type: fixed-delay",
            "restart-strategy.fixed-delay.attempts: 2",
            "restart-strategy.fixed-delay.delay: 100 ms",
            ""));

    Pipeline p =
        Pipeline.create(
            PipelineOptionsFactory.fromArgs(
                    "--runner=FlinkRunner",
                    "--flinkMaster=[local]",
                    "--parallelism=2",
                    "--flinkConfDir=" + conf)
                .withValidation()
                .create());
    OutputLayout layout = OutputLayout.replacing(out.toString(), out.toString());
    PCollectionTuple results = p.apply("ExtractDocuments", ExtractDocuments.from(job));
    PCollection<ExtractedRecord> records = results.get(ExtractDocuments.RECORDS);
    records
        .apply(
            "FailFirstAttempt",
            ParDo.of(new FailFirstAttempt<ExtractedRecord>(gated ? out.toString() : null)))
        .setCoder(records.getCoder())
        .apply("WriteRecords", WriteJsonLines.<ExtractedRecord>to(layout.recordsPrefix()));
    PCollection<ReviewItem> review = results.get(ExtractDocuments.REVIEW);
    if (!gated) {
      review =
          review
              .apply("FailFirstAttemptReview", ParDo.of(new FailFirstAttempt<ReviewItem>(null)))
              .setCoder(review.getCoder());
    }
    review.apply("WriteReview", WriteJsonLines.<ReviewItem>to(layout.reviewPrefix()));
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
    assertTrue("the injected failure happened", FAILURES.get() >= 1);
    return out;
  }

  /**
   * Throws on the first element it sees in this JVM, then passes everything. Given a directory, it
   * first waits (a few minutes at most) for review files to appear there.
   */
  private static final class FailFirstAttempt<T> extends DoFn<T, T> {
    private final String awaitReviewIn;

    FailFirstAttempt(String awaitReviewIn) {
      this.awaitReviewIn = awaitReviewIn;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> o) throws Exception {
      if (FAILURES.get() == 0 && SEEN.getAndIncrement() == 0) {
        if (awaitReviewIn != null) {
          REVIEW_WAS_FINAL.set(awaitReviewFiles(Path.of(awaitReviewIn)));
        }
        FAILURES.incrementAndGet();
        throw new IllegalStateException("injected failure of the first attempt");
      }
      o.output(element);
    }
  }

  /** Waits until a finished review file is in {@code dir}; false if none came in 5 minutes. */
  private static boolean awaitReviewFiles(Path dir) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files
            .map(f -> f.getFileName().toString())
            .anyMatch(n -> n.startsWith("review") && n.endsWith(".jsonl"))) {
          return true;
        }
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Every file under {@code dir} (temporary directories too) with the sources of its lines. */
  private static String describe(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        b.append('\n').append(dir.relativize(f)).append(' ').append(sourcesIn(f));
      }
    }
    return b.toString();
  }

  /** The source file name of every records and review line, sorted. */
  private static List<String> sources(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
        names.addAll(sourcesIn(f));
      }
    }
    names.sort(null);
    return names;
  }

  private static List<String> sourcesIn(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      names.add(
          ParseDocumentsTest.name(
              io.docextract.values.JsonLines.mapper().readTree(line).get("source").asText()));
    }
    return names;
  }
}
