package io.docextract.config;

import static io.docextract.config.Sections.or;

import io.docextract.ingest.OcrSettings;
import io.docextract.ingest.ParseLimits;

/** {@code limits:}: the parse limits and the prompt's text budget. */
final class LimitsSection {

  private LimitsSection() {}

  /** The parse limits as written, each missing one at its ParseLimits default. */
  static ParseLimits parseLimits(PipelineDefinition.Limits l) {
    if (l == null) {
      return ParseLimits.defaults();
    }
    PipelineDefinition.Ocr o = l.ocr();
    OcrSettings ocr =
        o == null
            ? OcrSettings.defaults()
            : new OcrSettings(
                    o.enabled() == null || o.enabled(),
                    o.language() == null ? OcrSettings.DEFAULT_LANGUAGE : o.language(),
                    o.pageTimeoutSeconds() == null
                        ? OcrSettings.DEFAULT_PAGE_TIMEOUT_SECONDS
                        : o.pageTimeoutSeconds())
                .with(
                    o.engine(),
                    o.psm(),
                    o.grey(),
                    o.minWidth(),
                    o.binarise(),
                    o.layout(),
                    o.threads(),
                    o.model(),
                    o.lexicon());
    return new ParseLimits(
        or(l.maxFileBytes(), ParseLimits.DEFAULT_MAX_FILE_BYTES),
        or(l.maxTextChars(), ParseLimits.DEFAULT_MAX_TEXT_CHARS),
        or(l.timeoutSeconds(), ParseLimits.DEFAULT_TIMEOUT_SECONDS),
        or(l.maxParts(), ParseLimits.DEFAULT_MAX_PARTS),
        or(l.maxDepth(), ParseLimits.DEFAULT_MAX_DEPTH),
        or(l.maxExpandedBytes(), ParseLimits.DEFAULT_MAX_EXPANDED_BYTES),
        or(l.parserHeapMb(), ParseLimits.DEFAULT_PARSER_HEAP_MB),
        ocr,
        l.eInvoices() == null || l.eInvoices());
  }

  /** {@code limits.maxPromptChars}, at least {@link Defaults#MIN_PROMPT_CHARS}. */
  static int maxPromptChars(PipelineDefinition.Limits limits) {
    int maxPromptChars =
        limits == null || limits.maxPromptChars() == null
            ? Defaults.MAX_PROMPT_CHARS
            : limits.maxPromptChars();
    if (maxPromptChars < Defaults.MIN_PROMPT_CHARS) {
      throw new IllegalArgumentException(
          "maxPromptChars must be >= " + Defaults.MIN_PROMPT_CHARS + ", got " + maxPromptChars);
    }
    return maxPromptChars;
  }
}
