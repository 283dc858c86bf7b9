package io.docextract.cli;

import io.docextract.config.JobConfig;
import io.docextract.model.ModelSettings;
import io.docextract.pipeline.OutputLayout;
import io.docextract.pipeline.RunCounters;
import io.docextract.pipeline.RunManifest;
import io.docextract.pipeline.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.ReleaseInfo;
import picocli.CommandLine.Command;

/** Assembles a run's manifest from its configuration, summary and counters. */
final class Manifests {

  private Manifests() {}

  static RunManifest of(
      String runId,
      Path pipelineFile,
      JobConfig config,
      OutputLayout layout,
      RunSummary summary,
      RunCounters counters,
      Instant started,
      double preflightSeconds,
      double jobSeconds,
      double totalSeconds,
      PipelineOptions options,
      Map<String, Object> commandOptions) {
    ModelSettings m = config.model();
    ModelSettings t2 = config.escalation() == null ? null : config.escalation().model();
    Map<String, Object> opts = new LinkedHashMap<>(commandOptions);
    opts.put("runner", options.getRunner().getSimpleName());
    return new RunManifest(
        runId,
        config.name(),
        pipelineFile.toString(),
        started.toString(),
        Instant.now().toString(),
        config.input(),
        config.output(),
        config.review(),
        layout.incremental(),
        new RunManifest.Counts(
            summary.inputs(),
            summary.skipped(),
            summary.records(),
            summary.review(),
            summary.reviewByReason(),
            summary.recordsByTier(),
            counters.modelRequests()),
        new RunManifest.Durations(
            round(preflightSeconds),
            round(jobSeconds),
            round(totalSeconds),
            summary.docsPerMinute()),
        new RunManifest.Models(
            m.modelPath(),
            m.modelSha256(),
            m.adapterPath(),
            m.adapterSha256(),
            t2 == null ? null : t2.modelPath(),
            t2 == null ? null : t2.modelSha256(),
            t2 == null ? null : t2.adapterPath(),
            t2 == null ? null : t2.adapterSha256(),
            summary.model()),
        versions(options),
        opts,
        counters.values(),
        summary.recordFiles(),
        summary.reviewFiles());
  }

  private static Map<String, String> versions(PipelineOptions options) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(
        "docextract",
        DocExtract.class
            .getAnnotation(Command.class)
            .version()[0]
            .replaceFirst("^docextract ", ""));
    v.put("beam", ReleaseInfo.getReleaseInfo().getVersion());
    v.put("tika", mavenVersion("org.apache.tika", "tika-core"));
    v.put("llama", mavenVersion("de.kherud", "llama"));
    v.put("java", System.getProperty("java.version"));
    v.put("runner", options.getRunner().getName());
    return v;
  }

  /** The version in a dependency's pom.properties (kept in the shaded jar), or "unknown". */
  private static String mavenVersion(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Manifests.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 100) / 100.0;
  }
}
