package io.docextract.pipeline;

import io.docextract.catalog.ModelCache;
import io.docextract.catalog.ModelSource;
import io.docextract.catalog.ModelUnavailableException;
import io.docextract.model.ModelSettings;
import java.util.List;

/**
 * Turns a model (and adapter) named by URL or file-system URI into local, verified files before a
 * worker loads it: copied once per machine into the model cache, checked against the pipeline's
 * sha256, shared by every DoFn instance of the JVM. Local paths pass through untouched.
 */
final class ModelLocator {

  private ModelLocator() {}

  static ModelSettings localise(ModelSettings settings) {
    if (ModelSource.isLocal(settings.modelPath())
        && (settings.adapterPath() == null || ModelSource.isLocal(settings.adapterPath()))) {
      return settings;
    }
    ModelCache cache = ModelCache.fromEnvironment(List.of(new BeamFileSystemsOpener()));
    try {
      String model = local(cache, settings.modelPath(), settings.modelSha256());
      String adapter =
          settings.adapterPath() == null
              ? null
              : local(cache, settings.adapterPath(), settings.adapterSha256());
      return settings.withPaths(model, adapter);
    } catch (ModelUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String local(ModelCache cache, String location, String sha256)
      throws ModelUnavailableException {
    if (ModelSource.isLocal(location)) {
      return location;
    }
    return cache.localCopy(new ModelSource(location, sha256)).toString();
  }
}
