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
 * Which model each document type runs on, and which types share a loaded base: a type's own model,
 * else the pipeline's. Types whose models differ only in their LoRA adapter share one copy of the
 * base with all their adapters loaded beside it; every user of a job (pre-flight, the extraction
 * DoFns) acquires through here so they all get the same copies.
 */
public final class TypeModels implements Serializable {

  private final Map<String, ModelSettings> byType;

  private TypeModels(Map<String, ModelSettings> byType) {
    this.byType = byType;
  }

  public static TypeModels of(ModelSettings pipelineModel, List<DocumentTypeConfig> types) {
    Map<String, ModelSettings> byType = new LinkedHashMap<>();
    for (DocumentTypeConfig t : types) {
      byType.put(t.name(), t.modelOr(pipelineModel));
    }
    return new TypeModels(byType);
  }

  /**
   * The type models grouped by the copy they load: same file, context, threads and slots. A group's
   * first model, without its adapter, stands for the copy; reply budget, prompt cache and drafting
   * stay each type's own, per request.
   */
  Map<ModelSettings, List<ModelSettings>> bases() {
    Map<List<Object>, ModelSettings> firstOf = new LinkedHashMap<>();
    Map<ModelSettings, List<ModelSettings>> out = new LinkedHashMap<>();
    byType
        .values()
        .forEach(
            s -> {
              ModelSettings base =
                  firstOf.computeIfAbsent(loadKey(s), k -> s.withAdapter(null, null));
              out.computeIfAbsent(base, b -> new ArrayList<>()).add(s);
            });
    return out;
  }

  /** The runtimes of every type, by type name, local copies fetched: close each once. */
  public Map<String, ModelRuntime> acquire() {
    Map<List<Object>, ModelRuntime> loaded = new LinkedHashMap<>();
    bases()
        .forEach(
            (base, models) -> {
              List<String> adapters =
                  models.stream()
                      .map(
                          m ->
                              m.adapterPath() == null
                                  ? null
                                  : ModelLocator.localise(m).adapterPath())
                      .filter(java.util.Objects::nonNull)
                      .distinct()
                      .toList();
              loaded.put(
                  loadKey(base), ModelRuntime.acquire(ModelLocator.localise(base), adapters));
            });
    Map<String, ModelRuntime> out = new LinkedHashMap<>();
    byType.forEach((type, s) -> out.put(type, loaded.get(loadKey(s))));
    return out;
  }

  /** What a request of this type asks of its runtime, with local paths. */
  public ModelSettings request(String type) {
    return ModelLocator.localise(byType.get(type));
  }

  private static List<Object> loadKey(ModelSettings s) {
    return List.of(
        s.modelPath(),
        s.modelSha256(),
        s.chatTemplate(),
        s.contextSize(),
        s.threads(),
        s.parallel(),
        s.replicas());
  }
}
