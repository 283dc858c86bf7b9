#!/usr/bin/env python3
"""Builds a train/eval JSONL for train_lora.py from SROIE text receipts, for testing the script.

The prompt APPROXIMATES what docextract's runtime sends for pipelines/variants/receipt-smollm2.yaml (SmolLM2)
(java-llama.cpp applyTemplate drops the leading "<|im_start|>"). For real training let the Java
CLI (`docextract finetune`) render the prompts: it produces the exact strings.

  python make_sroie_jsonl.py --data /work/shared/data/sroie-train-text \
      --schema /work/main/schemas/receipt.schema.json --select 0:8 > train.jsonl
"""
import argparse
import csv
import json
from pathlib import Path

INSTRUCTIONS = (
    "You extract data from shop receipts. Copy each value exactly as printed: the company\n"
    "name, the purchase date, the shop's address, and the total amount paid."
)


def ocr_text(csv_path: Path) -> str:
    lines = []
    with open(csv_path, encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.reader(f):
            if len(row) > 8:
                lines.append(",".join(row[8:]).strip())
    return "\n".join(l for l in lines if l)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--select", default=":", help="python slice over gold.jsonl lines, e.g. 0:8")
    ap.add_argument("--layout", choices=["chatml-runtime", "plain"], default="chatml-runtime",
                    help="chatml-runtime: SmolLM2 ChatML without the leading <|im_start|>; "
                         "plain: the runtime's layout for a model without chat template (Gemma 3 base)")
    a = ap.parse_args()
    data = Path(a.data)
    schema = json.loads(Path(a.schema).read_text())
    keys = list(schema["properties"])
    system = (INSTRUCTIONS.strip()
              + "\nAnswer with one JSON object that follows this JSON Schema, copying values from the document:\n"
              + json.dumps(schema, ensure_ascii=False))
    gold = [json.loads(l) for l in (data / "gold.jsonl").read_text().splitlines() if l.strip()]
    lo, hi = (a.select.split(":") + [""])[:2]
    for g in gold[slice(int(lo) if lo else None, int(hi) if hi else None)]:
        text = ocr_text(data / g["ocr_boxes"])
        if a.layout == "plain":  # ModelRuntime.renderPrompt without a chat template
            prompt = system + "\n\n" + "Document:\n" + text.strip() + "\nJSON: "
        else:
            prompt = ("system\n" + system + "<|im_end|>\n<|im_start|>user\nDocument:\n" + text.strip()
                      + "<|im_end|>\n<|im_start|>assistant\n")
        answer = json.dumps({k: g["fields"].get(k, "") for k in keys}, ensure_ascii=False, separators=(",", ":"))
        print(json.dumps({"id": g["doc"], "prompt": prompt, "completion": answer}, ensure_ascii=False))


if __name__ == "__main__":
    main()
