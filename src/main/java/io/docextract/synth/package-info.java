/**
 * Synthetic receipts and invoices with known gold, for growth runs and for training the invoice
 * adapter: many documents in varied layouts (labels, field order, date formats, currencies, line
 * items, noise; invoices also in five languages, several number formats, with tax, discounts,
 * credit notes, two pages, as text, HTML, PDF and DOCX) whose gold values are printed in the
 * document (an invoice's amount and date in its own format), deterministic for a seed. No Beam and
 * no model here, so a corpus can be made anywhere the jar runs.
 */
package io.docextract.synth;
