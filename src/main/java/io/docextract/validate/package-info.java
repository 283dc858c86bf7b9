/**
 * Checking model replies: JSON parsing and JSON Schema validation into a {@code Verdict}. No Beam.
 */
package io.docextract.validate;
