package io.docextract.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A run's source is found again: the body of a container and each of its parts. */
class DocumentTextsTest {

  @Test
  void theBodyAndAnAttachmentOfAnEmailAreFoundFromTheirSources() {
    String eml = Path.of("sample-docs/email/invoice-from-emerald.eml").toString();
    try (DocumentTexts texts = new DocumentTexts(ParseLimits.defaults())) {
      String body = texts.ofSource(eml).orElseThrow();
      String pdf = texts.ofSource(eml + "!/invoice-EOS-3391.pdf").orElseThrow();

      assertTrue(body.contains("Hello Harbourview team"), body);
      assertFalse(body.contains("Ergonomic desk chair"), body);
      assertTrue(pdf.contains("Ergonomic desk chair"), pdf);
      assertTrue(texts.ofSource(eml + "!/no-such-part.pdf").isEmpty());
    }
  }
}
