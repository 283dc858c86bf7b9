/** The review queue's vocabulary: reason codes and review items. No Beam here. */
package io.docextract.review;
