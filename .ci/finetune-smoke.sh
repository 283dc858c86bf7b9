#!/usr/bin/env bash
# The fine-tune path for real but briefly: two LoRA steps on SmolLM2 with a learning rate high
# enough (0.05, the loss jumps) that two steps surely move greedy output,
# then the adapter must load in the pipeline and change its output, and the merged model built
# from it must load and answer. The long training runs are README commands, not CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=target/ci-finetune
rm -rf "$out"
mkdir -p "$out/docs"
# A model cache of its own: training is deterministic, so an earlier run's merged model for the
# same adapter would otherwise be picked up by the adapter run below.
export DOCEXTRACT_CACHE="$PWD/$out/model-cache"
python3 - "$out/docs" <<'PY'
import csv, json, pathlib, sys
gold = pathlib.Path("../shared/data/sroie-train-text")
lines = (gold / "gold.jsonl").read_text().splitlines()
for line in lines[300:303]:  # outside the 12 documents trained on
    g = json.loads(line)
    rows = csv.reader(open(gold / g["ocr_boxes"], encoding="utf-8"))
    text = "\n".join(",".join(r[8:]) for r in rows if len(r) > 8)
    (pathlib.Path(sys.argv[1]) / (g["doc"] + ".txt")).write_text(text)
PY
./docextract finetune --pipeline .ci/finetune-smoke.yaml \
  --train ../shared/data/sroie-train-text/gold.jsonl --text --select :12 --eval-split 0.25 \
  --max-steps 2 --lr 0.05 --out "$out/adapter"
test -s "$out/adapter/adapter.gguf"

./docextract run --pipeline .ci/finetune-smoke.yaml --model smollm2-135m-instruct --output "$out/base"
./docextract run --pipeline .ci/finetune-smoke.yaml --output "$out/adapter-run"
./docextract models merge --pipeline .ci/finetune-smoke.yaml
./docextract run --pipeline .ci/finetune-smoke.yaml --output "$out/merged-run"

python3 - "$out" <<'PY'
import glob, json, sys
out = sys.argv[1]
def outputs(run):
    got = {}
    for f in glob.glob(f"{out}/{run}/records*.jsonl") + glob.glob(f"{out}/{run}/review*.jsonl"):
        for line in open(f):
            r = json.loads(line)
            got[r["source"]] = (r.get("fields") or r.get("raw_output"), r.get("lineage", {}))
    s = json.load(open(f"{out}/{run}/summary.json"))
    assert s["inputs"] == s["records"] + s["review"] == 3, s
    return got
base, tuned, merged = outputs("base"), outputs("adapter-run"), outputs("merged-run")
assert all("adapter_sha256" in l for _, l in tuned.values()), "adapter run lacks adapter lineage"
changed = sum(base[k][0] != tuned[k][0] for k in base)
assert changed > 0, "the adapter did not change any output"
m_sha = {l["model_sha256"] for _, l in merged.values()}
t_sha = {l["model_sha256"] for _, l in tuned.values()}
assert m_sha.isdisjoint(t_sha), "the merged run did not use the merged model"
print(f"ci: fine-tune smoke: adapter changed {changed}/3 outputs; merged model answered 3/3")
PY
