"""Merge a LoRA adapter GGUF into its base GGUF and write one quantized GGUF.

No torch: both files are read with gguf-py, each weight that has a LoRA pair becomes
W + (alpha / rank) * B @ A, and weights are (re)quantized to the requested type with gguf-py's
reference quantizers. A merged model decodes faster than base + adapter (no extra matmuls per
layer), and Q4_0/Q8_0 run faster than Q4_1 on AVX2 CPUs (see docs/benchmarks.md).

Usage: merge_adapter.py --base BASE.gguf --adapter ADAPTER.gguf --out OUT.gguf [--type q8_0]
Prints one JSON object with what was merged.
"""
import argparse
import json
import sys

import numpy as np
import gguf
from gguf import GGMLQuantizationType as Q
from gguf import quants

TARGETS = {"q8_0": (Q.Q8_0, gguf.LlamaFileType.MOSTLY_Q8_0),
           "q4_0": (Q.Q4_0, gguf.LlamaFileType.MOSTLY_Q4_0),
           "f16": (Q.F16, gguf.LlamaFileType.MOSTLY_F16)}


def lora_pairs(reader):
    a, b = {}, {}
    for t in reader.tensors:
        if t.name.endswith(".lora_a"):
            a[t.name[:-7]] = t
        elif t.name.endswith(".lora_b"):
            b[t.name[:-7]] = t
    if a.keys() != b.keys():
        raise SystemExit(f"adapter has unpaired LoRA tensors: {sorted(a.keys() ^ b.keys())}")
    return {k: (np.asarray(a[k].data, np.float32), np.asarray(b[k].data, np.float32)) for k in a}


def field(reader, key):
    f = reader.fields.get(key)
    return None if f is None else f.contents()


def encode(weights, qtype):
    if qtype == Q.F16:
        return weights.astype(np.float16), None
    data = quants.quantize(weights, qtype)
    return data, data.shape


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", required=True)
    p.add_argument("--adapter", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--type", choices=sorted(TARGETS), default="q8_0")
    args = p.parse_args()

    base = gguf.GGUFReader(args.base)
    lora = gguf.GGUFReader(args.adapter)
    if field(lora, "general.type") != "adapter" or field(lora, "adapter.type") != "lora":
        raise SystemExit(f"{args.adapter} is not a LoRA adapter GGUF")
    arch = field(base, "general.architecture")
    if field(lora, "general.architecture") != arch:
        raise SystemExit(f"adapter is for {field(lora, 'general.architecture')}, base is {arch}")
    alpha = float(field(lora, "adapter.lora.alpha"))
    pairs = lora_pairs(lora)
    qtype, ftype = TARGETS[args.type]

    writer = gguf.GGUFWriter(args.out, arch=arch, endianess=base.endianess)
    alignment = field(base, "general.alignment")
    if alignment is not None:
        writer.data_alignment = alignment
    for f in base.fields.values():
        if f.name == "general.architecture" or f.name.startswith("GGUF."):
            continue
        vtype = f.types[0]
        sub = f.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
        value = int(ftype) if f.name == "general.file_type" else f.contents()
        writer.add_key_value(f.name, value, vtype, sub_type=sub)

    merged, requantized = [], []
    for t in base.tensors:
        name = t.name[:-7] if t.name.endswith(".weight") else None
        is_matrix = len(t.shape) == 2 and t.tensor_type not in (Q.F32, Q.F16) \
            and not t.name.startswith("token_embd")
        pair = pairs.get(t.name)
        if pair is None and not is_matrix:
            writer.add_tensor(t.name, t.data, raw_shape=t.data.shape, raw_dtype=t.tensor_type)
            continue
        w = quants.dequantize(t.data, t.tensor_type).astype(np.float32)
        if pair is not None:
            a, b = pair
            w = w + (alpha / a.shape[0]) * (b @ a)
            merged.append(t.name)
        else:
            requantized.append(t.name)
        data, raw_shape = encode(w, qtype)
        writer.add_tensor(t.name, data, raw_shape=raw_shape, raw_dtype=None if raw_shape is None
                          else qtype)
    missing = sorted(set(pairs) - set(merged))
    if missing:
        raise SystemExit(f"adapter tensors with no base weight: {missing[:5]}")
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    json.dump({"merged": len(merged), "requantized": len(requantized), "type": args.type,
               "alpha": alpha, "out": args.out}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
