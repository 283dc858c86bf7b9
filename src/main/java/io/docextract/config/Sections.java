package io.docextract.config;

/** What every section parser needs: a required key, and a value or its default. */
final class Sections {

  private Sections() {}

  static void require(String value, String where, String key) throws InvalidPipelineException {
    if (value == null || value.isBlank()) {
      throw new InvalidPipelineException(where + ": '" + key + "' is required");
    }
  }

  static <T> T or(T value, T otherwise) {
    return value == null ? otherwise : value;
  }
}
