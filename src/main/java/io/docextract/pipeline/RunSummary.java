package io.docextract.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.review.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What a finished run left behind, counted from the files the sinks wrote rather than from
 * metrics, so the summary can only say what is really there.
 */
public record RunSummary(
    String pipeline,
    String runner,
    long inputs,
    long records,
    long review,
    Map<String, Long> reviewByReason,
    double wallSeconds,
    double docsPerMinute,
    List<String> recordFiles,
    List<String> reviewFiles) {

  public boolean balanced() {
    return inputs == records + review;
  }

  /** Counts the lines of records*.jsonl and review*.jsonl written under the output locations. */
  public static RunSummary collect(String pipeline, String runner, long inputs, String output,
      String reviewDir, double wallSeconds) throws IOException {
    List<String> recordFiles = files(ExtractionPipeline.prefix(output, "records") + "*.jsonl");
    List<String> reviewFiles = files(ExtractionPipeline.prefix(reviewDir, "review") + "*.jsonl");
    long records = 0;
    for (String f : recordFiles) {
      records += lines(f).size();
    }
    Map<String, Long> byReason = new TreeMap<>();
    long review = 0;
    for (String f : reviewFiles) {
      for (String line : lines(f)) {
        JsonNode node = JsonLines.mapper().readTree(line);
        byReason.merge(node.path("reason").asText("?"), 1L, Long::sum);
        review++;
      }
    }
    double perMin = wallSeconds > 0 ? inputs * 60.0 / wallSeconds : 0;
    return new RunSummary(pipeline, runner, inputs, records, review, byReason,
        Math.round(wallSeconds * 100) / 100.0, Math.round(perMin * 10) / 10.0, recordFiles,
        reviewFiles);
  }

  /** Writes summary.json beside the records. */
  public void writeTo(String output) throws IOException {
    ResourceId target = FileSystems.matchNewResource(ExtractionPipeline.prefix(output, "summary.json"),
        false);
    try (Writer w = Channels.newWriter(FileSystems.create(target, "application/json"),
        StandardCharsets.UTF_8)) {
      w.write(JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
      w.write("\n");
    }
  }

  /** Removes the sinks' files of an earlier run at the same place, so counts are this run's. */
  public static void clearPrevious(String output, String reviewDir) throws IOException {
    List<ResourceId> old = new ArrayList<>();
    for (String glob : List.of(ExtractionPipeline.prefix(output, "records") + "*.jsonl",
        ExtractionPipeline.prefix(reviewDir, "review") + "*.jsonl")) {
      for (MatchResult.Metadata m : FileSystems.match(glob).metadata()) {
        old.add(m.resourceId());
      }
    }
    FileSystems.delete(old);
  }

  static List<String> files(String glob) throws IOException {
    MatchResult match = FileSystems.match(glob);
    if (match.status() != MatchResult.Status.OK) {
      return List.of();
    }
    return match.metadata().stream().map(m -> m.resourceId().toString()).sorted().toList();
  }

  private static List<String> lines(String file) throws IOException {
    ResourceId id = FileSystems.matchNewResource(file, false);
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Channels.newInputStream(FileSystems.open(id)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
