/**
 * Finding extracted values in the document text: the evidence a reviewer sees and the first test of
 * whether a small model copied a value or invented it. No Beam, no model.
 */
package io.docextract.grounding;
