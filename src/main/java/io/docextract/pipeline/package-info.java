/** The Beam graph: one PTransform per stage, wired by {@code ExtractDocuments}. */
package io.docextract.pipeline;
