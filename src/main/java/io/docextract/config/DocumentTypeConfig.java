package io.docextract.config;

import io.docextract.model.ExtractionPrompt;
import io.docextract.validate.DocumentSchema;
import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** A checked document type, ready to travel to workers. Grammar is filled in at job start. */
public record DocumentTypeConfig(
    String name, DocumentSchema schema, List<String> match, ExtractionPrompt prompt)
    implements Serializable {

  public DocumentTypeConfig {
    match = match == null ? List.of() : List.copyOf(match);
  }

  /** True when the file at this path belongs to the type (every path, when no globs are set). */
  public boolean matches(String path) {
    if (match.isEmpty()) {
      return true;
    }
    Path p = Path.of(path.startsWith("file:") ? path.substring(5) : path);
    for (String glob : match) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (m.matches(p)) {
        return true;
      }
    }
    return false;
  }
}
