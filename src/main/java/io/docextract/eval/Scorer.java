package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.values.Normaliser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Scores predictions against gold field by field: precision, recall and F1 over normalised values
 * (multi-label for lists), exact match per field and per document. A missing key, null, "" and []
 * all mean "no value".
 */
public final class Scorer {

  private final Map<String, Normaliser> fields;
  private final Map<String, FieldScore> totals = new LinkedHashMap<>();
  private long documents;
  private long exactDocuments;

  /**
   * @param fields the fields scored, in report order, with the normaliser of each
   */
  public Scorer(Map<String, Normaliser> fields) {
    this.fields = new LinkedHashMap<>(fields);
    fields.keySet().forEach(f -> totals.put(f, FieldScore.ZERO));
  }

  /** Adds one document; {@code predicted} may be null (nothing extracted). Returns its scores. */
  public Map<String, FieldScore> add(JsonNode gold, JsonNode predicted) {
    Map<String, FieldScore> doc = new LinkedHashMap<>();
    boolean allExact = true;
    for (Map.Entry<String, Normaliser> f : fields.entrySet()) {
      Set<String> g = Normaliser.values(gold == null ? null : gold.get(f.getKey()), f.getValue());
      Set<String> p =
          Normaliser.values(predicted == null ? null : predicted.get(f.getKey()), f.getValue());
      long tp = p.stream().filter(g::contains).count();
      boolean exact = g.equals(p);
      allExact &= exact;
      FieldScore s = new FieldScore(tp, p.size() - tp, g.size() - tp, exact ? 1 : 0, 1);
      doc.put(f.getKey(), s);
      totals.merge(f.getKey(), s, FieldScore::plus);
    }
    documents++;
    if (allExact) {
      exactDocuments++;
    }
    return doc;
  }

  public Map<String, FieldScore> perField() {
    return new LinkedHashMap<>(totals);
  }

  public FieldScore overall() {
    return totals.values().stream().reduce(FieldScore.ZERO, FieldScore::plus);
  }

  public long documents() {
    return documents;
  }

  public double documentExactMatch() {
    return documents == 0 ? 0 : (double) exactDocuments / documents;
  }
}
