package io.docextract.passages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassageSelectorTest {

  private static final String FILLER =
      "The Recipient shall use reasonable care with the"
          + " materials described herein and return them on request. ";

  private static String contract() {
    StringBuilder sb =
        new StringBuilder(
            "MUTUAL NONDISCLOSURE AGREEMENT\n\nThis Agreement is"
                + " made on May 1, 2004 between Acme Corp. and Bolt LLC.\n\n");
    for (int i = 0; i < 40; i++) {
      sb.append(i).append(". ").append(FILLER.repeat(3)).append("\n\n");
    }
    sb.append("This Agreement shall be governed by the laws of the State of Delaware.\n\n");
    for (int i = 40; i < 60; i++) {
      sb.append(i).append(". ").append(FILLER.repeat(3)).append("\n\n");
    }
    return sb.toString();
  }

  @Test
  void keepsTheOpeningAndTheBestPassagePerFieldInDocumentOrder() {
    PassageSelector s =
        new PassageSelector(
            Map.of(
                "jurisdiction", List.of("jurisdiction", "governed laws state"),
                "effective_date", List.of("effective date", "made dated")),
            400);
    String text = contract();
    PassageSelector.Selection sel = s.select(text, 1200);
    assertTrue(sel.text().length() <= 1200, sel.text().length() + " chars");
    assertTrue(sel.text().startsWith("MUTUAL NONDISCLOSURE AGREEMENT"), sel.text());
    assertTrue(sel.text().contains("governed by the laws of the State of Delaware"), sel.text());
    assertTrue(sel.text().contains(PassageSelector.GAP), "skipped passages are marked");
    assertTrue(sel.chosen() < sel.total());
  }

  @Test
  void aTextThatFitsIsLeftWhole() {
    PassageSelector s = new PassageSelector(Map.of("x", List.of("x")), 400);
    assertEquals("short text", s.select("short text", 1000).text());
  }

  @Test
  void passagesCoverTheTextAndLongParagraphsAreCutAfterASentence() {
    String text = contract();
    List<Passage> passages = Passages.split(text, 500);
    int covered = 0;
    for (Passage p : passages) {
      assertTrue(p.end() - p.start() <= 500 + 1, "passage " + p.index() + " too long");
      assertEquals(text.substring(p.start(), p.end()), p.text());
      covered += p.text().strip().length();
    }
    assertTrue(covered > text.strip().length() * 0.95, "passages lose no text");
    String sentenceRun = FILLER.repeat(20);
    for (Passage p : Passages.split(sentenceRun, 300)) {
      assertTrue(p.text().strip().endsWith("."), "cut after a sentence: " + p.text());
      assertFalse(p.text().isBlank());
    }
  }
}
