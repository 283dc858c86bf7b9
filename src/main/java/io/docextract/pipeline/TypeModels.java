package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.model.ModelRuntime;
import io.docextract.model.ModelSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model each document type runs on, and which types share a loaded base: a type's own
 * model, else the pipeline's. Types whose models differ only in their LoRA adapter share one copy
 * of the base with all their adapters loaded beside it; every user of a job (pre-flight, the
 * extraction DoFns) acquires through here so they all get the same copies.
 */
final class TypeModels implements Serializable {

  private final Map<String, ModelSettings> byType;

  private TypeModels(Map<String, ModelSettings> byType) {
    this.byType = byType;
  }

  static TypeModels of(ModelSettings pipelineModel, List<DocumentTypeConfig> types) {
    Map<String, ModelSettings> byType = new LinkedHashMap<>();
    for (DocumentTypeConfig t : types) {
      byType.put(t.name(), t.modelOr(pipelineModel));
    }
    return new TypeModels(byType);
  }

  ModelSettings settings(String type) {
    return byType.get(type);
  }

  /** The type models grouped by the base they load: one loaded copy each. */
  Map<ModelSettings, List<ModelSettings>> bases() {
    Map<ModelSettings, List<ModelSettings>> out = new LinkedHashMap<>();
    byType.values().forEach(s -> out.computeIfAbsent(base(s), b -> new ArrayList<>()).add(s));
    return out;
  }

  /** The runtimes of every type, by type name, local copies fetched: close each once. */
  Map<String, ModelRuntime> acquire() {
    Map<ModelSettings, ModelRuntime> loaded = new LinkedHashMap<>();
    bases().forEach((base, models) -> {
      List<String> adapters = models.stream()
          .map(m -> m.adapterPath() == null ? null : ModelLocator.localise(m).adapterPath())
          .filter(java.util.Objects::nonNull).distinct().toList();
      loaded.put(base, ModelRuntime.acquire(ModelLocator.localise(base), adapters));
    });
    Map<String, ModelRuntime> out = new LinkedHashMap<>();
    byType.forEach((type, s) -> out.put(type, loaded.get(base(s))));
    return out;
  }

  /** The adapter a request of this type asks for, as the runtime knows it (a local path). */
  String adapter(String type) {
    ModelSettings s = byType.get(type);
    return s.adapterPath() == null ? null : ModelLocator.localise(s).adapterPath();
  }

  private static ModelSettings base(ModelSettings s) {
    return s.withAdapter(null, null);
  }
}
