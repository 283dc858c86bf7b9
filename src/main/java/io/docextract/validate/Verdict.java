package io.docextract.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.Reason;
import java.util.List;

/** What the validator made of one model reply: the fields, or why they cannot be trusted. */
public record Verdict(JsonNode fields, Reason failure, String message, List<String> messages) {

  public Verdict {
    messages = messages == null ? List.of() : List.copyOf(messages);
  }

  public static Verdict valid(JsonNode fields) {
    return new Verdict(fields, null, null, List.of());
  }

  public static Verdict invalid(Reason reason, String message, List<String> messages) {
    return new Verdict(null, reason, message, messages);
  }

  public boolean ok() {
    return failure == null;
  }
}
