package io.docextract.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.JsonLines;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A reviewed document: its values as a person set them and the text they were read from. {@link
 * #write} turns a batch into the evaluation gold format (which {@code eval} and {@code finetune}
 * read as it is, with {@code --text}) and into corrected records.
 */
public record Correction(
    String id, String source, String documentType, String text, ObjectNode fields) {

  /**
   * Writes gold.jsonl (doc = the source file, text = texts/ID.txt beside it) and records.jsonl (the
   * records the pipeline would have written, marked as corrected by review).
   */
  public static void write(List<Correction> corrections, Path goldFile, Path recordsFile)
      throws IOException {
    Path dir = goldFile.toAbsolutePath().getParent();
    Files.createDirectories(dir.resolve("texts"));
    try (BufferedWriter gold = Files.newBufferedWriter(goldFile);
        BufferedWriter records = Files.newBufferedWriter(recordsFile)) {
      for (Correction c : corrections) {
        String textPath = "texts/" + c.id() + ".txt";
        Files.writeString(dir.resolve(textPath), c.text());
        ObjectNode g = JsonLines.mapper().createObjectNode();
        g.put("doc", c.source());
        g.put("text", textPath);
        g.set("fields", c.fields());
        gold.write(g.toString());
        gold.newLine();
        ObjectNode r = JsonLines.mapper().createObjectNode();
        r.put("id", c.id());
        r.put("source", c.source());
        r.put("document_type", c.documentType());
        r.set("fields", c.fields());
        r.putObject("lineage").put("corrected_by", "review");
        records.write(r.toString());
        records.newLine();
      }
    }
  }
}
