/**
 * A remote second tier: an OpenAI-compatible chat-completions endpoint (llama.cpp server, vLLM,
 * Ollama, a hosted API) asked for the same JSON as the local model, with a timeout, bounded retries
 * and a per-run budget. No Beam here, so the client is tested against a loopback server alone.
 * Nothing is sent anywhere unless a pipeline file names the endpoint.
 */
package io.docextract.endpoint;
