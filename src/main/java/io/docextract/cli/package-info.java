/** The picocli commands: each parses its options, calls a service below it and maps the result. */
package io.docextract.cli;
