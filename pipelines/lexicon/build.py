#!/usr/bin/env python3
"""Writes the receipt pipeline's OCR lexicon: the words printed on the training receipts.

Reads the SROIE receipts' own text lines (ocr_boxes/*.csv, the transcriptions SROIE ships) of the
split's `train` and `tune` parts only, so the held-apart receipts (`test`) and every scan and photo
stay out of it. A word is a run of letters and digits with at least one letter and three or more
characters (io.docextract.ocr.Lexicon ignores the rest), upper-cased; all of them are kept, each
once, sorted.

    python3 pipelines/lexicon/build.py [--gold ../shared/data/sroie-train-text/gold.jsonl]
        [--split splits/sroie-train-text.json] [--out pipelines/lexicon/receipt-words.txt]
"""
import argparse, csv, json, os, re, sys

WORD = re.compile(r"[^\W_]+")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default="../shared/data/sroie-train-text/gold.jsonl")
    ap.add_argument("--split", default="splits/sroie-train-text.json")
    ap.add_argument("--out", default="pipelines/lexicon/receipt-words.txt")
    a = ap.parse_args()
    split = json.load(open(a.split))
    keep = set(split["train"]) | set(split["tune"])
    base = os.path.dirname(os.path.abspath(a.gold))
    words, docs = set(), 0
    for line in open(a.gold, encoding="utf-8"):
        g = json.loads(line)
        if g["doc"] not in keep:
            continue
        docs += 1
        with open(os.path.join(base, g["ocr_boxes"]), encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                text = ",".join(row[8:])
                for w in WORD.findall(text):
                    if len(w) >= 3 and any(c.isalpha() for c in w):
                        words.add(w.upper())
    if docs != len(keep):
        sys.exit(f"{a.gold} holds {docs} of the split's {len(keep)} train+tune receipts")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(f"# {len(words)} words of the {docs} train+tune receipts of {os.path.basename(a.split)}"
                " (SROIE's own text lines); written by pipelines/lexicon/build.py\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{len(words)} words from {docs} receipts -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
