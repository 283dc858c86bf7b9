package io.docextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One gold document with its text, what the rules found, and each model's prediction. */
public record EvalItem(
    String doc,
    JsonNode gold,
    String text,
    Map<String, List<String>> rules,
    Map<String, Prediction> byModel) {}
