package io.docextract.pipeline;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the elements on their way to a sink in {@code Progress/<kind>}, unchanged, so a running
 * job can say how many documents have reached their end (records plus review) from Beam metrics.
 */
public final class CountDone<T> extends PTransform<PCollection<T>, PCollection<T>> {

  public static final String NAMESPACE = "Progress";

  private final String kind;

  private CountDone(String kind) {
    this.kind = kind;
  }

  public static <T> CountDone<T> as(String kind) {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("kind must be a counter name, got " + kind);
    }
    return new CountDone<>(kind);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply("Count", ParDo.of(new CountFn<T>(kind))).setCoder(input.getCoder());
  }

  private static final class CountFn<T> extends DoFn<T, T> {
    private final Counter counter;

    CountFn(String kind) {
      counter = Metrics.counter(NAMESPACE, kind);
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      counter.inc();
      out.output(element);
    }
  }
}
