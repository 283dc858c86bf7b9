/**
 * The model runtime: loading a GGUF once per JVM, prompts, grammars, parallel slots and completions
 * through java-llama.cpp. No Beam here, so it can be tested and benchmarked alone.
 */
package io.docextract.model;
