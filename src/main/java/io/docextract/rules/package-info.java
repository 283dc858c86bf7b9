/** Regex rules per field: the baseline eval compares against and the model's fallback. No Beam. */
package io.docextract.rules;
