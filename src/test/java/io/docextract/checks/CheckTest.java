package io.docextract.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void datesInTheFutureOrTooOldFailAndPrintedLayoutsAreRead() throws Exception {
    Check c = new Check.DateRange("plausible-date", "date", 30);
    assertTrue(c.test(json("{\"date\": \"02/12/2017\"}"), TODAY).isEmpty());
    assertTrue(c.test(json("{\"date\": \"April 29, 2005\"}"), TODAY).isEmpty());
    assertEquals(
        "plausible-date: date 2031-01-05 is in the future",
        c.test(json("{\"date\": \"05/01/2031\"}"), TODAY).orElseThrow().toString());
    assertTrue(
        c.test(json("{\"date\": \"1901-01-01\"}"), TODAY)
            .orElseThrow()
            .message()
            .contains("more than 30 years old"));
    assertTrue(
        c.test(json("{\"date\": \"1234567890\"}"), TODAY)
            .orElseThrow()
            .message()
            .contains("is not a date"));
    assertTrue(c.test(json("{\"date\": null}"), TODAY).isEmpty(), "absent is the schema's job");
  }

  @Test
  void aTotalMustEqualItsLinesWithinTheTolerance() throws Exception {
    Check c = new Check.Sum("total-adds-up", "total", "items", "amount", new BigDecimal("0.01"));
    assertTrue(
        c.test(
                json(
                    "{\"total\": \"1,210.50\", \"items\": [{\"amount\": 1000},"
                        + " {\"amount\": \"210.50\"}]}"),
                TODAY)
            .isEmpty());
    assertEquals(
        "total 99.00 differs from the sum of items[].amount 1210.50",
        c.test(
                json(
                    "{\"total\": \"99.00\", \"items\": [{\"amount\": 1000},"
                        + " {\"amount\": \"210.50\"}]}"),
                TODAY)
            .orElseThrow()
            .message());
    assertTrue(c.test(json("{\"total\": 5, \"items\": []}"), TODAY).isEmpty());
  }

  @Test
  void requiresAndPattern() throws Exception {
    Check r = new Check.Requires("due-needs-date", "due_date", "invoice_date");
    assertTrue(
        r.test(json("{\"due_date\": \"2024-01-01\", \"invoice_date\": \"\"}"), TODAY).isPresent());
    assertTrue(r.test(json("{\"due_date\": null, \"invoice_date\": \"\"}"), TODAY).isEmpty());
    Check p = new Check.Matches("money", "total", Pattern.compile("\\d+\\.\\d{2}"));
    assertTrue(p.test(json("{\"total\": \"12.50\"}"), TODAY).isEmpty());
    assertEquals(
        "total '12,5' does not match \\d+\\.\\d{2}",
        p.test(json("{\"total\": \"12,5\"}"), TODAY).orElseThrow().message());
  }
}
