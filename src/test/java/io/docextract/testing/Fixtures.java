package io.docextract.testing;

import io.docextract.catalog.Checksums;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.model.ExtractionPrompt;
import io.docextract.model.ModelSettings;
import io.docextract.validate.DocumentSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real pieces for tests: the 1.2 MB stories260K model (llama.cpp runs it in milliseconds; its text
 * is nonsense, so tests check structure, not values) and the shipped schemas.
 */
public final class Fixtures {

  public static final Path STORIES = Path.of("src/test/resources/models/stories260K.gguf");
  public static final Path SROIE_TEXT = Path.of("../shared/data/sroie-train-text/ocr_boxes");
  public static final Path SMOLLM2 = Path.of("../shared/models/SmolLM2-135M-Instruct.Q4_1.gguf");

  private Fixtures() {}

  /** SmolLM2-135M-Instruct from ../shared (chat template, one slot, 2048 context). */
  public static ModelSettings smollm2(int maxTokens) {
    return new ModelSettings(
        SMOLLM2.toAbsolutePath().toString(),
        "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        null,
        null,
        true,
        2048,
        2,
        1,
        maxTokens,
        true);
  }

  /** stories260K with one slot: deterministic at temperature 0. */
  public static ModelSettings stories(int contextSize, int maxTokens) {
    return new ModelSettings(
        STORIES.toAbsolutePath().toString(),
        sha(STORIES),
        null,
        null,
        false,
        contextSize,
        2,
        1,
        maxTokens,
        true);
  }

  public static DocumentSchema schema(String type) {
    try {
      return DocumentSchema.load(Path.of("schemas", type + ".schema.json"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static DocumentTypeConfig type(String name, List<String> match) {
    DocumentSchema schema = schema(name);
    return new DocumentTypeConfig(
        name,
        schema,
        match,
        new ExtractionPrompt("Extract the " + name + " fields.", schema.json(), List.of()));
  }

  public static String sha(Path file) {
    try {
      return Checksums.sha256(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SROIE's OCR lines for one receipt of ../shared/data/sroie-train-text, as a text document. */
  public static String sroieText(String id) {
    StringBuilder text = new StringBuilder();
    try {
      for (String row :
          Files.readAllLines(
              SROIE_TEXT.resolve(id + ".csv"), java.nio.charset.StandardCharsets.UTF_8)) {
        String[] cols = row.split(",", 9);
        if (cols.length == 9) {
          text.append(cols[8]).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      return Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
