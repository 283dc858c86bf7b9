/**
 * The shared vocabulary every other package may use: reason codes, value normalisation, JSON lines,
 * text spans and percentiles. It sits at the bottom, so it imports no other docextract package and
 * no Beam (PackageDependenciesTest keeps it so).
 */
package io.docextract.values;
