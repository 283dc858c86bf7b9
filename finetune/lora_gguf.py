"""Reading a LoRA adapter GGUF back into a PEFT model, so training can continue from it
(`docextract finetune --from ADAPTER`).

The adapter GGUF was written by llama.cpp's convert_lora_to_gguf.py from a PEFT adapter: one
`blk.N.<tensor>.weight.lora_a` (rank x in) and `.lora_b` (out x rank) per adapted projection, the
alpha in `adapter.lora.alpha`. For the llama architecture the converter permutes the rows of the q
and k projections into llama.cpp's rotary layout (and, for a LoRA, only B's rows change), so B of
q and k is permuted back here, as transformers does for the base weights it loads from GGUF.
"""

from __future__ import annotations

from pathlib import Path

# llama.cpp tensor name -> the module path inside a transformers decoder layer
GGUF_TO_HF = {
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}
PERMUTED_ARCHS = {"llama"}


def read(path: Path) -> dict:
    """{'alpha', 'rank', 'architecture', 'tensors': {(layer, module, 'a'|'b'): ndarray}}."""
    from gguf import GGUFReader

    r = GGUFReader(str(path))

    def val(key):
        f = r.fields.get(key)
        return f.contents() if f is not None else None

    if val("general.type") != "adapter" or val("adapter.type") != "lora":
        raise ValueError(f"{path} is not a LoRA adapter GGUF (general.type={val('general.type')})")
    tensors = {}
    rank = None
    for t in r.tensors:
        parts = t.name.split(".")
        # blk.N.attn_q.weight.lora_a
        if len(parts) != 5 or parts[0] != "blk" or parts[3] != "weight" or parts[4] not in ("lora_a", "lora_b"):
            raise ValueError(f"{path}: unexpected tensor {t.name}")
        if parts[2] not in GGUF_TO_HF:
            raise ValueError(f"{path}: no transformers module for {t.name}")
        data = t.data.astype("float32").reshape([int(x) for x in reversed(t.shape)])
        ab = parts[4][-1]
        if ab == "a":
            rank = data.shape[0]
        tensors[(int(parts[1]), GGUF_TO_HF[parts[2]], ab)] = data
    return {"alpha": float(val("adapter.lora.alpha")), "rank": rank,
            "architecture": val("general.architecture"), "tensors": tensors}


def _unpermute(w, n_head: int):
    """Inverse of convert_hf_to_gguf's LlamaModel.permute on a weight's rows."""
    d = w.shape[0] // n_head // 2
    return w.reshape(n_head, d, 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def load_into(model, adapter: dict, torch) -> int:
    """Copies the adapter's A and B into the PEFT model's 'default' LoRA; returns tensors copied.
    Every LoRA module must be filled and every adapter tensor used, or this raises."""
    cfg = model.config
    n_head = cfg.num_attention_heads
    n_kv = getattr(cfg, "num_key_value_heads", None) or n_head
    permute = adapter["architecture"] in PERMUTED_ARCHS
    wanted = {}
    for name, module in model.named_modules():
        if not hasattr(module, "lora_A") or "default" not in getattr(module, "lora_A", {}):
            continue
        # ...layers.N.self_attn.q_proj
        parts = name.split(".")
        if "layers" not in parts:
            continue
        i = parts.index("layers")
        key = (int(parts[i + 1]), ".".join(parts[i + 2:]))
        wanted[key] = module
    used = 0
    for (layer, path), module in wanted.items():
        a = adapter["tensors"].get((layer, path, "a"))
        b = adapter["tensors"].get((layer, path, "b"))
        if a is None or b is None:
            raise ValueError(f"the adapter has no LoRA for layer {layer} {path}")
        if permute and path == "self_attn.q_proj":
            b = _unpermute(b, n_head)
        elif permute and path == "self_attn.k_proj":
            b = _unpermute(b, n_kv)
        la = module.lora_A["default"].weight
        lb = module.lora_B["default"].weight
        if tuple(la.shape) != a.shape or tuple(lb.shape) != b.shape:
            raise ValueError(f"layer {layer} {path}: adapter shapes {a.shape}/{b.shape} against "
                             f"the model's {tuple(la.shape)}/{tuple(lb.shape)}")
        with torch.no_grad():
            la.copy_(torch.from_numpy(a.copy()))
            lb.copy_(torch.from_numpy(b.copy()))
        used += 2
    if used != len(adapter["tensors"]):
        raise ValueError(f"used {used} of the adapter's {len(adapter['tensors'])} tensors")
    return used
