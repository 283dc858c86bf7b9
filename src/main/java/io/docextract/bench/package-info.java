/**
 * Throughput measurement: the same prompts the pipeline sends, issued straight to the model runtime
 * (the limit a pipeline can approach), and the figures both runs are compared on. No Beam here, so
 * the limit measures the runtime alone.
 */
package io.docextract.bench;
