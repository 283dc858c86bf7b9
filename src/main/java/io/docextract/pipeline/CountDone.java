package io.docextract.pipeline;

import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts the elements on their way to a sink in {@code Progress/<kind>}, unchanged, so a running
 * job can say how many documents have reached their end (records plus review) from Beam metrics,
 * and a finished one can be balanced from them whatever its sinks are. With {@link #by} each
 * element also counts in {@code Progress/<kind>_<category>} (review reasons, records' tiers).
 */
public final class CountDone<T> extends PTransform<PCollection<T>, PCollection<T>> {

  public static final String NAMESPACE = "Progress";

  private final String kind;
  private final SerializableFunction<T, String> category;

  private CountDone(String kind, SerializableFunction<T, String> category) {
    this.kind = kind;
    this.category = category;
  }

  public static <T> CountDone<T> as(String kind) {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("kind must be a counter name, got " + kind);
    }
    return new CountDone<>(kind, null);
  }

  /** Also counts each element under its category, {@code <kind>_<category>}. */
  public CountDone<T> by(SerializableFunction<T, String> category) {
    return new CountDone<>(kind, Objects.requireNonNull(category, "category"));
  }

  /** The counter name of one category of a kind. */
  public static String categoryName(String kind, String category) {
    return kind + "_" + category;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input
        .apply("Count", ParDo.of(new CountFn<T>(kind, category)))
        .setCoder(input.getCoder());
  }

  private static final class CountFn<T> extends DoFn<T, T> {
    private final String kind;
    private final Counter counter;
    private final SerializableFunction<T, String> category;

    CountFn(String kind, SerializableFunction<T, String> category) {
      this.kind = kind;
      this.counter = Metrics.counter(NAMESPACE, kind);
      this.category = category;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<T> out) {
      counter.inc();
      if (category != null) {
        Metrics.counter(NAMESPACE, categoryName(kind, category.apply(element))).inc();
      }
      out.output(element);
    }
  }
}
