package io.docextract.cli;

import io.docextract.config.JobConfig;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import io.docextract.serve.ChatCompletions;
import io.docextract.serve.ChatServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docextract serve}: a pipeline's model (merged or base + adapter) behind an
 * OpenAI-compatible API, as the second tier other jobs escalate to.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a pipeline's model over an OpenAI-compatible API (POST /v1/chat/completions with"
          + " response_format json_schema, GET /v1/models) until stopped.",
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
      description = "model name clients send and /v1/models lists (default: the pipeline's name)")
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
    ModelSettings settings = config.model();
    if (settings.slotContext() <= maxTokens) {
      throw new CommandFailure(
          ExitCodes.BAD_CONFIG,
          "--max-tokens "
              + maxTokens
              + " leaves no room for a prompt in a slot of "
              + settings.slotContext()
              + " tokens");
    }
    ModelRuntime runtime = ModelRuntime.acquire(settings);
    String served = name == null ? config.name() : name;
    ChatServer server =
        new ChatServer(
                new ChatCompletions(runtime, served, maxTokens),
                new InetSocketAddress(host, port),
                settings.parallel())
            .start();
    out.printf(
        "serving %s (%s%s) at %s/chat/completions, %d slot(s); stop with Ctrl-C%n",
        served,
        Path.of(settings.modelPath()).getFileName(),
        settings.adapterPath() == null ? "" : " + " + Path.of(settings.adapterPath()).getFileName(),
        server.url(),
        settings.parallel());
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
