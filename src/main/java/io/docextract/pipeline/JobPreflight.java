package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.config.JobConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.Grammars;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * What must hold before a job starts, so it fails in a second with a clear message rather than on a
 * worker: the input matches files, the model loads, and every schema's grammar is enforced.
 */
public final class JobPreflight {

  /** What went wrong, for the caller to map to an exit code. */
  public enum Problem {
    NONE,
    NO_INPUT,
    MODEL,
    CONFIG,
    INTERRUPTED
  }

  /** The outcome: ok with the number of input files, or a message and the problem. */
  public record Result(boolean ok, long inputs, String message, Problem problem) {
    static Result fail(String message, Problem problem) {
      return new Result(false, 0, message, problem);
    }
  }

  private JobPreflight() {}

  public static Result check(JobConfig config, PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    long inputs;
    try {
      MatchResult match = FileSystems.match(config.input());
      inputs = match.status() == MatchResult.Status.OK ? match.metadata().size() : 0;
    } catch (IOException e) {
      return Result.fail(
          "cannot list input '" + config.input() + "': " + e.getMessage(), Problem.NO_INPUT);
    }
    if (inputs == 0) {
      return Result.fail("input '" + config.input() + "' matches no file", Problem.NO_INPUT);
    }
    Result first =
        config.endpoint() != null
            ? checkEndpoint(config.endpoint(), "endpoint", inputs)
            : checkModels(config, TypeModels.of(config.model(), config.documentTypes()));
    if (!first.ok() || config.escalation() == null) {
      return first.ok() ? new Result(true, inputs, null, Problem.NONE) : first;
    }
    if (config.escalation().remote()) {
      return checkEndpoint(config.escalation().endpoint(), "escalation.endpoint", inputs);
    }
    // The second tier is one model for every type, as ExtractDocuments runs it.
    Result second =
        checkModels(
            config,
            TypeModels.of(
                config.escalation().model(),
                config.documentTypes().stream().map(t -> t.withModel(null)).toList()));
    return second.ok() ? new Result(true, inputs, null, Problem.NONE) : second;
  }

  /** Nothing is sent before the run; only what can be checked here is. */
  private static Result checkEndpoint(EndpointSettings endpoint, String key, long inputs) {
    String env = endpoint.apiKeyEnv();
    if (env != null && (System.getenv(env) == null || System.getenv(env).isBlank())) {
      return Result.fail(key + ".apiKeyEnv names " + env + ", which is not set", Problem.CONFIG);
    }
    return new Result(true, inputs, null, Problem.NONE);
  }

  /**
   * Every type's model loads, the same copies the extraction will use (a shared base with all its
   * adapters), and enforces the type's grammar.
   */
  private static Result checkModels(JobConfig config, TypeModels models) {
    Map<String, ModelRuntime> runtimes;
    try {
      runtimes = models.acquire();
    } catch (RuntimeException e) {
      return Result.fail(
          "cannot load model "
              + models.bases().keySet().stream().map(ModelSettings::modelPath).toList()
              + ": "
              + e.getMessage(),
          Problem.MODEL);
    }
    try {
      for (DocumentTypeConfig type : config.documentTypes()) {
        runtimes
            .get(type.name())
            .checkGrammar(Grammars.forSchema(type.schema().json()), type.name());
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      return Result.fail(config.pipelineFile() + ": " + e.getMessage(), Problem.CONFIG);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.fail("interrupted", Problem.INTERRUPTED);
    } finally {
      runtimes.values().stream().distinct().forEach(ModelRuntime::close);
    }
    return new Result(true, 0, null, Problem.NONE);
  }
}
