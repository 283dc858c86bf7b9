/** Pipeline files: reading, checking and resolving them into a serializable {@code JobConfig}. */
package io.docextract.config;
