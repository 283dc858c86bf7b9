package io.docextract.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the LoRA training in Python (torch and peft exist only there): sets up the pinned venv on
 * first use with finetune/setup_venv.sh, then runs finetune/train_lora.py, passing each JSON
 * progress line it prints to a listener.
 */
public final class PythonTrainer {

  private final Path finetuneDir;

  public PythonTrainer(Path finetuneDir) {
    this.finetuneDir = finetuneDir;
  }

  public static Path venv() {
    String v = System.getenv("DOCEXTRACT_VENV");
    return v != null && !v.isBlank()
        ? Path.of(v)
        : Path.of(System.getProperty("user.home"), ".cache", "docextract", "venv");
  }

  /** Creates or checks the venv and the converters; idempotent and quick once done. */
  public void setup(Consumer<String> log) throws IOException, InterruptedException {
    Path script = finetuneDir.resolve("setup_venv.sh");
    if (!Files.isRegularFile(script)) {
      throw new IOException("missing " + script + " (run from the project root)");
    }
    run(List.of("bash", script.toString()), log, null);
  }

  /** Trains; {@code args} are train_lora.py's options. Returns the last JSON event it printed. */
  public JsonNode train(List<String> args, Consumer<String> log, Consumer<JsonNode> progress)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(venv().resolve("bin").resolve("python").toString());
    cmd.add(finetuneDir.resolve("train_lora.py").toString());
    cmd.addAll(args);
    JsonNode[] last = new JsonNode[1];
    run(
        cmd,
        log,
        line -> {
          try {
            JsonNode n = new ObjectMapper().readTree(line);
            last[0] = n;
            progress.accept(n);
          } catch (IOException e) {
            log.accept(line);
          }
        });
    return last[0];
  }

  static void run(List<String> cmd, Consumer<String> log, Consumer<String> stdout)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (stdout != null && line.startsWith("{")) {
          stdout.accept(line);
        } else {
          log.accept(line);
        }
      }
    }
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IOException(
          String.join(" ", cmd.subList(0, Math.min(2, cmd.size())))
              + " failed with exit code "
              + rc);
    }
  }
}
