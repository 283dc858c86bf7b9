package io.docextract.model;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a GGUF model in llama.cpp with docextract's settings: fixed seed, no context shift, the
 * adapters in {@link AdapterSet} order, and llama.cpp's own log cut to its warnings and errors.
 * {@link ModelRuntime} decides when a model is loaded and shares it.
 */
final class ModelLoader {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRuntime.class);
  private static boolean loggerInstalled;

  private ModelLoader() {}

  static LlamaModel load(ModelSettings settings, AdapterSet adapters) {
    installLogger();
    long start = System.nanoTime();
    var params =
        new ModelParameters()
            .setModel(settings.modelPath())
            .setCtxSize(settings.contextSize())
            .setThreads(settings.threads())
            .setThreadsBatch(settings.threads())
            .setParallel(settings.parallel())
            .setSeed(42)
            // Otherwise an oversize prompt is cut in the middle without a word; with it off,
            // running out of context is an error the pipeline routes.
            .disableContextShift();
    if (adapters.paths().size() == 1) {
      params.addLoraAdapter(adapters.paths().get(0));
    }
    if (System.getenv("DOCEXTRACT_LLAMA_LOG") == null) {
      // The embedded server logs every slot event through common_log, which setLogger does not
      // reach; failures still surface as exceptions. DOCEXTRACT_LLAMA_LOG=1 keeps the log.
      params.disableLog();
    }
    // In AdapterSet order: llama.cpp numbers adapters as they are given.
    LlamaModel model =
        adapters.paths().size() > 1
            ? NativeLoad.withAdapters(params, adapters.paths())
            : new LlamaModel(params);
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(
        "loaded model {} with {} adapter(s) ({} slots, context {}, native library {}) in {} ms",
        settings.modelPath(),
        adapters.paths().size(),
        settings.parallel(),
        settings.contextSize(),
        NativeLibrary.build(),
        millis);
    return model;
  }

  private static synchronized void installLogger() {
    if (!loggerInstalled) {
      NativeLibrary.prepare();
      // llama.cpp prints every tensor and slot event to stderr; keep only its warnings and errors.
      LlamaModel.setLogger(
          LogFormat.TEXT,
          (level, message) -> {
            if (level == LogLevel.ERROR) {
              LOG.error("llama.cpp: {}", message.strip());
            } else if (level == LogLevel.WARN) {
              LOG.debug("llama.cpp: {}", message.strip());
            }
          });
      loggerInstalled = true;
    }
  }
}
