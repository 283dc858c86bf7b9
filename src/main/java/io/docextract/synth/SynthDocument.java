package io.docextract.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One generated document before it is written: its type, the printed lines (the layout is already
 * decided), the format to write them in, the gold fields as the schema wants them, the layout's
 * blocks (tables kept as tables for HTML and DOCX; empty when the lines are all there is) and how
 * some gold values were printed ({@code amount -> "1.234,56"}), for tests.
 */
public record SynthDocument(
    String type,
    List<String> lines,
    Format format,
    ObjectNode gold,
    List<Block> blocks,
    Map<String, String> printed) {

  SynthDocument(String type, List<String> lines, Format format, ObjectNode gold) {
    this(type, lines, format, gold, List.of(), Map.of());
  }

  /** How the lines become a file; the share of each is set by {@link SynthCorpus}. */
  public enum Format {
    TXT("txt"),
    HTML("html"),
    PDF("pdf"),
    /** A PDF whose text runs are drawn at their places in a proportional face (invoices). */
    PDF_RUNS("pdf"),
    DOCX("docx");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }
}
