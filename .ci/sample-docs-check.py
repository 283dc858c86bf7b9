"""Scores a sample-docs run against sample-docs/README.md's table (sample-docs/expected.jsonl):
the header fields right across records and review proposals, and any record with a wrong one.
Usage: python3 .ci/sample-docs-check.py OUTPUT_DIR [--min-share 0.9]"""
import glob
import json
import re
import sys


def norm(field, value):
    if value is None:
        return None
    if isinstance(value, list):
        return sorted(norm(field, v) for v in value)
    if field in ("amount", "total"):
        try:
            return round(float(str(value).replace(",", "")), 2)
        except ValueError:
            return str(value)
    # Letters and digits only: OCR-style punctuation and spacing are not the value.
    return re.sub(r"[^0-9a-z]", "", str(value).lower())


out = sys.argv[1]
min_share = float(sys.argv[sys.argv.index("--min-share") + 1]) if "--min-share" in sys.argv else 0.9
expected = {}
for line in open("sample-docs/expected.jsonl"):
    e = json.loads(line)
    expected[e["doc"]] = e["fields"]
seen = {}
for route in ("records", "review"):
    for f in glob.glob(f"{out}/{route}-*.jsonl"):
        for line in open(f):
            item = json.loads(line)
            name = item["source"].rsplit("/", 1)[-1].split("!")[-1]
            if name in expected:
                seen[name] = (route, item.get("fields") or {})
right = total = 0
wrong_records = []
for doc, fields in expected.items():
    route, got = seen.get(doc, ("missing", {}))
    for field, want in fields.items():
        total += 1
        ok = norm(field, got.get(field)) == norm(field, want)
        right += ok
        if not ok:
            print(f"  {doc} ({route}) {field}: {got.get(field)!r}, expected {want!r}")
            if route == "records":
                wrong_records.append(f"{doc}:{field}")
share = right / total
print(f"sample-docs: {right}/{total} header fields right across records and review proposals "
      f"({share:.0%}); records with a wrong header value: {len(wrong_records)}")
if share < min_share or wrong_records:
    sys.exit(f"sample-docs below the README's bar (>= {min_share:.0%} right, no wrong record)")
