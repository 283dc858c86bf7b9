/**
 * Fitting a long document into one prompt by choosing its passages: the text is cut into
 * paragraph-sized passages, each field's query ranks them with BM25, and the best passages per
 * field (plus the opening, where parties and dates sit) are kept in document order up to the prompt
 * budget. One model call per document, and the governing-law clause on page 9 is still seen. No
 * Beam here.
 */
package io.docextract.passages;
