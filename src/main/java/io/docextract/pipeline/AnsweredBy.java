package io.docextract.pipeline;

import io.docextract.endpoint.EndpointSettings;
import io.docextract.model.ModelSettings;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What produced a tier's replies, as the lineage keys that identify it: a local model's file and
 * adapter checksums, or a remote endpoint's address and model name.
 */
record AnsweredBy(Map<String, String> lineage, int maxTokens) implements Serializable {

  AnsweredBy {
    lineage = new LinkedHashMap<>(lineage);
  }

  static AnsweredBy local(ModelSettings model) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("model_sha256", model.modelSha256());
    if (model.adapterSha256() != null) {
      l.put("adapter_sha256", model.adapterSha256());
    }
    return new AnsweredBy(l, model.maxTokens());
  }

  static AnsweredBy remote(EndpointSettings endpoint) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("endpoint", endpoint.displayUrl());
    l.put("endpoint_model", endpoint.model());
    return new AnsweredBy(l, endpoint.maxTokens());
  }
}
