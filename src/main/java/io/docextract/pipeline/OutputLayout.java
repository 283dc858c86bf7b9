package io.docextract.pipeline;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a run's records and review files go, and which files belong to it. A full run owns every
 * {@code records*.jsonl}/{@code review*.jsonl} at its output location and replaces them; an
 * incremental run adds its own files, named with its run id, beside earlier runs' files, so one
 * glob ({@code records*.jsonl}) still reads the whole result and each run can be counted apart.
 */
public final class OutputLayout implements Serializable {

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9]+");

  private final String output;
  private final String review;
  private final String runId;

  private OutputLayout(String output, String review, String runId) {
    this.output = output;
    this.review = review;
    this.runId = runId;
  }

  /** A full run: its files replace everything an earlier run wrote at these locations. */
  public static OutputLayout replacing(String output, String review) {
    return new OutputLayout(
        Objects.requireNonNull(output, "output"), Objects.requireNonNull(review, "review"), null);
  }

  /** An incremental run with an id made from its start time: {@link #runIdAt}. */
  public static OutputLayout adding(String output, String review, Instant start) {
    return adding(output, review, runIdAt(start));
  }

  /**
   * A run id from a start time, UTC to the millisecond (20261124T024000123Z): two scheduled runs
   * that start within one second must not write over each other's files.
   */
  public static String runIdAt(Instant start) {
    return RUN_ID.format(start);
  }

  /** An incremental run whose files are named with {@code runId} (letters and digits only). */
  public static OutputLayout adding(String output, String review, String runId) {
    if (runId == null || !SAFE_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("runId must be letters and digits, got " + runId);
    }
    return new OutputLayout(
        Objects.requireNonNull(output, "output"), Objects.requireNonNull(review, "review"), runId);
  }

  public boolean incremental() {
    return runId != null;
  }

  /** The run id, or null for a full run. */
  public String runId() {
    return runId;
  }

  public String output() {
    return output;
  }

  public String review() {
    return review;
  }

  /** TextIO prefix of this run's records files. */
  public String recordsPrefix() {
    return ExtractionPipeline.prefix(output, stem("records"));
  }

  /** TextIO prefix of this run's review files. */
  public String reviewPrefix() {
    return ExtractionPipeline.prefix(review, stem("review"));
  }

  /** Glob of the records files this run writes. */
  public String recordsGlob() {
    return recordsPrefix() + (incremental() ? "-*.jsonl" : "*.jsonl");
  }

  /** Glob of the review files this run writes. */
  public String reviewGlob() {
    return reviewPrefix() + (incremental() ? "-*.jsonl" : "*.jsonl");
  }

  /** Globs of every run's records and review files at these locations: what was done before. */
  public List<String> allRunsGlobs() {
    return List.of(
        ExtractionPipeline.prefix(output, "records") + "*.jsonl",
        ExtractionPipeline.prefix(review, "review") + "*.jsonl");
  }

  private String stem(String kind) {
    return runId == null ? kind : kind + "-" + runId;
  }
}
