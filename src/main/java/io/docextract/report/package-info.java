/** The static HTML page a run leaves for people: where documents went and why. No Beam. */
package io.docextract.report;
