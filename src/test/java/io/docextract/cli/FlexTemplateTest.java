package io.docextract.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The checked-in Dataflow Flex Template matches the code: its parameters are exactly the run
 * command's options (a launch passes each as --name=value), optional where the option is, and a
 * launch's arguments parse; the Dockerfile names a main class that exists and copies files that do.
 */
class FlexTemplateTest {

  private static final Path METADATA = Path.of("dataflow/metadata.json");
  private static final Path DOCKERFILE = Path.of("dataflow/Dockerfile");

  /** Options that make no sense for a template launch, which always submits and returns. */
  private static final Set<String> NOT_PARAMETERS =
      Set.of("--help", "--version", "--detach", "--progress-every");

  private static CommandLine run() {
    return DocExtract.commandLine().getSubcommands().get("run");
  }

  @Test
  void theParametersAreTheRunCommandsOptions() throws Exception {
    JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
    Map<String, Boolean> parameters = new TreeMap<>();
    for (JsonNode p : metadata.path("parameters")) {
      parameters.put("--" + p.path("name").asText(), p.path("isOptional").asBoolean(false));
    }
    Map<String, Boolean> options = new TreeMap<>();
    for (OptionSpec o : run().getCommandSpec().options()) {
      if (!NOT_PARAMETERS.contains(o.longestName())) {
        options.put(o.longestName(), !o.required());
      }
    }
    assertEquals(options, parameters, "name -> optional, run command vs " + METADATA);
  }

  @Test
  void aLaunchsArgumentsParseAsTheRunCommand() {
    String[] argv =
        FlexTemplateMain.commandLine(
            "--pipeline=pipelines/receipt.yaml",
            "--input=gs://bucket/drop/*",
            "--output=gs://bucket/out",
            "--incremental=true",
            "--project=p",
            "--region=europe-west1");
    CommandLine.ParseResult parsed = DocExtract.commandLine().parseArgs(argv).subcommand();
    assertEquals("run", parsed.commandSpec().name());
    RunCommand cmd = (RunCommand) parsed.commandSpec().userObject();
    assertEquals(Path.of("pipelines/receipt.yaml"), cmd.pipeline);
    assertEquals("gs://bucket/drop/*", cmd.input);
    assertTrue(cmd.incremental);
    assertTrue(cmd.detach);
    assertArrayEquals(
        new String[] {"--project=p", "--region=europe-west1", "--runner=DataflowRunner"},
        cmd.beamArgs.toArray(String[]::new));
  }

  @Test
  void theDockerfileStartsAMainThatExistsAndCopiesFilesThatExist() throws Exception {
    String docker = Files.readString(DOCKERFILE);
    Matcher main = Pattern.compile("FLEX_TEMPLATE_JAVA_MAIN_CLASS=(\\S+)").matcher(docker);
    assertTrue(main.find(), "no FLEX_TEMPLATE_JAVA_MAIN_CLASS in " + DOCKERFILE);
    Class<?> cls = Class.forName(main.group(1));
    assertEquals(void.class, cls.getMethod("main", String[].class).getReturnType());
    Set<String> missing = new TreeSet<>();
    Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(docker);
    while (copy.find()) {
      String src = copy.group(1);
      if (!src.startsWith("target/") && !src.equals("dataflow/models")) { // built / copied in
        if (!Files.exists(Path.of(src))) {
          missing.add(src);
        }
      }
    }
    assertEquals(Set.of(), missing, "COPY sources missing from the project");
    assertTrue(
        docker.contains("apache/beam_java17_sdk:2.62.0"),
        "the worker image must be Beam's Java 17 SDK at the runner's version");
  }
}
