package io.docextract.config;

import io.docextract.classify.Classification;
import io.docextract.classify.TypeProfile;
import java.util.ArrayList;
import java.util.List;

/** {@code classify:} and each type's {@code classify:} signals. */
final class ClassifySection {

  private ClassifySection() {}

  /** Null for a single type: there is nothing to tell apart. */
  static Classification classification(PipelineDefinition def, String where)
      throws InvalidPipelineException {
    if (def.documentTypes().size() < 2) {
      if (def.classify() != null) {
        throw new InvalidPipelineException(where + ": classify needs two or more documentTypes");
      }
      return null;
    }
    List<TypeProfile> profiles = new ArrayList<>();
    for (PipelineDefinition.DocumentType t : def.documentTypes()) {
      PipelineDefinition.TypeSignals ts = t.classify();
      profiles.add(
          ts == null
              ? new TypeProfile(t.name(), null, null, null)
              : new TypeProfile(t.name(), ts.description(), ts.signals(), ts.maxChars()));
    }
    PipelineDefinition.ClassifyDef c = def.classify();
    try {
      // The model is opt-in: zero-shot, SmolLM2 chose wrong on every document the signals left
      // open (docs/classification.md); review is the better default than a wrong schema.
      return new Classification(
          profiles,
          c != null && Boolean.TRUE.equals(c.model()),
          c == null || c.minSignals() == null ? Classification.DEFAULT_MIN_SIGNALS : c.minSignals(),
          c == null || c.headChars() == null ? Classification.DEFAULT_HEAD_CHARS : c.headChars());
    } catch (IllegalArgumentException e) {
      throw new InvalidPipelineException(where + ": classify: " + e.getMessage());
    }
  }
}
