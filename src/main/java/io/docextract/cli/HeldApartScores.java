package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * An adapter's scores on documents it was never trained on, kept in its training.json under {@code
 * held_apart} (one entry per measurement: when, by what, on which documents, the figures), so the
 * adapter folder says how good the version is beside how it was made. Written beside the file and
 * renamed into place; an adapter without a training.json (not made by finetune) is left alone.
 */
final class HeldApartScores {

  private HeldApartScores() {}

  /** Appends {@code entry}; returns the file written, empty when there is none to extend. */
  static Optional<Path> record(Path adapter, ObjectNode entry) throws IOException {
    Path dir = adapter.toAbsolutePath().getParent();
    Path training = dir.resolve("training.json");
    if (!Files.isRegularFile(training)) {
      return Optional.empty();
    }
    JsonNode t = JsonLines.mapper().readTree(training.toFile());
    if (!t.isObject()) {
      return Optional.empty();
    }
    ObjectNode o = (ObjectNode) t;
    JsonNode held = o.get("held_apart");
    ArrayNode list = held != null && held.isArray() ? (ArrayNode) held : o.putArray("held_apart");
    list.add(entry);
    Path tmp = dir.resolve("training.json.tmp");
    Files.writeString(
        tmp, JsonLines.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
    Files.move(tmp, training, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(training);
  }
}
