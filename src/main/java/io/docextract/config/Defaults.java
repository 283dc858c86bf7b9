package io.docextract.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a pipeline file gets for each setting it leaves out, in one place. Defaults of the values
 * other packages own (ParseLimits, OcrSettings, Classification, ReviewPolicy, Escalation) stay with
 * those values and are only referred to from the sections.
 */
public final class Defaults {

  private Defaults() {}

  /** Characters of document text a prompt may carry ({@code limits.maxPromptChars}). */
  public static final int MAX_PROMPT_CHARS = 6000;

  /** The smallest {@code limits.maxPromptChars} accepted. */
  public static final int MIN_PROMPT_CHARS = 100;

  /** Requests per model batch ({@code batchSize}) and its accepted range. */
  public static final int BATCH_SIZE = 8;

  public static final int MAX_BATCH_SIZE = 1024;

  /** Model runtime ({@code model.*}). */
  public static final int CONTEXT_SIZE = 4096;

  public static final int PARALLEL = 1;
  public static final int REPLICAS = 1;
  public static final int MAX_TOKENS = 512;

  /** Prompt lookup decoding ({@code model.promptLookup}) when the section is given. */
  public static final int LOOKUP_NGRAM_MIN = 2;

  public static final int LOOKUP_DRAFT_MAX = 8;

  /** A remote tier ({@code escalation.endpoint.*}). */
  public static final int ENDPOINT_TIMEOUT_SECONDS = 60;

  public static final int ENDPOINT_RETRIES = 2;
  public static final int ENDPOINT_MAX_TOKENS = 512;
  public static final int ENDPOINT_MAX_REQUESTS = 100;

  /**
   * The first tier sees every document, so its budget only guards against a runaway; the second
   * sees the few the first failed on, so a small budget guards against a run that sends it all.
   */
  public static final int FIRST_TIER_MAX_REQUESTS = 1_000_000;

  /** Long text ({@code longText.*}): passage or chunk window and chunks per document. */
  public static final int WINDOW_CHARS = 700;

  public static final int MAX_CHUNKS = 8;

  /** Checks ({@code checks[].*}). */
  public static final int DATE_MAX_AGE_YEARS = 30;

  public static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.01");

  /** Which fields must be found in the text ({@code review.grounded}). */
  public static final List<String> GROUNDED = List.of("required");

  /** The threads a model uses when the file does not say: every core of this machine. */
  static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
