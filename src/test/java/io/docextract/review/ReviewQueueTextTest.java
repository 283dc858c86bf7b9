package io.docextract.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docextract.ingest.DocumentParser;
import io.docextract.ingest.ParseLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Review export finds the text of a container's body and of each part again from its source. */
class ReviewQueueTextTest {

  @Test
  void theBodyAndAnAttachmentOfAnEmailAreFoundFromTheirSources() {
    String eml = Path.of("sample-docs/email/invoice-from-emerald.eml").toString();
    try (DocumentParser parser = new DocumentParser(ParseLimits.defaults())) {
      String body = ReviewQueue.textOf(parser, eml, 100_000);
      String pdf = ReviewQueue.textOf(parser, eml + "!/invoice-EOS-3391.pdf", 100_000);

      assertTrue(body.contains("Hello Harbourview team"), body);
      assertFalse(body.contains("Ergonomic desk chair"), body);
      assertTrue(pdf.contains("Ergonomic desk chair"), pdf);
      assertNull(ReviewQueue.textOf(parser, eml + "!/no-such-part.pdf", 100_000));
    }
  }
}
