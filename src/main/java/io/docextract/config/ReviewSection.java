package io.docextract.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.docextract.checks.Check;
import io.docextract.checks.InjectionDetector;
import io.docextract.validate.DocumentSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A type's {@code review:} and {@code checks:}: what sends a record to people instead. */
final class ReviewSection {

  private ReviewSection() {}

  static List<Check> checks(
      List<PipelineDefinition.CheckDef> defs, DocumentSchema schema, String where)
      throws InvalidPipelineException {
    List<Check> checks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonNode props = schema.tree().path("properties");
    for (int i = 0; defs != null && i < defs.size(); i++) {
      PipelineDefinition.CheckDef d = defs.get(i);
      String at = where + "[" + i + "]";
      if (d.name() == null || d.name().isBlank() || !names.add(d.name())) {
        throw new InvalidPipelineException(at + ".name: needs a unique name");
      }
      if (d.field() == null || !props.has(d.field())) {
        throw new InvalidPipelineException(
            at + ".field: '" + d.field() + "' is not a field of" + " the schema");
      }
      checks.add(
          switch (d.type() == null ? "" : d.type()) {
            case "date-range" ->
                new Check.DateRange(
                    d.name(),
                    d.field(),
                    d.maxAgeYears() == null ? Defaults.DATE_MAX_AGE_YEARS : d.maxAgeYears());
            case "sum" -> {
              if (d.items() == null || !props.has(d.items()) || d.itemField() == null) {
                throw new InvalidPipelineException(
                    at + ": sum needs 'items' (an array field of the" + " schema) and 'itemField'");
              }
              yield new Check.Sum(
                  d.name(),
                  d.field(),
                  d.items(),
                  d.itemField(),
                  d.tolerance() == null ? Defaults.SUM_TOLERANCE : d.tolerance());
            }
            case "requires" -> {
              if (d.requires() == null || !props.has(d.requires())) {
                throw new InvalidPipelineException(
                    at + ".requires: '" + d.requires() + "' is not a field of the schema");
              }
              yield new Check.Requires(d.name(), d.field(), d.requires());
            }
            case "pattern" -> {
              try {
                yield new Check.Matches(
                    d.name(), d.field(), Pattern.compile(String.valueOf(d.pattern())));
              } catch (PatternSyntaxException e) {
                throw new InvalidPipelineException(at + ".pattern: " + e.getDescription());
              }
            }
            default ->
                throw new InvalidPipelineException(
                    at
                        + ".type: '"
                        + d.type()
                        + "' is not one of date-range, sum, requires, pattern");
          });
    }
    return checks;
  }

  static ReviewPolicy reviewPolicy(
      PipelineDefinition.Review r, DocumentSchema schema, String where, List<Check> checks)
      throws InvalidPipelineException {
    List<String> grounded = r == null || r.grounded() == null ? Defaults.GROUNDED : r.grounded();
    double similarity =
        r == null || r.minSimilarity() == null
            ? ReviewPolicy.DEFAULT_MIN_SIMILARITY
            : r.minSimilarity();
    if (similarity <= 0 || similarity > 1) {
      throw new InvalidPipelineException(
          where + ".minSimilarity must be in (0, 1], got " + similarity);
    }
    JsonNode props = schema.tree().path("properties");
    Set<String> fields = new LinkedHashSet<>();
    if (grounded.equals(List.of("required"))) {
      schema.tree().path("required").forEach(f -> fields.add(f.asText()));
    } else if (grounded.equals(List.of("all"))) {
      props.fieldNames().forEachRemaining(fields::add);
    } else if (!grounded.equals(List.of("none"))) {
      for (String f : grounded) {
        if (!props.has(f)) {
          throw new InvalidPipelineException(
              where
                  + ".grounded: '"
                  + f
                  + "' is not a field of"
                  + " the schema (or use one of required, all, none)");
        }
        fields.add(f);
      }
    }
    Double minConfidence = threshold(r == null ? null : r.minConfidence(), where, "minConfidence");
    Double minConfidenceOcr =
        threshold(r == null ? null : r.minConfidenceOcr(), where, "minConfidenceOcr");
    InjectionDetector injection = null;
    if (r == null || r.injection() == null || r.injection()) {
      try {
        injection = InjectionDetector.withExtra(r == null ? null : r.injectionPatterns());
      } catch (IllegalArgumentException e) {
        throw new InvalidPipelineException(where + ".injectionPatterns: " + e.getMessage());
      }
    } else if (r.injectionPatterns() != null && !r.injectionPatterns().isEmpty()) {
      throw new InvalidPipelineException(
          where + ".injectionPatterns are set but injection is" + " false");
    }
    return new ReviewPolicy(fields, similarity, checks, minConfidence, injection, minConfidenceOcr);
  }

  /** A confidence threshold as the pipeline file gives it: absent, or in [0, 1]. */
  private static Double threshold(Double t, String where, String key)
      throws InvalidPipelineException {
    if (t != null && (t < 0 || t > 1)) {
      throw new InvalidPipelineException(where + "." + key + " must be in [0, 1], got " + t);
    }
    return t;
  }
}
