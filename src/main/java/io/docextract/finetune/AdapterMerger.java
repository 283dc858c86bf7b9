package io.docextract.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merges a LoRA adapter GGUF into its base GGUF with finetune/merge_adapter.py, in a small venv of
 * its own (gguf and numpy, no torch) so a user who only runs pipelines never installs the training
 * stack. The result is written beside the target and renamed into place, so a reader never sees
 * half a model.
 */
public final class AdapterMerger {

  private final Path finetuneDir;

  public AdapterMerger(Path finetuneDir) {
    this.finetuneDir = finetuneDir;
  }

  /** Returns what the script reported: tensors merged and requantized, the type. */
  public JsonNode merge(Path base, Path adapter, Path target, String type, Consumer<String> log)
      throws IOException, InterruptedException {
    Path script = finetuneDir.resolve("setup_venv.sh");
    if (!Files.isRegularFile(script)) {
      throw new IOException("missing " + script + " (run from the project root)");
    }
    String[] venv = new String[1];
    PythonTrainer.run(
        List.of("bash", script.toString(), "--merge-only"),
        line -> {
          venv[0] = line;
          log.accept(line);
        },
        null);
    if (venv[0] == null || !Files.isDirectory(Path.of(venv[0].strip()))) {
      throw new IOException("setup_venv.sh --merge-only did not name its venv");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    JsonNode[] report = new JsonNode[1];
    PythonTrainer.run(
        List.of(
            Path.of(venv[0].strip(), "bin", "python").toString(),
            finetuneDir.resolve("merge_adapter.py").toString(),
            "--base",
            base.toString(),
            "--adapter",
            adapter.toString(),
            "--out",
            partial.toString(),
            "--type",
            type),
        log,
        line -> {
          try {
            report[0] = new ObjectMapper().readTree(line);
          } catch (IOException e) {
            log.accept(line);
          }
        });
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return report[0];
  }
}
