package io.docextract.pipeline;

import io.docextract.config.DocumentTypeConfig;
import io.docextract.endpoint.ChatEndpoint;
import io.docextract.endpoint.EndpointException;
import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ExtractionPrompt;
import io.docextract.values.Reason;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model behind an OpenAI-compatible server (docextract serve, llama-server, llama-cpp-python,
 * vLLM, Ollama or a hosted API), asked with the same instructions, examples and schema the local
 * model has, up to the endpoint's {@code concurrency} requests in flight per worker so a server can
 * batch them. A request the endpoint cannot answer (timeouts or server errors on every attempt, a
 * refused request, the run's budget spent) is a {@code model_error} from the first tier, which has
 * nothing to fall back on, and {@code escalation_failed} from the second.
 */
final class ServedModel implements ModelBackend {

  private static final long serialVersionUID = 1L;

  private final EndpointSettings settings;
  private final List<DocumentTypeConfig> types;

  ServedModel(EndpointSettings settings, List<DocumentTypeConfig> types) {
    this.settings = settings;
    this.types = List.copyOf(types);
  }

  @Override
  public Worker open(int tier) {
    ChatEndpoint endpoint = new ChatEndpoint(settings);
    Map<String, DocumentTypeConfig> byName = new HashMap<>();
    types.forEach(t -> byName.put(t.name(), t));
    return new Worker() {
      @Override
      public int concurrency() {
        return settings.concurrency();
      }

      @Override
      public Extraction answer(ExtractionRequest r) throws InterruptedException {
        DocumentTypeConfig type = byName.get(r.documentType());
        ExtractionPrompt prompt = type.prompt();
        try {
          return new Extraction(
              r,
              endpoint.complete(
                  prompt.system(),
                  prompt.turns(type.promptText(r.text())),
                  type.name(),
                  type.schema().json()));
        } catch (EndpointException e) {
          throw failure(tier, e);
        }
      }

      @Override
      public void close() {
        // The client holds no native resources; its connections close with the JVM.
      }
    };
  }

  private BackendFailure failure(int tier, EndpointException e) {
    String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
    Map<String, Object> lineage = new LinkedHashMap<>();
    lineage.put("tier", tier);
    lineage.put("endpoint", settings.displayUrl());
    lineage.put("endpoint_model", settings.model());
    lineage.put("endpoint_failure", kind);
    lineage.put("attempts", e.attempts());
    Reason reason = tier == 1 ? Reason.MODEL_ERROR : Reason.ESCALATION_FAILED;
    return new BackendFailure(reason, "failed_" + kind, e.getMessage(), lineage, e);
  }
}
