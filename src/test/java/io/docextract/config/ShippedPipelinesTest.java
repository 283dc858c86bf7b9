package io.docextract.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.docextract.catalog.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pipeline file in the repository loads: schemas, rules, examples and adapters all found. */
class ShippedPipelinesTest {

  static List<Path> pipelines() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("pipelines"))) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.startsWith(Path.of("pipelines", "rules")))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("pipelines")
  void loads(Path file) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("../shared/models")), "needs ../shared/models");
    JobConfig config = new PipelineLoader(ModelStore.fromEnvironment()).load(file, null);
    assertFalse(config.documentTypes().isEmpty());
  }
}
