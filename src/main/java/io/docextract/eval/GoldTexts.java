package io.docextract.eval;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import io.docextract.ingest.ParseOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text of each labelled document: the text given with the gold, or Tika's parse of the file. */
public final class GoldTexts {

  private GoldTexts() {}

  public static Map<GoldDocument, String> load(List<GoldDocument> docs, boolean givenText,
      Path docsDir) throws IOException {
    Map<GoldDocument, String> out = new LinkedHashMap<>();
    DocumentParser parser = givenText ? null : new DocumentParser(ParseLimits.defaults());
    for (GoldDocument g : docs) {
      if (givenText) {
        out.put(g, g.text());
      } else {
        Path file = g.file(docsDir);
        ParseOutcome o = parse(file, parser);
        if (!o.ok()) {
          throw new IOException(file + ": " + o.failure().code() + ": " + o.message());
        }
        out.put(g, o.document().text());
      }
    }
    return out;
  }

  /** A document's text: the gold's own if it has one, else the file parsed; empty if unreadable. */
  public static Optional<String> textOf(GoldDocument g, Path docsDir, DocumentParser parser)
      throws IOException {
    if (g.hasText()) {
      return Optional.of(g.text());
    }
    ParseOutcome o = parse(g.file(docsDir), parser);
    return o.ok() ? Optional.of(o.document().text()) : Optional.empty();
  }

  private static ParseOutcome parse(Path file, DocumentParser parser) throws IOException {
    return parser.parse(Files.readAllBytes(file), file.toString());
  }
}
