package io.docextract.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.values.Normaliser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A labelling proposal for one unlabelled document: per field the better of the model's value (as
 * the pipeline decided it) and the rules' matches, with where they disagree marked, and how
 * uncertain the document is, so the least certain documents are labelled first — a correction there
 * teaches the model most, and a confident, agreeing proposal is mostly a click to accept.
 *
 * <p>Choice per field: when model and rules agree (same normalised values) or only one has a value,
 * that value; when they disagree, the model's value if its field confidence reaches {@link #TRUST}
 * (grounded, the model sure of it), else the rules' (a pattern that matched the printed text beats
 * an unsure model). Nothing is invented: a field neither proposes stays empty.
 */
public final class PreAnnotation {

  /** The field confidence from which a disagreeing model value is preferred to the rules'. */
  public static final double TRUST = 0.5;

  /**
   * One field's proposal.
   *
   * @param source "model", "rules", "both" (they agree) or "none"
   * @param confidence the model value's field confidence, null when the run gave none
   */
  public record Proposal(
      String field,
      JsonNode value,
      String source,
      JsonNode model,
      List<String> rules,
      boolean disagree,
      Double confidence) {}

  /**
   * @param uncertainty 1 − the document's confidence (1 when the run computed none: a failure or an
   *     unparsed reply is the least certain of all)
   */
  public record Document(
      String id, String source, List<Proposal> fields, double uncertainty, String reason) {

    public List<String> disagreements() {
      return fields.stream().filter(Proposal::disagree).map(Proposal::field).toList();
    }

    public ObjectNode values() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      fields.forEach(p -> o.set(p.field(), p.value()));
      return o;
    }

    /**
     * One JSONL line: the proposal, each field's candidates and why the order; with the text and
     * type, so an edited file reads back with {@code review import --format jsonl}.
     */
    public ObjectNode json(String type, String text) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("id", id);
      o.put("source", source);
      o.put("document_type", type);
      o.put("uncertainty", uncertainty);
      o.put("reason", reason);
      o.set("fields", values());
      ArrayNode d = o.putArray("disagree");
      disagreements().forEach(d::add);
      ObjectNode c = o.putObject("proposals");
      for (Proposal p : fields) {
        ObjectNode f = c.putObject(p.field());
        f.put("source", p.source());
        f.set("model", p.model());
        ArrayNode r = f.putArray("rules");
        p.rules().forEach(r::add);
        if (p.confidence() != null) {
          f.put("confidence", p.confidence());
        }
      }
      o.put("text", text);
      return o;
    }
  }

  private PreAnnotation() {}

  /**
   * The proposal for one document.
   *
   * @param model the pipeline's fields (a record's, or a review item's proposal), null if none
   * @param fieldConfidence the run's per-field confidence
   * @param documentConfidence the run's document confidence, null if none
   * @param rules the rules' matches per field on the document's text
   * @param reason the review reason, null for a record
   */
  public static Document propose(
      String id,
      String source,
      JsonNode schema,
      Map<String, Normaliser> normalisers,
      JsonNode model,
      Map<String, Double> fieldConfidence,
      Double documentConfidence,
      Map<String, List<String>> rules,
      String reason)
      throws IOException {
    List<Proposal> out = new ArrayList<>();
    var it = schema.path("properties").fields();
    while (it.hasNext()) {
      var e = it.next();
      String f = e.getKey();
      Normaliser n = normalisers.getOrDefault(f, Normaliser.TEXT);
      JsonNode m = model == null || model.get(f) == null ? null : model.get(f);
      List<String> r = rules.getOrDefault(f, List.of());
      ArrayNode rNode = JsonNodeFactory.instance.arrayNode();
      r.forEach(rNode::add);
      Set<String> mValues = Normaliser.values(m, n);
      Set<String> rValues = Normaliser.values(rNode, n);
      Double conf = fieldConfidence.get(f);
      boolean many = "array".equals(Fields.type(e.getValue()));
      JsonNode fromRules =
          rValues.isEmpty() ? null : Fields.fromLines(many ? r : r.subList(0, 1), e.getValue());
      boolean disagree = false;
      String src;
      JsonNode value;
      if (mValues.isEmpty() && rValues.isEmpty()) {
        src = "none";
        value = null;
      } else if (rValues.isEmpty()) {
        src = "model";
        value = m;
      } else if (mValues.isEmpty()) {
        src = "rules";
        value = fromRules;
      } else if (mValues.equals(rValues) || (!many && rValues.containsAll(mValues))) {
        // A single-valued field agrees when the model's value is among the rules' matches.
        src = "both";
        value = m;
      } else {
        disagree = true;
        boolean trustModel = conf != null && conf >= TRUST;
        src = trustModel ? "model" : "rules";
        value = trustModel ? m : fromRules;
      }
      out.add(new Proposal(f, value, src, m, r, disagree, conf));
    }
    double uncertainty = documentConfidence == null ? 1 : 1 - documentConfidence;
    return new Document(id, source, List.copyOf(out), uncertainty, reason);
  }

  /** Most uncertain first; then more disagreements first; then by id, so the order is stable. */
  public static List<Document> order(List<Document> docs) {
    List<Document> out = new ArrayList<>(docs);
    out.sort(
        Comparator.comparingDouble(Document::uncertainty)
            .reversed()
            .thenComparing(
                Comparator.comparingInt((Document d) -> d.disagreements().size()).reversed())
            .thenComparing(Document::id));
    return out;
  }

  /**
   * A Label Studio task pre-filled with the proposal (the labeling config of {@link
   * LabelStudio#config} fits it); its header names the uncertainty and the disagreements.
   */
  public static ObjectNode task(
      Document d, String text, String type, int taskId, String modelVersion, JsonNode schema) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("id", d.id());
    item.put("source", d.source());
    item.put("document_type", type);
    item.put("reason", d.reason() == null ? "pre-annotation" : d.reason());
    item.put(
        "message",
        String.format(java.util.Locale.ROOT, "uncertainty %.2f", d.uncertainty())
            + (d.disagreements().isEmpty()
                ? ""
                : "; model and rules disagree on " + String.join(", ", d.disagreements())));
    ObjectNode t =
        LabelStudio.task(
            new QueuedItem(item, text, d.values(), Map.of(), 1 - d.uncertainty()),
            taskId,
            modelVersion,
            schema);
    ((ObjectNode) t.get("data")).put("uncertainty", d.uncertainty());
    return t;
  }
}
