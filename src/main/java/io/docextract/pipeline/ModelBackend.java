package io.docextract.pipeline;

import java.io.Serializable;

/**
 * Where a tier's answers come from. The extraction stage ({@link ExtractFields}) is the same for
 * every backend: batches in, as many requests in flight as the backend takes, each failure to
 * review with its reason. A backend is only how one request is answered: by the model in this JVM
 * ({@link LocalModel}) or by an OpenAI-compatible server that holds a model ({@link ServedModel}).
 * The first tier and the escalation tier each choose one.
 */
public interface ModelBackend extends Serializable {

  /**
   * Opens the backend in a worker: loads the models, or makes the client. Called once per DoFn
   * instance; the worker is closed at its teardown.
   *
   * @param tier which tier this is (1 for the pipeline's own), for failure reasons and lineage
   */
  Worker open(int tier);

  /** The backend as one worker holds it. Thread-safe: requests arrive from a pool. */
  interface Worker extends AutoCloseable {

    /** How many requests to keep in flight at once. */
    int concurrency();

    /**
     * Answers one request; a request the backend cannot answer throws {@link BackendFailure}, which
     * sends the document (or chunk) to review. Any other exception is a defect and fails the
     * bundle.
     */
    Extraction answer(ExtractionRequest request) throws InterruptedException;

    @Override
    void close();
  }
}
