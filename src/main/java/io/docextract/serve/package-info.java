/**
 * The model runtime behind an OpenAI-compatible HTTP API, so one machine can host the model other
 * jobs escalate to (or any OpenAI client can use). No Beam here.
 */
package io.docextract.serve;
