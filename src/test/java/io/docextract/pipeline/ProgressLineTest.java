package io.docextract.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void saysDoneOfTotalRateAndTimeLeft() {
    RunCounters c =
        new RunCounters(
            Map.of(
                "Progress/records",
                6L,
                "Progress/review",
                4L,
                "SkipProcessed/skipped",
                5L,
                "ExtractFields/requests",
                9L));
    // 10 processed in 60 s: 10 docs/min; 15 of 40 finished, 25 left: 2 min 30 s.
    assertEquals(
        "progress: 15/40 documents (5 skipped as done before), 10.0 docs/min,"
            + " ETA 2 min 30 s (1 min 00 s elapsed)",
        ProgressLine.of(c, 40, 60));
    assertEquals(9, c.modelRequests());
  }

  @Test
  void documentsFoundInsideContainersCountInTheTotal() {
    // 4 files, one a PDF with 2 embedded invoices: 6 documents, 5 written so far.
    RunCounters c =
        new RunCounters(
            Map.of(
                "Progress/records",
                2L,
                "Progress/review",
                3L,
                "ParseDocuments/extra_documents",
                2L));
    assertEquals(
        "progress: 5/6 documents, 5.0 docs/min, ETA 12 s (1 min 00 s elapsed)",
        ProgressLine.of(c, 4, 60));
  }

  @Test
  void beforeTheFirstDocumentTheTimeLeftIsUnknown() {
    assertEquals(
        "progress: 0/7 documents, 0.0 docs/min, ETA unknown (3 s elapsed)",
        ProgressLine.of(new RunCounters(Map.of()), 7, 3.2));
  }

  @Test
  void longRunsAreInHours() {
    assertEquals("2 h 05 min", ProgressLine.duration(7500));
  }
}
