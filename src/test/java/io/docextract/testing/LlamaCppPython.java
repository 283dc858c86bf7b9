package io.docextract.testing;

import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import io.docextract.config.JobConfig;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * llama-cpp-python's OpenAI-compatible server (PyPI {@code llama-cpp-python[server]}, which .ci/run
 * installs): a server the project did not write, run on loopback around a GGUF and an optional LoRA
 * adapter.
 *
 * <p>With {@code -Ddocextract.test.tier1=llama-cpp-python}, {@link #servedIfAsked} sends the first
 * tier of the pipeline tests that call it to such a server instead of the in-process runtime, so
 * the same tests check both backends; .ci/run runs them that way after the ordinary pass.
 */
public final class LlamaCppPython implements AutoCloseable {

  public static final String TIER1 = "docextract.test.tier1";

  /** The python whose site-packages hold llama_cpp; .ci/run makes this venv. */
  public static final Path PYTHON =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "DOCEXTRACT_LLAMA_CPP_PYTHON",
                  System.getProperty("user.home") + "/.cache/docextract/venv-lcp/bin/python"));

  private static final Map<List<Object>, LlamaCppPython> SHARED = new HashMap<>();

  private final Process process;
  private final Path log;
  private final String url;
  private final String alias;

  private LlamaCppPython(Process process, Path log, String url, String alias) {
    this.process = process;
    this.log = log;
    this.url = url;
    this.alias = alias;
  }

  /** Skips the test where the server is not installed, except in CI, where that is a failure. */
  public static void assumeInstalled() {
    if (!Files.isExecutable(PYTHON)) {
      assumeTrue(
          "llama-cpp-python's server is not installed at " + PYTHON + " (.ci/run installs it)",
          System.getenv("CI") != null);
      fail("CI should have installed llama-cpp-python's server at " + PYTHON);
    }
  }

  /**
   * Starts a server around this GGUF (and adapter, may be null) and waits until it answers. Models
   * this JVM holds idle are released first: their OpenMP threads would take the cores the server
   * decodes on.
   */
  public static LlamaCppPython start(String model, String adapter, int contextSize, Path log)
      throws IOException, InterruptedException {
    ModelRuntime.shutdownIdle();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String alias = "served";
    List<String> command =
        new ArrayList<>(
            List.of(
                PYTHON.toString(), "-m", "llama_cpp.server", "--model", model, "--model_alias"));
    command.add(alias);
    if (adapter != null) {
      command.addAll(List.of("--lora_path", adapter));
    }
    // ChatML is what our runtime renders for template-less GGUFs such as Gemma 3 270M's.
    command.addAll(
        List.of(
            "--chat_format",
            "chatml",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--n_ctx",
            String.valueOf(contextSize),
            "--n_threads",
            "2",
            "--n_threads_batch",
            "2"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LlamaCppPython server =
        new LlamaCppPython(process, log, "http://127.0.0.1:" + port + "/v1", alias);
    try {
      server.awaitModels();
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * The job unchanged, or, under {@code -Ddocextract.test.tier1=llama-cpp-python}, with its first
   * tier sent to a llama-cpp-python server holding the job's model and adapter (one server per
   * model for the whole test JVM).
   */
  public static JobConfig servedIfAsked(JobConfig job) {
    String asked = System.getProperty(TIER1, "");
    if (asked.isEmpty() || asked.equals("in-process")) {
      return job;
    }
    if (!asked.equals("llama-cpp-python")) {
      throw new IllegalArgumentException(TIER1 + " is in-process or llama-cpp-python: " + asked);
    }
    assumeInstalled();
    ModelSettings m = job.model();
    LlamaCppPython server;
    synchronized (SHARED) {
      List<Object> key = List.of(m.modelPath(), String.valueOf(m.adapterPath()), m.contextSize());
      server = SHARED.get(key);
      if (server == null) {
        try {
          Path log = Files.createTempFile("llama-cpp-python", ".log");
          log.toFile().deleteOnExit();
          server = start(m.modelPath(), m.adapterPath(), m.contextSize(), log);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        SHARED.put(key, server);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      }
    }
    return job.withEndpoint(server.endpoint(m.maxTokens()));
  }

  public String url() {
    return url;
  }

  /** The first tier's settings for this server: the schema as llama-cpp-python takes it. */
  public EndpointSettings endpoint(int maxTokens) {
    return endpoint(maxTokens, EndpointSettings.JSON_OBJECT);
  }

  /** The first tier's settings for this server: one request at a time, logprobs. */
  public EndpointSettings endpoint(int maxTokens, String responseFormat) {
    return new EndpointSettings(
        url,
        alias,
        null,
        900,
        1,
        maxTokens,
        1_000_000,
        UUID.randomUUID().toString(),
        1,
        true,
        responseFormat);
  }

  private void awaitModels() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("llama-cpp-python's server exited: " + tail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/models"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("llama-cpp-python's server did not come up: " + tail());
  }

  private String tail() throws IOException {
    String s = Files.exists(log) ? Files.readString(log) : "";
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
