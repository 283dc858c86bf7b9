package io.docextract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docextract.catalog.Checksums;
import io.docextract.eval.GoldDocument;
import io.docextract.eval.GoldSet;
import io.docextract.eval.GoldTexts;
import io.docextract.ingest.ParseLimits;
import io.docextract.values.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An adapter to continue training from ({@code finetune --from}), as its folder describes it: the
 * adapter file and its sha256, its version, and every labelled document it was trained on, directly
 * or by replay through its own parents ({@code sources} in training.json; an adapter from before
 * that key has one source, its gold file's {@code train_ids}). Its documents are read again from
 * their gold files, so a replayed example is rendered with today's prompt, as the new ones are.
 */
record TrainingSources(
    Path adapter, String adapterSha256, String baseSha256, int version, List<Source> sources) {

  /** One gold file's documents an adapter was trained on. */
  record Source(String gold, String select, boolean givenText, List<String> ids) {}

  static TrainingSources read(Path from) throws IOException {
    Path adapter = Files.isDirectory(from) ? from.resolve("adapter.gguf") : from;
    Path training = adapter.toAbsolutePath().getParent().resolve("training.json");
    if (!Files.isRegularFile(adapter)) {
      throw new CommandFailure(ExitCodes.BAD_CONFIG, "--from: no adapter at " + adapter);
    }
    if (!Files.isRegularFile(training)) {
      throw new CommandFailure(
          ExitCodes.BAD_CONFIG,
          "--from: no "
              + training
              + " beside the adapter: without it the earlier training data cannot be replayed");
    }
    JsonNode t = JsonLines.mapper().readTree(training.toFile());
    List<Source> sources = new ArrayList<>();
    if (t.has("sources")) {
      for (JsonNode s : t.get("sources")) {
        sources.add(source(s.path("gold"), s.path("select"), s.path("given_text"), s.path("ids")));
      }
    } else {
      sources.add(
          source(t.path("gold"), t.path("select"), t.path("given_text"), t.path("train_ids")));
    }
    return new TrainingSources(
        adapter,
        Checksums.sha256(adapter),
        t.path("base_sha256").asText(null),
        t.path("version").asInt(1),
        List.copyOf(sources));
  }

  private static Source source(JsonNode gold, JsonNode select, JsonNode text, JsonNode ids) {
    List<String> list = new ArrayList<>();
    ids.forEach(i -> list.add(i.asText()));
    return new Source(
        gold.asText(), select.asText("all"), text.asBoolean(false), List.copyOf(list));
  }

  /**
   * The documents of every source with their texts, in source order; the first of two documents
   * with the same id wins. A recorded id its gold file no longer holds is an error: the replay
   * would silently shrink.
   */
  Map<GoldDocument, String> documents(ParseLimits limits) throws IOException {
    Map<GoldDocument, String> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Source s : sources) {
      Map<String, GoldDocument> byId = new LinkedHashMap<>();
      for (GoldDocument g : GoldSet.slice(GoldSet.load(Path.of(s.gold())), s.select())) {
        byId.put(g.doc(), g);
      }
      List<GoldDocument> docs = new ArrayList<>();
      for (String id : s.ids()) {
        GoldDocument g = byId.get(id);
        if (g == null) {
          throw new CommandFailure(
              ExitCodes.BAD_CONFIG,
              "--from: " + s.gold() + " [" + s.select() + "] no longer holds document " + id);
        }
        if (seen.add(id)) {
          docs.add(g);
        }
      }
      out.putAll(GoldTexts.load(docs, s.givenText(), null, limits));
    }
    return out;
  }

  /** {@code sources} plus one more: what an adapter trained from this one has seen. */
  static ArrayNode json(List<Source> sources) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Source s : sources) {
      ObjectNode o = a.addObject();
      o.put("gold", s.gold());
      o.put("select", s.select());
      o.put("given_text", s.givenText());
      ArrayNode ids = o.putArray("ids");
      s.ids().forEach(ids::add);
    }
    return a;
  }
}
