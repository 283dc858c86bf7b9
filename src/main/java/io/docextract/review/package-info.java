/**
 * The review queue: review items, their exports and imports (JSONL, CSV, Label Studio). No Beam.
 */
package io.docextract.review;
