package io.docextract.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.Normaliser;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One named check over a record's fields. A check about a field that is absent or empty passes:
 * whether a field must be there is the schema's business (or a {@link Requires} check's).
 */
public sealed interface Check extends Serializable
    permits Check.DateRange, Check.Sum, Check.Requires, Check.Matches {

  String name();

  /** Empty when the record passes; {@code today} anchors date checks. */
  Optional<CheckFailure> test(JsonNode fields, LocalDate today);

  /** A date field (any printed layout) that is neither in the future nor older than maxAgeYears. */
  record DateRange(String name, String field, int maxAgeYears) implements Check {
    @Override
    public Optional<CheckFailure> test(JsonNode fields, LocalDate today) {
      String v = text(fields, field);
      if (v == null) {
        return Optional.empty();
      }
      LocalDate d;
      try {
        d = LocalDate.parse(Normaliser.DATE.apply(v));
      } catch (DateTimeParseException e) {
        return fail(field + " '" + v + "' is not a date");
      }
      if (d.isAfter(today)) {
        return fail(field + " " + d + " is in the future");
      }
      if (d.isBefore(today.minusYears(maxAgeYears))) {
        return fail(field + " " + d + " is more than " + maxAgeYears + " years old");
      }
      return Optional.empty();
    }

    private Optional<CheckFailure> fail(String message) {
      return Optional.of(new CheckFailure(name, message));
    }
  }

  /** A total equal to the sum of one field of an array's items, within a tolerance. */
  record Sum(String name, String field, String items, String itemField, BigDecimal tolerance)
      implements Check {
    @Override
    public Optional<CheckFailure> test(JsonNode fields, LocalDate today) {
      Optional<BigDecimal> total = amount(fields.get(field));
      JsonNode list = fields.get(items);
      if (total.isEmpty() || list == null || !list.isArray() || list.isEmpty()) {
        return Optional.empty();
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode item : list) {
        Optional<BigDecimal> a = amount(item.get(itemField));
        if (a.isEmpty()) {
          return Optional.of(
              new CheckFailure(name, items + " has an item without a numeric " + itemField));
        }
        sum = sum.add(a.get());
      }
      if (sum.subtract(total.get()).abs().compareTo(tolerance) > 0) {
        return Optional.of(
            new CheckFailure(
                name,
                field
                    + " "
                    + total.get().toPlainString()
                    + " differs from the sum of "
                    + items
                    + "[]."
                    + itemField
                    + " "
                    + sum.toPlainString()));
      }
      return Optional.empty();
    }
  }

  /** When {@code field} has a value, {@code requires} must have one too. */
  record Requires(String name, String field, String requires) implements Check {
    @Override
    public Optional<CheckFailure> test(JsonNode fields, LocalDate today) {
      if (present(fields.get(field)) && !present(fields.get(requires))) {
        return Optional.of(new CheckFailure(name, field + " is given but " + requires + " is not"));
      }
      return Optional.empty();
    }
  }

  /** A string field that must match a regular expression (whole value). */
  record Matches(String name, String field, Pattern pattern) implements Check {
    @Override
    public Optional<CheckFailure> test(JsonNode fields, LocalDate today) {
      String v = text(fields, field);
      if (v == null || pattern.matcher(v).matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new CheckFailure(name, field + " '" + v + "' does not match " + pattern.pattern()));
    }
  }

  private static String text(JsonNode fields, String field) {
    JsonNode v = fields.get(field);
    return present(v) ? v.asText() : null;
  }

  private static boolean present(JsonNode v) {
    return v != null
        && !v.isNull()
        && !(v.isTextual() && v.asText().isBlank())
        && !(v.isArray() && v.isEmpty());
  }

  private static Optional<BigDecimal> amount(JsonNode v) {
    if (!present(v)) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.decimalValue());
    }
    try {
      return Optional.of(new BigDecimal(Normaliser.AMOUNT.apply(v.asText())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
