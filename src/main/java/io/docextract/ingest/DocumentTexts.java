package io.docextract.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A document's text outside the pipeline — for eval, bench, classification checks, the review queue
 * and its import — parsed as the pipeline parses it: with the pipeline's {@link ParseLimits}, so a
 * limit that sent a document to review in the run does the same here.
 */
public final class DocumentTexts implements AutoCloseable {

  private final DocumentParser parser;

  public DocumentTexts(ParseLimits limits) {
    this.parser = new DocumentParser(limits);
  }

  public ParseLimits limits() {
    return parser.limits();
  }

  /** The file parsed whole (a container's body and parts as one text). */
  public ParseOutcome parse(Path file) throws IOException {
    return parser.parse(Files.readAllBytes(file), file.toString());
  }

  /** The file's text, or empty when it cannot be parsed. */
  public Optional<String> text(Path file) throws IOException {
    ParseOutcome o = parse(file);
    return o.ok() ? Optional.of(o.document().text()) : Optional.empty();
  }

  /**
   * The text of a run's source, or empty when it cannot be read or parsed. A container's body and
   * parts ({@code file!/path/inside}) are found again among the documents the file yields.
   */
  public Optional<String> ofSource(String source) {
    String local = source.replaceFirst("^file:", "");
    int bang = local.indexOf("!/");
    Path path = Path.of(bang < 0 ? local : local.substring(0, bang));
    try {
      if (Files.size(path) > parser.limits().maxFileBytes()) {
        return Optional.empty(); // never parsed (too_large): not read into memory here either
      }
      byte[] bytes = Files.readAllBytes(path);
      // A file's own document (a container's body), or the part the source names.
      String wanted = bang < 0 ? path.toString() : path + local.substring(bang);
      for (ParseOutcome o : parser.parseAll(bytes, path.toString())) {
        if (o.ok() && o.source().equals(wanted)) {
          return Optional.of(o.document().text());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    parser.close();
  }
}
