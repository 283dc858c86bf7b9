"""Training set for a receipt adapter that has seen mixed case: the train part's receipts as they
are, plus one copy of each with every word in Title Case (as PP-OCRv6 reads a receipt printed
so), the company and address targets changed the same way (Title Case is word by word, so a value
and the lines it spans change alike). Dates and totals are
digits and stay as they are. Usage: case_copies.py GOLD SPLIT PART OUT"""
import json, os, sys
gold, split, part, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
ids = set(json.load(open(split))[part])
base = os.path.abspath(os.path.dirname(gold))
os.makedirs(out + "/text", exist_ok=True)
n = 0
with open(out + "/gold.jsonl", "w") as g:
    for l in open(gold):
        row = json.loads(l)
        if row["doc"] not in ids: continue
        orig = dict(row)
        orig["ocr_boxes"] = os.path.join(base, row["ocr_boxes"])
        g.write(json.dumps(orig) + "\n")
        lines = [r.split(",", 8)[8].strip() if r.count(",") >= 8 else r.strip()
                 for r in open(orig["ocr_boxes"], encoding="utf-8").read().splitlines()]
        lines = [x for x in lines if x]
        f = str.title
        fields = dict(row["fields"])
        for k in ("company", "address"):
            if fields.get(k):
                fields[k] = f(fields[k])
        doc = row["doc"].replace(".jpg", "-case.jpg")
        open(f"{out}/text/{doc}.txt", "w").write("\n".join(f(x) for x in lines))
        g.write(json.dumps({"doc": doc, "fields": fields, "text": f"text/{doc}.txt"}) + "\n")
        n += 1
print(n, "receipts and as many case copies in", out)
