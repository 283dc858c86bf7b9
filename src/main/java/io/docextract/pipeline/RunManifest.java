package io.docextract.pipeline;

import io.docextract.values.JsonLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What a finished run did, for a scheduler or an auditor: the inputs, counts per route, reason and
 * tier, durations, the exact model and adapter (sha256), versions and the options it ran with.
 * Written last, and atomically, so a manifest that exists describes a run that completed.
 */
public record RunManifest(
    String runId,
    String pipeline,
    String pipelineFile,
    String startedAt,
    String finishedAt,
    String input,
    String output,
    String review,
    boolean incremental,
    Counts counts,
    Durations durations,
    Models models,
    Map<String, String> versions,
    Map<String, Object> options,
    Map<String, Long> counters,
    List<String> recordFiles,
    List<String> reviewFiles) {

  /** Where the inputs went; {@code inputs = skipped + records + review}. */
  public record Counts(
      long inputs,
      long skipped,
      long records,
      long review,
      Map<String, Long> reviewByReason,
      Map<String, Long> recordsByTier,
      long modelRequests) {}

  /** Seconds spent checking before the job, running it, and in all. */
  public record Durations(
      double preflightSeconds, double jobSeconds, double totalSeconds, double docsPerMinute) {}

  /** The model files by hash; {@code tier2*} only when the pipeline escalates. */
  public record Models(
      String model,
      String modelSha256,
      String adapter,
      String adapterSha256,
      String tier2Model,
      String tier2ModelSha256,
      String tier2Adapter,
      String tier2AdapterSha256,
      Map<String, Object> stats) {}

  public static final String FILE = "manifest.json";

  /**
   * Writes {@code manifest.json} under {@code dir} through a temporary file and a rename, on any
   * Beam file system: readers see the old manifest or the new one, never half of one.
   */
  public ResourceId writeTo(String dir) throws IOException {
    ResourceId target = FileSystems.matchNewResource(ExtractionPipeline.prefix(dir, FILE), false);
    ResourceId tmp =
        FileSystems.matchNewResource(
            ExtractionPipeline.prefix(dir, "." + FILE + "." + runId + ".tmp"), false);
    try (Writer w =
        Channels.newWriter(FileSystems.create(tmp, "application/json"), StandardCharsets.UTF_8)) {
      w.write(JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
      w.write("\n");
    }
    FileSystems.rename(List.of(tmp), List.of(target));
    return target;
  }
}
