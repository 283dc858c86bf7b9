package io.docextract.cli;

import io.docextract.config.JobConfig;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.pipeline.TypeModels;
import io.docextract.serve.ChatCompletions;
import io.docextract.serve.ChatServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract serve}: a pipeline's models (merged or base + adapter) behind an
 * OpenAI-compatible API, as the second tier other jobs escalate to or a first tier elsewhere: each
 * document type under its own name, on one shared base where the types' models differ only in their
 * adapter.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a pipeline's models over an OpenAI-compatible API (POST /v1/chat/completions with"
          + " response_format json_schema, GET /v1/models) until stopped. Each document type is"
          + " served under its name with its own model or adapter; the pipeline's name answers as"
          + " its first type.",
      "",
      "Example: docextract serve --pipeline pipelines/receipt.yaml --port 8080"
    })
public final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--pipeline",
      required = true,
      paramLabel = "FILE",
      description = "pipeline whose model (and adapter, merged if built) is served")
  Path pipeline;

  @Option(names = "--model", paramLabel = "PATH|NAME", description = "serve this GGUF instead")
  String model;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default ${DEFAULT-VALUE}: this machine only)")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "default ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "name for the first type's model, beside each type's own name (default: the pipeline's"
              + " name)")
  String name;

  @Option(
      names = "--max-tokens",
      defaultValue = "512",
      description = "upper bound on any request's max_tokens (default ${DEFAULT-VALUE})")
  int maxTokens;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JobConfig config = Pipelines.load(pipeline, model);
    TypeModels types = TypeModels.of(config.model(), config.documentTypes());
    Map<String, ChatCompletions.Served> served = new LinkedHashMap<>();
    Map<String, String> described = new LinkedHashMap<>();
    Set<ModelRuntime> runtimes = new LinkedHashSet<>();
    for (Map.Entry<String, ModelRuntime> t : types.acquire().entrySet()) {
      ModelSettings request = types.request(t.getKey());
      ModelRuntime runtime = t.getValue();
      if (runtime.settings().slotContext() <= maxTokens) {
        throw new CommandFailure(
            ExitCodes.BAD_CONFIG,
            "--max-tokens "
                + maxTokens
                + " leaves no room for a prompt in a slot of "
                + runtime.settings().slotContext()
                + " tokens");
      }
      runtimes.add(runtime);
      ChatCompletions.Served s = new ChatCompletions.Served(runtime, request.adapterPath());
      // The pipeline's own name (or --name) answers as its first type, as before types had models.
      if (served.isEmpty()) {
        served.put(name == null ? config.name() : name, s);
      }
      served.putIfAbsent(t.getKey(), s);
      described.put(
          t.getKey(),
          Path.of(runtime.settings().modelPath()).getFileName()
              + (request.adapterPath() == null
                  ? ""
                  : " + " + Path.of(request.adapterPath()).getFileName()));
    }
    int slots = runtimes.stream().mapToInt(r -> r.settings().concurrency()).sum();
    ChatServer server =
        new ChatServer(
                new ChatCompletions(served, maxTokens), new InetSocketAddress(host, port), slots)
            .start();
    out.printf(
        "serving %s at %s/chat/completions, %d model(s) loaded, %d slot(s); stop with Ctrl-C%n",
        served.keySet(), server.url(), runtimes.size(), slots);
    described.forEach((type, m) -> out.printf("  %s: %s%n", type, m));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return ExitCodes.OK;
  }
}
