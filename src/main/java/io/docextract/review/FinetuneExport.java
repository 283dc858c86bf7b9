package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.config.DocumentTypeConfig;
import io.docextract.grounding.Grounder;
import io.docextract.model.ModelRuntime;
import io.docextract.values.Normaliser;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Turns labelled documents into fine-tuning examples laid out exactly as the pipeline prompts the
 * model: the same system text, the same clipped document, the prompt string the runtime renders,
 * and as target the compact JSON in the schema's key order.
 */
public final class FinetuneExport {

  private static final Grounder GROUNDER = Grounder.defaults();

  private final DocumentTypeConfig type;
  private final ModelRuntime runtime;
  private final int maxPromptChars;
  private final double candidateDropout;
  private final long seed;

  public FinetuneExport(DocumentTypeConfig type, ModelRuntime runtime, int maxPromptChars) {
    this(type, runtime, maxPromptChars, 0, 0);
  }

  private FinetuneExport(
      DocumentTypeConfig type,
      ModelRuntime runtime,
      int maxPromptChars,
      double candidateDropout,
      long seed) {
    this.type = type;
    this.runtime = runtime;
    this.maxPromptChars = maxPromptChars;
    this.candidateDropout = checkedDropout(candidateDropout);
    this.seed = seed;
  }

  /** The share itself, when it is a probability; the command line checks it here too, early. */
  public static double checkedDropout(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("candidate dropout must be in [0, 1], got " + share);
    }
    return share;
  }

  /**
   * Leaves a field's rule candidates out of an example's prompt with probability {@code share},
   * drawn per document and field from {@code seed}. Rules written on the training documents find
   * their values far more often than on new ones (NDA rules: F1 0.875 on the documents they were
   * written on, 0.789 on held-apart ones), so an adapter trained only on full candidate lists
   * learns to copy them; examples without them teach it to read the value from the text.
   */
  public FinetuneExport withCandidateDropout(double share, long seed) {
    return new FinetuneExport(type, runtime, maxPromptChars, share, seed);
  }

  /** One JSON line: id, chat messages, the rendered prompt and the completion. */
  public ObjectNode example(String id, String text, JsonNode goldFields) {
    String fitted = type.fitText(text, maxPromptChars);
    String clipped = type.promptText(fitted, field -> !dropped(id, field));
    String target = target(goldFields, fitted).toString();
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("id", id);
    var messages = row.putArray("messages");
    messages.addObject().put("role", "system").put("content", type.prompt().system());
    for (String[] turn : type.prompt().turns(clipped)) {
      messages.addObject().put("role", turn[0]).put("content", turn[1]);
    }
    messages.addObject().put("role", "assistant").put("content", target);
    row.put("prompt", runtime.renderPrompt(type.prompt(), clipped));
    row.put("completion", target);
    return row;
  }

  /**
   * The gold in the schema's shape and key order. Gold that stores every value as a list (as
   * Kleister-NDA does) gives its first value to a single-valued field. Values kept in Kleister's
   * normal form get their spaces back; those the type requires grounded (copied from the text) are
   * trained as the visible text prints them ("Nike, Inc." for "Nike_Inc."), and left out when the
   * text the model is shown does not hold them: a long document is shown in passages, and a target
   * the model cannot see would teach it to invent values.
   */
  ObjectNode target(JsonNode gold, String visibleText) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    JsonNode props = type.schema().tree().path("properties");
    Map<String, Normaliser> normalisers = type.fieldNormalisers();
    for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      JsonNode schemaType = props.get(field).path("type");
      boolean array = schemaType.asText().equals("array");
      Normaliser normaliser = normalisers.get(field);
      // Gold in Kleister's underscore form ("7_years", "Nike_Inc.") is printed with spaces.
      boolean underscored = normaliser == Normaliser.KLEISTER || normaliser == Normaliser.DURATION;
      // A grounded duration is still trained normalised ("2 years"); only names are copied.
      boolean copied =
          normaliser == Normaliser.KLEISTER && type.review().mustBeGrounded().contains(field);
      JsonNode g = gold.get(field);
      if (array) {
        var arr = out.putArray(field);
        JsonNode itemProps = props.get(field).path("items").path("properties");
        if (g != null && g.isArray()) {
          for (JsonNode v : g) {
            if (v.isObject()) {
              // An item object (an invoice's line): the schema's item properties, in its order.
              arr.add(item(v, itemProps));
            } else {
              printed(v.asText(), underscored, copied, visibleText).ifPresent(arr::add);
            }
          }
        } else if (g != null && !g.isNull()) {
          printed(g.asText(), underscored, copied, visibleText).ifPresent(arr::add);
        }
      } else {
        JsonNode v = g != null && g.isArray() ? (g.isEmpty() ? null : g.get(0)) : g;
        if (v == null || v.isNull()) {
          out.putNull(field);
        } else if (v.isNumber()) {
          out.set(field, v);
        } else if (schemaType.asText().equals("number")) {
          out.put(field, new java.math.BigDecimal(Normaliser.AMOUNT.apply(v.asText())));
        } else {
          out.put(field, printed(v.asText(), underscored, copied, visibleText).orElse(null));
        }
      }
    }
    return out;
  }

  /** A seeded draw per (document, field), the same whichever order examples are written in. */
  private boolean dropped(String id, String field) {
    if (candidateDropout == 0) {
      return false;
    }
    long h = seed;
    for (char c : (id + '\u0000' + field).toCharArray()) {
      h = h * 31 + c;
    }
    return new SplittableRandom(h).nextDouble() < candidateDropout;
  }

  private static ObjectNode item(JsonNode gold, JsonNode itemProps) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    itemProps
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (gold.has(k)) {
                o.set(k, gold.get(k));
              }
            });
    return o;
  }

  private static Optional<String> printed(
      String value, boolean underscored, boolean copied, String visibleText) {
    String spaced = underscored ? value.replace('_', ' ') : value;
    if (!copied) {
      return Optional.of(spaced);
    }
    return GROUNDER
        .locate(visibleText, spaced)
        .map(span -> span.matched().replaceAll("\\s+", " ").strip());
  }
}
