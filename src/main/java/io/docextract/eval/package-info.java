/**
 * Scoring against gold documents: scorers, intervals, calibration and the eval reports. No Beam.
 */
package io.docextract.eval;
