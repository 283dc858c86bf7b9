/** Whether a model's reply becomes a record or a review item, in plain Java. No Beam. */
package io.docextract.decision;
