#!/usr/bin/env bash
# Creates the Python venv for `docextract finetune` and fetches the llama.cpp converters
# (vendored in the llama-cpp-python 0.3.8 sdist, llama.cpp of March 2025, close to the b4916
# inside de.kherud:llama 4.2.0). Idempotent: each part is skipped when its marker file matches.
#
#   DOCEXTRACT_VENV       venv location      (default $HOME/.cache/docextract/venv)
#   DOCEXTRACT_CACHE_DIR  cache location     (default $HOME/.cache/docextract)
#   DOCEXTRACT_PYTHON     python interpreter (default python3.11, else python3; needs >= 3.10)
#
# With --merge-only it builds the small venv `docextract models merge` needs (gguf and numpy, no
# torch) at $DOCEXTRACT_CACHE_DIR/venv-merge and fetches no converters.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_dir="${DOCEXTRACT_CACHE_DIR:-$HOME/.cache/docextract}"
merge_only=false
[[ "${1:-}" == "--merge-only" ]] && merge_only=true
if $merge_only; then
  venv="$cache_dir/venv-merge"
  req="$here/requirements-merge.txt"
  imports='import gguf, numpy'
else
  venv="${DOCEXTRACT_VENV:-$cache_dir/venv}"
  req="$here/requirements.txt"
  imports='import torch, transformers, peft, gguf, sentencepiece, safetensors, numpy'
fi
conv_dir="$cache_dir/llama-cpp-converters"
lcp_version="0.3.8"

log() { echo "[setup_venv] $*" >&2; }

py="${DOCEXTRACT_PYTHON:-}"
if [[ -z "$py" ]]; then
  if command -v python3.11 >/dev/null 2>&1; then py=python3.11; else py=python3; fi
fi
"$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || { log "need Python >= 3.10, got $("$py" --version 2>&1)"; exit 1; }

# --- venv -------------------------------------------------------------------------------------
req_hash="$(sha256sum "$req" | cut -d' ' -f1)"
venv_marker="$venv/.docextract-requirements.sha256"
if [[ -f "$venv_marker" && "$(cat "$venv_marker")" == "$req_hash" && -x "$venv/bin/python" ]]; then
  log "venv up to date: $venv"
else
  log "creating venv $venv with $("$py" --version 2>&1)"
  start=$(date +%s)
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -r "$req"
  "$venv/bin/python" -c "$imports"
  echo "$req_hash" > "$venv_marker"
  log "venv ready in $(( $(date +%s) - start )) s, size $(du -sh "$venv" | cut -f1)"
fi

if $merge_only; then
  echo "$venv"
  exit 0
fi

# --- converters (convert_hf_to_gguf.py, convert_lora_to_gguf.py and their own gguf-py) -------
conv_marker="$conv_dir/.docextract-llama-cpp-python-$lcp_version"
if [[ -f "$conv_marker" && -f "$conv_dir/convert_lora_to_gguf.py" && -d "$conv_dir/gguf-py/gguf" ]]; then
  log "converters present: $conv_dir"
else
  log "fetching llama-cpp-python==$lcp_version sdist for its llama.cpp converters"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  "$venv/bin/python" -m pip download --quiet --no-deps --no-binary :all: \
    "llama-cpp-python==$lcp_version" -d "$tmp"
  sdist="$(ls "$tmp"/llama_cpp_python-"$lcp_version".tar.gz)"
  tar -xzf "$sdist" -C "$tmp"
  src="$tmp/llama_cpp_python-$lcp_version/vendor/llama.cpp"
  [[ -f "$src/convert_lora_to_gguf.py" ]] || { log "converter not found in $sdist"; exit 1; }
  rm -rf "$conv_dir"
  mkdir -p "$conv_dir"
  cp "$src"/convert_hf_to_gguf.py "$src"/convert_lora_to_gguf.py "$conv_dir"/
  cp -r "$src/gguf-py" "$conv_dir/gguf-py"
  [[ -f "$src/LICENSE" ]] && cp "$src/LICENSE" "$conv_dir/LICENSE"
  sha256sum "$sdist" | cut -d' ' -f1 > "$conv_marker"
  log "converters ready: $conv_dir"
fi

echo "$venv"
