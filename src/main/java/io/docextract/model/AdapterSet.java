package io.docextract.model;

import de.kherud.llama.InferenceParameters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The LoRA adapters loaded beside one base model, in the order llama.cpp numbers them. Document
 * types whose models differ only in their adapter share the base: each request names its own
 * adapter (scale 1) and every other one is off (scale 0), through the server's per-request {@code
 * lora} list.
 */
public record AdapterSet(List<String> paths) implements Serializable {

  public AdapterSet {
    paths = List.copyOf(paths);
  }

  /** {@code own} (null for none) and the companions, each once, in a stable order. */
  public static AdapterSet of(String own, Collection<String> companions) {
    TreeSet<String> all = new TreeSet<>();
    if (own != null) {
      all.add(own);
    }
    for (String c : companions) {
      if (c != null) {
        all.add(c);
      }
    }
    return new AdapterSet(new ArrayList<>(all));
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /**
   * Asks for {@code adapter} alone on this request (none of them when null). Without a list the
   * server would apply every loaded adapter at its load-time scale.
   *
   * @throws IllegalArgumentException for an adapter that was not loaded beside this base
   */
  void applyTo(InferenceParameters params, String adapter) {
    if (paths.isEmpty()) {
      if (adapter != null) {
        throw new IllegalArgumentException("adapter " + adapter + " is not loaded (none are)");
      }
      return;
    }
    if (adapter != null && !paths.contains(adapter)) {
      throw new IllegalArgumentException("adapter " + adapter + " is not loaded; loaded: " + paths);
    }
    StringBuilder lora = new StringBuilder("[");
    for (int i = 0; i < paths.size(); i++) {
      lora.append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"scale\":")
          .append(paths.get(i).equals(adapter) ? "1.0" : "0.0")
          .append('}');
    }
    PromptLookup.requestMap(params).put("lora", lora.append(']').toString());
  }
}
