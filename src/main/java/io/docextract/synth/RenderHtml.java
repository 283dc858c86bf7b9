package io.docextract.synth;

/**
 * A laid-out document as an HTML page, as invoicing web apps mail them: aligned divs for the lines,
 * a real table for the items, a rule with a page break between pages.
 */
final class RenderHtml {

  private RenderHtml() {}

  static String html(SynthDocument doc) {
    StringBuilder sb =
        new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\">")
            .append("<title>")
            .append(doc.type())
            .append("</title>\n<style>td,th{padding:2px 8px}")
            .append(" .n{text-align:right}</style></head><body>\n");
    for (Block b : doc.blocks()) {
      if (b instanceof Block.Line l) {
        if (l.text().isBlank()) {
          sb.append("<br>\n");
        } else {
          String align = l.align().name().toLowerCase(java.util.Locale.ROOT);
          sb.append("<div style=\"text-align:")
              .append(align)
              .append("\">")
              .append(Render.escape(l.text().strip()))
              .append("</div>\n");
        }
      } else if (b instanceof Block.Table t) {
        sb.append("<table>\n<tr>");
        t.head().forEach(h -> sb.append("<th>").append(Render.escape(h)).append("</th>"));
        sb.append("</tr>\n");
        for (var row : t.rows()) {
          sb.append("<tr>");
          for (int c = 0; c < row.size(); c++) {
            sb.append(c == 0 ? "<td>" : "<td class=\"n\">")
                .append(Render.escape(row.get(c)))
                .append("</td>");
          }
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      } else {
        sb.append("<hr style=\"page-break-after:always\">\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }
}
