/**
 * Which declared document type a document is, for folders that mix them: the words that mark each
 * type first (cheap, and right most of the time), then the small model choosing among the types
 * under a grammar when the words do not decide. No Beam here.
 */
package io.docextract.classify;
