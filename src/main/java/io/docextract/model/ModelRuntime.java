package io.docextract.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.Pair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model loaded once per JVM and shared by every caller with the same {@link ModelSettings}.
 * java-llama.cpp leaks native memory when a model is opened and closed repeatedly
 * (kherud/java-llama.cpp#102), so a released model stays loaded for the next job in the same JVM;
 * {@link #shutdownIdle()} closes the idle ones when the process is done.
 *
 * <p>Thread-safe: callers on several threads run in parallel, up to the number of llama.cpp slots
 * of every copy ({@link ModelSettings#replicas()}); each request runs whole on one copy.
 */
public final class ModelRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRuntime.class);
  private static final Map<Key, ModelRuntime> LOADED = new HashMap<>();
  private static int loads;
  private static int acquisitions;

  private final ModelSettings settings;
  private final AdapterSet adapters;

  /** The loaded copies; the first tokenizes and renders prompts for all (they are one file). */
  private final List<LlamaModel> copies;

  /** A free slot is its copy's stream, queued once per slot; copies alternate in the queue. */
  private final BlockingQueue<TokenStream> slots = new LinkedBlockingQueue<>();

  private final long loadMillis;
  private int references;

  private ModelRuntime(
      ModelSettings settings, AdapterSet adapters, List<LlamaModel> copies, long loadMillis) {
    this.settings = settings;
    this.adapters = adapters;
    this.copies = List.copyOf(copies);
    List<TokenStream> streams = new ArrayList<>();
    for (LlamaModel copy : copies) {
      streams.add(new TokenStream(copy, adapters));
    }
    for (int slot = 0; slot < settings.parallel(); slot++) {
      slots.addAll(streams);
    }
    this.loadMillis = loadMillis;
  }

  /** The shared runtime for these settings, loading the model on first use. Pair with close(). */
  public static synchronized ModelRuntime acquire(ModelSettings settings) {
    return acquire(settings, List.of());
  }

  /**
   * The shared runtime of this base with its adapter and the {@code companions} loaded beside it,
   * so that document types whose models differ only in their adapter share one copy of the base.
   * Every caller of one job passes the same companions and so gets the same runtime; requests name
   * their adapter ({@link #complete(String, String, ValueScaffold, int, String)}).
   */
  public static synchronized ModelRuntime acquire(
      ModelSettings settings, Collection<String> companions) {
    AdapterSet set = AdapterSet.of(settings.adapterPath(), companions);
    Key key = new Key(settings.withAdapter(null, null), set);
    ModelRuntime runtime = LOADED.get(key);
    if (runtime == null) {
      long start = System.nanoTime();
      List<LlamaModel> copies = new ArrayList<>();
      try {
        for (int i = 0; i < settings.replicas(); i++) {
          copies.add(ModelLoader.load(settings, set));
        }
      } catch (RuntimeException e) {
        // A copy that fails to load (out of memory, say) leaves none of the others held.
        copies.forEach(LlamaModel::close);
        throw e;
      }
      loads++;
      runtime = new ModelRuntime(settings, set, copies, (System.nanoTime() - start) / 1_000_000);
      LOADED.put(key, runtime);
    }
    runtime.references++;
    acquisitions++;
    return runtime;
  }

  /** Models loaded into this JVM so far: proof that DoFn instances share one copy. */
  public static synchronized int loadCount() {
    return loads;
  }

  /**
   * The native library this JVM loads: {@code amx}, {@code avx512} or {@code avx2} (docextract's
   * builds, native/README.md) or {@code stock}.
   */
  public static String nativeBuild() {
    return NativeLibrary.build();
  }

  /** Times a caller acquired a runtime in this JVM so far. */
  public static synchronized int acquireCount() {
    return acquisitions;
  }

  /** Closes every model no caller holds. For the end of a process, not between jobs. */
  public static synchronized void shutdownIdle() {
    LOADED
        .values()
        .removeIf(
            r -> {
              if (r.references == 0) {
                r.copies.forEach(LlamaModel::close);
                return true;
              }
              return false;
            });
  }

  /** What makes two loaded models the same: the base's settings and the adapters beside it. */
  private record Key(ModelSettings base, AdapterSet adapters) {}

  public ModelSettings settings() {
    return settings;
  }

  /** The adapters loaded beside the base. */
  public AdapterSet adapters() {
    return adapters;
  }

  /** Copies of the model this runtime decodes on ({@link ModelSettings#replicas()}). */
  public int copies() {
    return copies.size();
  }

  public long loadMillis() {
    return loadMillis;
  }

  public int countTokens(String text) {
    return copies.get(0).encode(text).length;
  }

  /**
   * The prompt string for an extraction: the model's own chat template when it has one, a plain
   * layout for a base model. java-llama.cpp's complete() ignores messages set on the parameters, so
   * the template is applied here and the result passed as the prompt.
   */
  public String renderPrompt(ExtractionPrompt prompt, String documentText) {
    return renderTurns(prompt.system(), prompt.turns(documentText));
  }

  /** A system text and (role, content) turns as one prompt string in the model's own format. */
  public String renderTurns(String system, List<String[]> turns) {
    if (settings.chatTemplate()) {
      List<Pair<String, String>> messages = new ArrayList<>();
      for (String[] t : turns) {
        messages.add(new Pair<>(t[0], t[1]));
      }
      return copies.get(0).applyTemplate(new InferenceParameters("").setMessages(system, messages));
    }
    StringBuilder plain = new StringBuilder(system).append("\n\n");
    for (String[] t : turns) {
      plain.append(t[0].equals("user") ? t[1] + "\nJSON: " : t[1] + "\n\n");
    }
    return plain.toString();
  }

  /**
   * Generates a reply under a grammar at temperature 0, stopping as soon as the JSON value closes.
   *
   * @throws ContextOverflowException when the prompt leaves no room for the reply in one slot
   */
  public Completion complete(String prompt, String grammar, int maxTokens)
      throws InterruptedException {
    return completeWhole(prompt, grammar, maxTokens, ownRequest(settings.adapterPath()));
  }

  private Completion completeWhole(String prompt, String grammar, int maxTokens, Request req)
      throws InterruptedException {
    int promptTokens = fitOrThrow(prompt, maxTokens);
    TokenStream tokens = slots.take();
    try {
      long start = System.nanoTime();
      TokenProbabilities probs = new TokenProbabilities();
      TokenStream.Piece p =
          tokens.generate(
              prompt,
              grammar,
              maxTokens,
              new JsonEndDetector(),
              RepeatedElements.json(),
              probs,
              req.cachePrompt(),
              req.adapter(),
              req.lookup());
      return new Completion(
          p.text(),
          p.reason(),
          promptTokens,
          p.generated(),
          p.firstTokenMillis(),
          (System.nanoTime() - start) / 1_000_000,
          probs.byField(p.text()));
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      slots.add(tokens);
    }
  }

  /**
   * Value by value when the type has a {@link ValueScaffold} (null: none), else the whole object
   * under {@code grammar}.
   */
  public Completion complete(String prompt, String grammar, ValueScaffold scaffold, int maxTokens)
      throws InterruptedException {
    return complete(prompt, grammar, scaffold, maxTokens, settings.adapterPath());
  }

  /** The same with the named adapter on (one of {@link #adapters()}; null for the base alone). */
  public Completion complete(
      String prompt, String grammar, ValueScaffold scaffold, int maxTokens, String adapter)
      throws InterruptedException {
    return complete(prompt, grammar, scaffold, maxTokens, ownRequest(adapter));
  }

  /**
   * The same as a document type's own model asks for it on this shared base: its adapter, reply
   * budget, prompt cache and drafting ({@code request}'s; its base and load settings are this
   * runtime's).
   */
  public Completion complete(
      String prompt, String grammar, ValueScaffold scaffold, ModelSettings request)
      throws InterruptedException {
    return complete(
        prompt,
        grammar,
        scaffold,
        request.maxTokens(),
        new Request(request.adapterPath(), request.cachePrompt(), request.lookup()));
  }

  private Completion complete(
      String prompt, String grammar, ValueScaffold scaffold, int maxTokens, Request req)
      throws InterruptedException {
    return scaffold != null
        ? completeValues(prompt, scaffold, maxTokens, req)
        : completeWhole(prompt, grammar, maxTokens, req);
  }

  /** Per request on a shared base: which adapter, whether to reuse the cache, drafting. */
  private record Request(String adapter, boolean cachePrompt, PromptLookup lookup) {}

  private Request ownRequest(String adapter) {
    return new Request(adapter, settings.cachePrompt(), settings.lookup());
  }

  /**
   * Generates a JSON object value by value: the scaffold's keys and punctuation are written into
   * the prompt, the model decodes only each value under its property's grammar (see {@link
   * ValueScaffold}), and the prompt cache keeps the growing prefix. One slot is held for the whole
   * object. The reply is the assembled object, or the text up to where generation stopped.
   */
  public Completion completeValues(String prompt, ValueScaffold scaffold, int maxTokens)
      throws InterruptedException {
    return completeValues(prompt, scaffold, maxTokens, ownRequest(settings.adapterPath()));
  }

  private Completion completeValues(
      String prompt, ValueScaffold scaffold, int maxTokens, Request req)
      throws InterruptedException {
    // The keys are read as prompt too: they must fit beside the reply.
    int promptTokens = fitOrThrow(prompt, maxTokens + countTokens(scaffold.leads()));
    TokenStream tokens = slots.take();
    try {
      long start = System.nanoTime();
      long firstToken = -1;
      int generated = 0;
      StopReason reason = StopReason.COMPLETE_JSON;
      boolean cutRepeat = false;
      StringBuilder reply = new StringBuilder();
      TokenProbabilities probs = new TokenProbabilities();
      for (ValueScaffold.Slot slot : scaffold.slots()) {
        if (generated >= maxTokens) {
          reason = StopReason.TOKEN_LIMIT;
          break;
        }
        // After the first value the slot holds this document's own prompt: reusing it keeps a
        // rerun byte-identical (the split into batches depends on this document alone), where a
        // prefix left by another document would not; without it every value re-reads the prompt.
        boolean cache = req.cachePrompt() || reply.length() > 0;
        reply.append(slot.lead());
        probs.add(slot.lead(), null);
        JsonEndDetector end =
            slot.inString() ? JsonEndDetector.insideString() : JsonEndDetector.memberValue();
        TokenProbabilities pieceProbs = new TokenProbabilities();
        long before = (System.nanoTime() - start) / 1_000_000;
        TokenStream.Piece p =
            tokens.generate(
                prompt + reply,
                slot.grammar(),
                maxTokens - generated,
                end,
                slot.inString() ? RepeatedElements.insideString() : RepeatedElements.json(),
                pieceProbs,
                cache,
                req.adapter(),
                req.lookup());
        if (firstToken < 0 && p.firstTokenMillis() >= 0) {
          firstToken = before + p.firstTokenMillis();
        }
        generated += p.generated();
        cutRepeat |= p.reason() == StopReason.REPEATED_ELEMENT;
        // The value without the punctuation its last token may carry; a number ended by the
        // end of text is all value.
        int valueChars = end.complete() ? end.valueEnd() : p.text().stripTrailing().length();
        reply.append(p.text(), 0, valueChars);
        probs.appendCut(pieceProbs, valueChars);
        if (p.reason() == StopReason.TOKEN_LIMIT
            || p.reason() == StopReason.REPETITION
            || (slot.inString() && !end.complete())) {
          reason = p.reason() == StopReason.REPETITION ? p.reason() : StopReason.TOKEN_LIMIT;
          break;
        }
      }
      if (reason == StopReason.COMPLETE_JSON) {
        reply.append('}');
        probs.add("}", null);
        if (cutRepeat) {
          reason = StopReason.REPEATED_ELEMENT;
        }
      }
      String text = reply.toString();
      return new Completion(
          text,
          reason,
          promptTokens,
          generated,
          firstToken,
          (System.nanoTime() - start) / 1_000_000,
          probs.byField(text));
    } catch (RuntimeException e) {
      throw failure(e);
    } finally {
      slots.add(tokens);
    }
  }

  private int fitOrThrow(String prompt, int maxTokens) {
    int promptTokens = countTokens(prompt);
    if (promptTokens + maxTokens > settings.slotContext()) {
      throw new ContextOverflowException(promptTokens, maxTokens, settings.slotContext());
    }
    return promptTokens;
  }

  private static RuntimeException failure(RuntimeException e) {
    // java-llama.cpp's LlamaException is package-private: recognise it by name.
    if (e.getClass().getName().equals("de.kherud.llama.LlamaException")) {
      return new ModelFailureException("llama.cpp: " + e.getMessage(), e);
    }
    return e;
  }

  /**
   * Proves a grammar is in force: a short constrained generation must start a JSON object.
   * llama.cpp silently ignores a grammar it cannot parse, so without this a bad schema yields free
   * text.
   */
  public void checkGrammar(String grammar, String name) throws InterruptedException {
    ExtractionPrompt probe0 = new ExtractionPrompt("Reply with JSON.", "{}", List.of());
    Completion probe = complete(renderPrompt(probe0, "{}"), grammar, 8);
    String text = probe.text().stripLeading();
    if (!text.startsWith("{")) {
      throw new IllegalStateException(
          "the grammar for '"
              + name
              + "' is not enforced by llama.cpp (probe replied "
              + quote(text)
              + "); check the schema for constructs the converter cannot handle");
    }
  }

  private static String quote(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return "\"" + cut.replace("\n", "\\n") + "\"";
  }

  @Override
  public void close() {
    synchronized (ModelRuntime.class) {
      references--;
    }
  }
}
