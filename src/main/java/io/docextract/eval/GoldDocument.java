package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One labelled document of a gold file: {@code {"doc": "file", "fields": {...}}}, optionally with
 * its text given apart from the file ({@code "text": "text/x.txt"} or SROIE's {@code "ocr_boxes":
 * "ocr_boxes/x.csv"}), so extraction can be measured apart from OCR.
 */
public record GoldDocument(
    String doc, JsonNode fields, String textPath, String ocrBoxes, Path base) {

  /** The document file, relative to the gold file's folder unless {@code docs} is given. */
  public Path file(Path docs) {
    return (docs == null ? base : docs).resolve(doc);
  }

  public boolean hasText() {
    return textPath != null || ocrBoxes != null;
  }

  /** The text that comes with the gold: the OCR lines (the columns after the 8 box coordinates). */
  public String text() throws IOException {
    if (ocrBoxes != null) {
      List<String> rows = Files.readAllLines(base.resolve(ocrBoxes));
      return rows.stream()
          .map(GoldDocument::afterCoordinates)
          .filter(s -> !s.isBlank())
          .collect(Collectors.joining("\n"));
    }
    if (textPath != null) {
      return Files.readString(base.resolve(textPath));
    }
    throw new IOException(doc + ": the gold gives no text (no 'text' or 'ocr_boxes')");
  }

  static String afterCoordinates(String row) {
    int commas = 0;
    for (int i = 0; i < row.length(); i++) {
      if (row.charAt(i) == ',' && ++commas == 8) {
        return row.substring(i + 1).strip();
      }
    }
    return row.strip();
  }
}
