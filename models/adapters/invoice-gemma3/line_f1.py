"""Line-item precision/recall/F1 per system from eval's documents.jsonl, over the documents
whose gold has billed lines. A line matches when its name (upper-cased, spaces folded) and its
unit price (as a number, 2 decimals) equal a gold line's; 'name only' ignores the price.
Lines are counted as a multiset: a line written ten times where the invoice bills it once is one
right and nine wrong. Prints figures only, never values."""
import json, re, sys
from collections import Counter
from decimal import Decimal, InvalidOperation

def text(s):
    return re.sub(r"\s+", " ", str(s)).strip().upper()

def amount(s):
    m = re.search(r"-?\d[\d,. ]*", str(s).replace("\u00a0", " "))
    if not m:
        return text(s)
    n = m.group().replace(" ", "")
    dec = max(n.rfind("."), n.rfind(","))
    if dec >= 0 and 0 < len(n) - dec - 1 <= 2:
        n = re.sub(r"[.,]", "", n[:dec]) + "." + n[dec + 1:]
    else:
        n = re.sub(r"[.,]", "", n)
    try:
        return str(Decimal(n).quantize(Decimal("0.01")))
    except InvalidOperation:
        return text(s)

def keys(lines, with_price):
    out = Counter()
    for l in lines or []:
        if isinstance(l, dict):
            out[(text(l.get("name", "")), amount(l.get("price_unit", "")) if with_price else "")] += 1
    return out

tot = {}
docs = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    gold = d["gold"].get("lines")
    if not gold:
        continue
    docs += 1
    for sysname, s in d["systems"].items():
        pred = (s.get("fields") or {}).get("lines")
        for mode in (True, False):
            g, p = keys(gold, mode), keys(pred, mode)
            t = tot.setdefault((sysname, mode), [0, 0, 0])
            t[0] += sum((g & p).values()); t[1] += sum((p - g).values()); t[2] += sum((g - p).values())
print(f"line items over {docs} documents with gold lines")
for (sysname, mode), (tp, fp, fn) in tot.items():
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    print(f"{sysname:60s} {'name+price' if mode else 'name only':10s} P {pr:.3f} R {rc:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
