#!/usr/bin/env python3
"""Builds gold.jsonl and img/ for the SRD receipt photos from cambormiroslav/DP at a pinned commit.

The photos are not in this repository (the source carries no licence file): this script takes
them from a local git clone of the source (--git DIR, e.g. a `git clone --bare`) or downloads
them from GitHub (the default), and checks each file's git blob id against SOURCE.json's.
Receipts whose label has all four SROIE fields (company, address, date, total) go to gold.jsonl;
those with a company but not all four to gold-extra.jsonl (missing fields as "").
"""
import argparse, hashlib, json, os, subprocess, sys, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = json.load(open(os.path.join(HERE, "SOURCE.json")))
FIELDS = ("company", "address", "date", "total")


def blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def read(path: str, git: str | None) -> bytes:
    if git:
        return subprocess.run(["git", "--git-dir", git, "show", f"{SOURCE['commit']}:{path}"],
                              check=True, capture_output=True).stdout
    url = f"https://raw.githubusercontent.com/{SOURCE['repo']}/{SOURCE['commit']}/{path}"
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--git", help="a local git directory of the source repository")
    args = ap.parse_args()
    labels = json.loads(read(SOURCE["labels"], args.git))
    os.makedirs(os.path.join(HERE, "img"), exist_ok=True)
    rows, extra = [], []
    for name, label in sorted(labels.items()):
        partial = any(label.get(f) in (None, "") for f in FIELDS)
        if partial and label.get("company") in (None, ""):
            continue
        doc = name.replace("-receipt", "")
        data = read(f"{SOURCE['images']}/{name}", args.git)
        want = SOURCE["blobs"].get(name)
        if want and blob_id(data) != want:
            sys.exit(f"{name}: blob {blob_id(data)} is not SOURCE.json's {want}")
        with open(os.path.join(HERE, "img", doc), "wb") as f:
            f.write(data)
        total = label.get("total")
        (extra if partial else rows).append({"doc": "img/" + doc, "source": f"{SOURCE['images']}/{name}", "fields": {
            "company": label["company"].strip(),
            "date": str(label.get("date") or "").strip(),
            "address": " ".join(str(label.get("address") or "").split()),
            "total": f"{total:.2f}" if isinstance(total, (int, float)) else str(total or "").strip()}})
    for file, part in (("gold.jsonl", rows), ("gold-extra.jsonl", extra)):
        with open(os.path.join(HERE, file), "w") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} receipts with all four fields -> gold.jsonl, img/; "
          f"{len(extra)} with a company but not all four -> gold-extra.jsonl (development: companies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
