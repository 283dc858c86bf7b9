/**
 * Declarative checks across the fields of a record, beyond what JSON Schema can say: plausible
 * dates, totals that add up, fields that need one another, values of a given shape. No Beam.
 */
package io.docextract.checks;
