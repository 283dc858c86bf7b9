/** Reading documents with Apache Tika: bytes to text, type and metadata, within limits. No Beam. */
package io.docextract.ingest;
