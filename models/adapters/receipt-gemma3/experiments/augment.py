"""Augmented copies of SROIE text receipts: lines that carry no gold value are dropped, swapped,
merged or given OCR-like character errors; lines that carry a value are kept exactly."""
import json, random, re, sys, os
gold, split, part, out, seed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
ids = set(json.load(open(split))[part])
rnd = random.Random(seed)
base = os.path.dirname(gold)
os.makedirs(out + "/text", exist_ok=True)
def alnum(s): return re.sub(r"[^0-9A-Za-z]", "", s or "").upper()
KEY = re.compile(r"TOTAL|ROUND|CASH|CHANGE|AMOUNT|AMT|GST|TAX|DATE|TIME|RM|BALANCE|TENDER|DUE|PAY|NETT|NET|SUB", re.I)
CONF = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B", "E": "F", ".": ",", ",": ".", "G": "6", "Z": "2"}
def noisy(s):
    return "".join(CONF[c] if c in CONF and rnd.random() < 0.04 else c for c in s)
def lines_of(row):
    t = [r.split(",", 8)[8].strip() if r.count(",") >= 8 else r.strip()
         for r in open(os.path.join(base, row["ocr_boxes"]), encoding="utf-8").read().splitlines()]
    return [x for x in t if x]
n = 0
with open(out + "/gold.jsonl", "w") as g:
    for l in open(gold):
        row = json.loads(l)
        if row["doc"] not in ids: continue
        f = row["fields"]
        lines = lines_of(row)
        vals = [alnum(f.get(k)) for k in ("company", "address")]
        short = [alnum(f.get(k)) for k in ("date", "total")]
        def protected(x):
            a = alnum(x)
            if not a: return False
            if KEY.search(x): return True
            if any(a in v or v in a for v in vals if v): return True
            if any(v and v in a for v in short): return True
            return False
        prot = [protected(x) for x in lines]
        res = []
        i = 0
        while i < len(lines):
            x, p = lines[i], prot[i]
            if not p:
                r = rnd.random()
                if r < 0.15:            # drop
                    i += 1; continue
                if r < 0.22 and i + 1 < len(lines) and not prot[i + 1]:   # swap with the next
                    res += [lines[i + 1], x]; i += 2; continue
                if r < 0.27 and i + 1 < len(lines) and not prot[i + 1]:   # merge with the next
                    res.append(x + " " + lines[i + 1]); i += 2; continue
                x = noisy(x)
            res.append(x)
            i += 1
        doc = row["doc"].replace(".jpg", "-aug%d.jpg" % seed)
        open(f"{out}/text/{doc}.txt", "w").write("\n".join(res))
        g.write(json.dumps({"doc": doc, "fields": f, "text": f"text/{doc}.txt"}) + "\n")
        n += 1
print(n, "augmented receipts in", out)
