package io.docextract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

  private static TextBox box(double x0, double y0, double x1, double y1, String text) {
    return new TextBox(x0, y0, x1, y1, text, 1);
  }

  // A detector's boxes in arbitrary order: the total's label and amount share a row although the
  // amount sits a few pixels lower, and the address line below stays a row of its own.
  private static final List<TextBox> RECEIPT =
      List.of(
          box(300, 104, 360, 124, "9.00"),
          box(10, 10, 200, 30, "BOOK TA .K SDN BHD"),
          box(20, 130, 250, 150, "JALAN SAGU 18,"),
          box(10, 100, 80, 120, "TOTAL:"),
          box(40, 40, 120, 60, ""));

  @Test
  void boxesRunRowByRowAndLeftToRightOneALine() {
    assertEquals(
        "BOOK TA .K SDN BHD\nTOTAL:\n9.00\nJALAN SAGU 18,",
        ReadingOrder.text(RECEIPT, ReadingOrder.Layout.BOXES));
  }

  @Test
  void rowsJoinTheirBoxesWithASpace() {
    assertEquals(
        "BOOK TA .K SDN BHD\nTOTAL: 9.00\nJALAN SAGU 18,",
        ReadingOrder.text(RECEIPT, ReadingOrder.Layout.ROWS));
  }

  @Test
  void boxesThatBarelyOverlapAreTwoRows() {
    List<TextBox> boxes = List.of(box(0, 0, 50, 20, "A"), box(60, 15, 100, 35, "B"));
    assertEquals("A\nB", ReadingOrder.text(boxes, ReadingOrder.Layout.ROWS));
  }
}
