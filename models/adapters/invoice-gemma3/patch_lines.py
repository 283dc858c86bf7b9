"""Puts the gold's billed lines into finetune-export rows (the export writes arrays of objects
as empty strings) and keeps only the lines whose name the prompt shows. Usage: IN GOLD OUT"""
import json, sys
src, gold_path, dst = sys.argv[1:4]
gold = {}
for l in open(gold_path, encoding="utf-8"):
    g = json.loads(l)
    gold[g["doc"]] = g["fields"]
n = kept = dropped = 0
with open(dst, "w", encoding="utf-8") as out:
    for l in open(src, encoding="utf-8"):
        row = json.loads(l)
        doc = next(d for d in gold if row["id"] == d or row["id"].endswith(d))
        lines = [{"name": x["name"], "price_unit": x["price_unit"]} for x in gold[doc]["lines"]]
        visible = [x for x in lines if x["name"] in row["prompt"]]
        kept += len(visible); dropped += len(lines) - len(visible)
        c = row["completion"]
        i = c.index('"lines":')
        assert c.endswith("]}"), c
        c = c[:i] + '"lines":' + json.dumps(visible, ensure_ascii=False, separators=(",", ":")) + "}"
        json.loads(c)
        row["completion"] = c
        row["messages"][-1]["content"] = c
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
print(f"{n} rows, {kept} lines kept, {dropped} not visible in the prompt", file=sys.stderr)
