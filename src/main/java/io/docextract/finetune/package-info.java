/**
 * Fine-tuning: seeded splits with exclusions, and the Python LoRA trainer behind the CLI. No Beam.
 */
package io.docextract.finetune;
