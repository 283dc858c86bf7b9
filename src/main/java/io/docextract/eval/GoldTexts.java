package io.docextract.eval;

import io.docextract.ingest.DocumentTexts;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of each labelled document: the text given with the gold, or Tika's parse of the file.
 */
public final class GoldTexts {

  private GoldTexts() {}

  /** Each document's text, the files parsed with the pipeline's {@code limits}. */
  public static Map<GoldDocument, String> load(
      List<GoldDocument> docs, boolean givenText, Path docsDir, ParseLimits limits)
      throws IOException {
    Map<GoldDocument, String> out = new LinkedHashMap<>();
    if (givenText) {
      for (GoldDocument g : docs) {
        out.put(g, g.text());
      }
      return out;
    }
    try (DocumentTexts texts = new DocumentTexts(limits)) {
      for (GoldDocument g : docs) {
        Path file = g.file(docsDir);
        ParseOutcome o = texts.parse(file);
        if (!o.ok()) {
          throw new IOException(file + ": " + o.failure().code() + ": " + o.message());
        }
        out.put(g, o.document().text());
      }
    }
    return out;
  }

  /** A document's text: the gold's own if it has one, else the file parsed; empty if unreadable. */
  public static Optional<String> textOf(GoldDocument g, Path docsDir, DocumentTexts texts)
      throws IOException {
    if (g.hasText()) {
      return Optional.of(g.text());
    }
    return texts.text(g.file(docsDir));
  }
}
