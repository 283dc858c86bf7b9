package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docextract.config.JobConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything before a Dataflow launch, offline: the options validate with the Dataflow runner on
 * the classpath, and the real runner translates the job's graph into a Dataflow job description
 * (written as a classic template file instead of being submitted; staging goes to a local folder,
 * credentials and bucket checks are switched off because there is no cloud here).
 */
class DataflowRunnerTest {

  @TempDir Path tmp;

  private String[] args(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--runner=DataflowRunner",
                "--project=docextract-test",
                "--region=europe-west1",
                "--gcpTempLocation=" + tmp.resolve("temp"),
                "--stagingLocation=" + tmp.resolve("staging"),
                "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
                "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
                "--filesToStage=" + Path.of("pom.xml").toAbsolutePath()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void theJobTranslatesToADataflowJobOffline() throws Exception {
    Path in = ExtractDocumentsTest.folder(tmp.resolve("in"));
    JobConfig job = ExtractDocumentsTest.job(in, tmp.resolve("out"));
    Path template = tmp.resolve("template.json");
    DataflowPipelineOptions options =
        PipelineOptionsFactory.fromArgs(args("--templateLocation=" + template))
            .withValidation()
            .as(DataflowPipelineOptions.class);
    assertEquals(DataflowRunner.class, options.getRunner());

    Pipeline p = Pipeline.create(options);
    ExtractionPipeline.build(
        p, job, OutputLayout.adding(job.output(), job.review(), "20261124T000000Z"));
    p.run();

    JsonNode spec = new ObjectMapper().readTree(template.toFile());
    List<String> steps = new ArrayList<>();
    spec.path("steps")
        .forEach(s -> steps.add(s.path("properties").path("user_name").path("value").asText()));
    String all = String.join("\n", steps);
    assertTrue(
        Files.isRegularFile(tmp.resolve("staging").resolve("pom.xml"))
            || Files.list(tmp.resolve("staging")).findAny().isPresent(),
        "files were staged");
    for (String stage :
        List.of(
            "ExtractDocuments/MatchDocuments",
            "ExtractDocuments/SkipProcessed",
            "ExtractDocuments/ParseDocuments",
            "ExtractDocuments/ExtractFields",
            "ExtractDocuments/ValidateRecords",
            "WriteRecords",
            "RouteFailures")) {
      assertTrue(all.contains(stage), stage + " not among the Dataflow steps:\n" + all);
    }
  }

  @Test
  void missingDataflowSettingsAreRefusedBeforeLaunch() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DataflowRunner.fromOptions(
                    PipelineOptionsFactory.fromArgs(
                            "--runner=DataflowRunner",
                            "--project=docextract-test",
                            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory")
                        .withValidation()
                        .create()));
    assertTrue(
        e.getMessage().contains("region") || e.getMessage().contains("gcpTempLocation"),
        e.getMessage());
  }
}
