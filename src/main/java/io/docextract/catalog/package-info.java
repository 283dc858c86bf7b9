/** The model catalogue and the store that finds, pulls and verifies model files. No Beam. */
package io.docextract.catalog;
