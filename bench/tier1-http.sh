#!/usr/bin/env bash
# The receipt pipeline's first tier three ways on the same held-apart receipts (the test part of
# splits/sroie-train-text.json, given text): the model in the JVM, the same model behind
# `docextract serve`, and behind llama-cpp-python's OpenAI-compatible server (a server the
# project did not write). Prints each eval's field exact and docs/min, and the CPU-seconds per
# receipt of every process doing the work (the JVM, plus the server's).
#
# usage: bench/tier1-http.sh [--receipts N]     (N=20 by default; needs .ci/run's venv-lcp)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=20
while (($#)); do
  case "$1" in
    --receipts) n=$2; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
lcp="${DOCEXTRACT_LLAMA_CPP_PYTHON:-$HOME/.cache/docextract/venv-lcp/bin/python}"
work="out/tier1-http"
rm -rf "$work" && mkdir -p "$work"
./docextract --version >/dev/null   # builds the jar first, outside the timings
gold=../shared/data/sroie-train-text/gold.jsonl
eval_args=(--gold "$gold" --text --split splits/sroie-train-text.json:test --select "0:$n")

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, clock ticks
tick=$(getconf CLK_TCK)

row() { # label, eval dir, server pid (or empty), server ticks before
  python3 - "$@" "$n" "$tick" <<'PY'
import json, sys
label, out, pid, before, n, tick = sys.argv[1:7]
md = open(f"{out}/eval.md").read().splitlines()
rows = [l for l in md if l.startswith("| ") and ".gguf" in l or l.startswith("| ") and "@" in l]
cells = [c.strip() for c in rows[0].strip("|").split("|")]
head = [l for l in md if l.startswith("| system |")][0]
cols = [c.strip() for c in head.strip("|").split("|")]
v = dict(zip(cols, cells))
server = 0.0
if pid:
    server = (int(open(f"/proc/{pid}/stat").read().split()[13]) + int(open(f"/proc/{pid}/stat").read().split()[14]) - int(before)) / int(tick)
jvm = float(v["CPU-s/1000 docs"]) / 1000
print(f"{label:28} field exact {v['field exact']:26} docs/min {v['docs/min']:>6}  "
      f"CPU-s/receipt: JVM {jvm:.2f} + server {server / int(n):.2f} = {jvm + server / int(n):.2f}")
PY
}

echo "in-process (the receipt pipeline as shipped)"
./docextract eval --pipeline pipelines/receipt.yaml "${eval_args[@]}" --out "$work/local" >/dev/null
row "in-process" "$work/local" "" 0
# The GGUF the in-process runtime loaded for the receipt type (the merged model where `models
# merge` made one, else the base), so the third-party server holds the same weights.
model=$(sed -n 's/^| \([^ |]*\.gguf\) | .*/\1/p' "$work/local/eval.md" | head -1)
gguf=$(find "$HOME/.cache/docextract/models" -name "$model" | head -1)
lora=()
if [[ -z "$gguf" ]]; then  # not merged: base + adapter, as the pipeline names them
  gguf=$(find "$HOME/.cache/docextract/models" -maxdepth 1 -name 'gemma-3-270m*.gguf' | head -1)
  lora=(--lora_path models/adapters/receipt-gemma3/adapter.gguf)
fi

served_pipeline() { # port, responseFormat, logprobs
  sed -e "s|url: http://127.0.0.1:8090/v1|url: http://127.0.0.1:$1/v1|" \
      -e "s|responseFormat: json_mode|responseFormat: $2|" -e "s|logprobs: true |logprobs: $3 |" \
      -e "s|from: pipelines/receipt.yaml|from: $PWD/pipelines/receipt.yaml|" \
      pipelines/variants/receipt-served.yaml
}
wait_for() { # port, pid
  for _ in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$1/v1/models" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "server exited" >&2; return 1; }
    sleep 0.5
  done
  return 1
}

echo "docextract serve (the same runtime behind HTTP; json_schema, no logprobs)"
./docextract serve --pipeline pipelines/receipt.yaml --port 18091 --name receipt \
  >"$work/serve.log" 2>&1 &
spid=$!
wait_for 18091 "$spid"
spid=$(pgrep -f -- "--port 18091" | head -1)
served_pipeline 18091 json_schema false >"$work/serve.yaml"
before=$(cpu "$spid")
./docextract eval --pipeline "$work/serve.yaml" "${eval_args[@]}" --out "$work/serve" >/dev/null
row "docextract serve" "$work/serve" "$spid" "$before"
kill "$spid"; wait 2>/dev/null || true

# Without logprobs: llama-cpp-python 0.3.8 ranks the whole 262k vocabulary in Python for each
# reply token's logprobs (21 s against 7 s for a 30-token reply here); values are the same either
# way, only confidence (and so routing) needs them.
echo "llama-cpp-python 0.3.8 server (same GGUF; json_mode, no logprobs)"
"$lcp" -m llama_cpp.server --model "$gguf" "${lora[@]}" --model_alias receipt --chat_format chatml \
  --host 127.0.0.1 --port 18092 --n_ctx 4096 --n_threads 2 --n_threads_batch 2 \
  >"$work/lcp.log" 2>&1 &
lpid=$!
wait_for 18092 "$lpid"
served_pipeline 18092 json_mode false >"$work/lcp.yaml"
before=$(cpu "$lpid")
./docextract eval --pipeline "$work/lcp.yaml" "${eval_args[@]}" --out "$work/lcp" >/dev/null
row "llama-cpp-python" "$work/lcp" "$lpid" "$before"
kill "$lpid"; wait 2>/dev/null || true
echo "GGUF: $gguf; eval reports in $work/"
