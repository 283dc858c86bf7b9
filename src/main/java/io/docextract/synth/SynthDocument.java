package io.docextract.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One generated document before it is written: its type, the printed lines (the layout is
 * already decided), the format to write them in, and the gold fields as the schema wants them.
 */
public record SynthDocument(String type, List<String> lines, Format format, ObjectNode gold) {

  /** How the lines become a file; the share of each is set by {@link SynthCorpus}. */
  public enum Format {
    TXT("txt"), HTML("html"), PDF("pdf");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }
}
