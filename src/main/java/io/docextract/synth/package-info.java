/**
 * Synthetic receipts and invoices with known gold, for growth runs: many documents in varied
 * layouts (labels, field order, date formats, currencies, line items, noise) whose every gold
 * value is printed verbatim, deterministic for a seed. No Beam and no model here, so a corpus
 * can be made anywhere the jar runs.
 */
package io.docextract.synth;
