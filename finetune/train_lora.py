#!/usr/bin/env python3
"""LoRA fine-tuning of a small GGUF model on CPU, for `docextract finetune`.

Input JSONL lines: {"id": ..., "prompt": <exact string the runtime passes to llama.cpp>,
"completion": <compact JSON answer>}. The prompt is tokenized as llama.cpp tokenizes it (special
tokens parsed, a BOS only when the GGUF says tokenizer.ggml.add_bos_token=true); the target is the
completion followed by the GGUF's end token. Loss and logits only on the target positions.

Output in --out: adapter.gguf (f16 LoRA for llama.cpp's --lora / java-llama.cpp addLoraAdapter),
manifest.json, optionally model-<type>.gguf (merged). Progress: one JSON object per line on stdout;
human-readable log on stderr. See README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT_VERSION = "1"


# ---------------------------------------------------------------------------------------------
# output helpers


def emit(event: str, **fields) -> None:
    """One machine-readable progress line on stdout."""
    print(json.dumps({"event": event, **fields}, ensure_ascii=False), flush=True)


def log(msg: str) -> None:
    print(f"[train_lora {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def fail(msg: str, code: int = 1) -> "NoReturn":  # type: ignore[name-defined]
    log("ERROR: " + msg)
    emit("error", message=msg)
    sys.exit(code)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _version(dist: str) -> str | None:
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return None


def _converters_marker(conv_dir: Path) -> str | None:
    """sha256 of the llama-cpp-python sdist the converters came from (written by setup_venv.sh)."""
    for m in sorted(conv_dir.glob(".docextract-llama-cpp-python-*")):
        return m.name.removeprefix(".docextract-") + ":" + m.read_text().strip()
    return None


def default_converters_dir() -> Path:
    cache = os.environ.get("DOCEXTRACT_CACHE_DIR") or os.path.join(
        os.path.expanduser("~"), ".cache", "docextract")
    return Path(cache) / "llama-cpp-converters"


# ---------------------------------------------------------------------------------------------
# arguments


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="base model GGUF file")
    p.add_argument("--train", required=True, help="training JSONL (id, prompt, completion)")
    p.add_argument("--eval", help="evaluation JSONL, same format (loss reported at the end)")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--epochs", type=float, default=1.0, help="passes over the training file (may be fractional)")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many optimizer steps (0 = no limit)")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--rank", type=int, default=16)
    p.add_argument("--alpha", type=float, default=32)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--grad-accum", type=int, default=4, help="examples per optimizer step (batch 1)")
    p.add_argument("--warmup", type=float, default=0.1, help="warm-up fraction of the steps, then linear decay")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-examples", type=int, default=0, help="use only the first N training examples (0 = all)")
    p.add_argument("--max-seq-len", type=int, default=0,
                   help="skip examples longer than this many tokens (0 = the model's context length)")
    p.add_argument("--eos-token", help="end token appended to every completion (default: the GGUF's eos token)")
    p.add_argument("--eval-before", action="store_true", help="also compute the eval loss before training")
    p.add_argument("--init-adapter", help="LoRA adapter GGUF to continue training from (its rank and alpha "
                                          "replace --rank/--alpha; implies --eval-before)")
    p.add_argument("--merge", choices=["q8_0", "f16"], help="also write a merged model GGUF of this type")
    p.add_argument("--converters", default=str(default_converters_dir()),
                   help="folder with convert_lora_to_gguf.py / convert_hf_to_gguf.py and gguf-py "
                        "(from the llama-cpp-python 0.3.8 sdist; see setup_venv.sh)")
    p.add_argument("--keep-hf", action="store_true", help="keep the intermediate HF folders in --out/work")
    a = p.parse_args(argv)
    if a.grad_accum < 1 or a.rank < 1 or a.threads < 1:
        p.error("--grad-accum, --rank and --threads must be >= 1")
    if a.epochs <= 0 and a.max_steps <= 0:
        p.error("need --epochs > 0 or --max-steps > 0")
    return a


# ---------------------------------------------------------------------------------------------
# data


def read_jsonl(path: Path, what: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"{what} {path}:{n}: not JSON: {e}")
            for key in ("prompt", "completion"):
                if not isinstance(row.get(key), str):
                    fail(f"{what} {path}:{n}: missing string field '{key}'")
            row.setdefault("id", f"{path.name}:{n}")
            rows.append(row)
    if not rows:
        fail(f"{what} {path} has no examples")
    return rows


# ---------------------------------------------------------------------------------------------
# GGUF metadata (read with the installed gguf package)


def gguf_meta(path: Path) -> dict:
    from gguf import GGUFReader

    r = GGUFReader(str(path))

    def val(key):
        f = r.fields.get(key)
        if f is None:
            return None
        v = f.contents()
        return v

    arch = val("general.architecture")
    meta = {
        "architecture": arch,
        "name": val("general.name"),
        "add_bos_token": val("tokenizer.ggml.add_bos_token"),
        "add_eos_token": val("tokenizer.ggml.add_eos_token"),
        "bos_token_id": val("tokenizer.ggml.bos_token_id"),
        "eos_token_id": val("tokenizer.ggml.eos_token_id"),
        "eot_token_id": val("tokenizer.ggml.eot_token_id"),
        "tokenizer_model": val("tokenizer.ggml.model"),
        "chat_template": val("tokenizer.chat_template"),
        "context_length": val(f"{arch}.context_length") if arch else None,
        "rope_freq_base": val(f"{arch}.rope.freq_base") if arch else None,
    }
    tokens = r.fields.get("tokenizer.ggml.tokens")
    meta["tokens"] = tokens.contents() if tokens is not None else None
    return meta


# ---------------------------------------------------------------------------------------------
# tokenization exactly as llama.cpp does it for the runtime prompt


class Encoder:
    def __init__(self, tokenizer, meta: dict, eos_override: str | None):
        self.tok = tokenizer
        self.add_bos = bool(meta.get("add_bos_token"))
        self.bos_id = meta.get("bos_token_id")
        self.warned_double_bos = False
        if self.add_bos and self.bos_id is None:
            fail("GGUF says add_bos_token=true but has no bos_token_id")
        tokens = meta.get("tokens") or []
        if eos_override:
            ids = tokenizer.convert_tokens_to_ids([eos_override])
            if not ids or ids[0] is None or ids[0] == tokenizer.unk_token_id and eos_override != tokenizer.unk_token:
                enc = tokenizer(eos_override, add_special_tokens=False)["input_ids"]
                if len(enc) != 1:
                    fail(f"--eos-token {eos_override!r} is not a single token (got {enc})")
                ids = enc
            self.eos_id = int(ids[0])
        else:
            eid = meta.get("eos_token_id")
            self.eos_id = int(eid) if eid is not None else tokenizer.eos_token_id
            if self.eos_id is None:
                fail("no eos token in the GGUF or tokenizer; pass --eos-token")
        self.eos_text = tokens[self.eos_id] if self.eos_id < len(tokens) else tokenizer.convert_ids_to_tokens(self.eos_id)

    def prompt_ids(self, text: str) -> list[int]:
        # llama.cpp: tokenize(prompt, add_special=add_bos, parse_special=true). The HF tokenizer
        # loaded from the GGUF parses special tokens in text; add_special_tokens=False keeps it
        # from adding anything on its own, and the BOS is added only when the GGUF asks for it.
        # Like llama.cpp, a prompt that itself starts with the BOS text gets two BOS tokens.
        ids = self.tok(text, add_special_tokens=False)["input_ids"]
        if self.add_bos:
            if ids and ids[0] == self.bos_id and not self.warned_double_bos:
                log("WARNING: prompt starts with the BOS token and the GGUF adds one: two BOS tokens, "
                    "as llama.cpp does at run time")
                self.warned_double_bos = True
            ids = [self.bos_id] + ids
        return ids

    def target_ids(self, completion: str) -> list[int]:
        return self.tok(completion, add_special_tokens=False)["input_ids"] + [self.eos_id]


def encode_rows(rows, enc: Encoder, max_len: int, what: str):
    out, skipped = [], []
    for row in rows:
        p = enc.prompt_ids(row["prompt"])
        t = enc.target_ids(row["completion"])
        if len(p) + len(t) > max_len:
            skipped.append(row["id"])
            continue
        out.append({"id": row["id"], "prompt": p, "target": t})
    if skipped:
        log(f"{what}: skipped {len(skipped)} examples longer than {max_len} tokens: {skipped[:10]}")
    return out, skipped


# ---------------------------------------------------------------------------------------------
# model


def load_base(gguf_path: Path, threads: int):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    d, name = str(gguf_path.parent), gguf_path.name
    t0 = time.time()
    tok = AutoTokenizer.from_pretrained(d, gguf_file=name)
    model = AutoModelForCausalLM.from_pretrained(d, gguf_file=name, dtype=torch.float32)
    # A model loaded from GGUF is flagged as quantized; it is dequantized fp32 here, and the flag
    # stops save_pretrained / merging ("quantized with gguf, not serializable").
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        try:
            delattr(model.config, "quantization_config")
        except AttributeError:
            model.config.quantization_config = None
    for attr in ("is_quantized", "_is_quantized_training_enabled"):
        if getattr(model, attr, False):
            try:
                setattr(model, attr, False)
            except Exception:
                pass
    log(f"loaded {gguf_path.name} as {type(model).__name__} (fp32) in {time.time() - t0:.1f} s")
    return model, tok


TARGET_MODULES = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def example_loss(model, ex, torch):
    """Mean cross-entropy over the target tokens; logits only for those positions."""
    ids = ex["prompt"] + ex["target"]
    n_t = len(ex["target"])
    input_ids = torch.tensor([ids], dtype=torch.long)
    out = model(input_ids=input_ids, logits_to_keep=n_t + 1, use_cache=False)
    logits = out.logits[0, :-1, :]  # positions len-n_t-1 .. len-2 predict the n_t target tokens
    if logits.shape[0] != n_t:  # model ignored logits_to_keep: slice ourselves
        logits = out.logits[0, -(n_t + 1):-1, :]
    labels = torch.tensor(ex["target"], dtype=torch.long)
    return torch.nn.functional.cross_entropy(logits.float(), labels), n_t


def evaluate(model, data, torch) -> float:
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for ex in data:
            loss, n = example_loss(model, ex, torch)
            total += loss.item() * n
            count += n
    model.train()
    return total / max(count, 1)


# ---------------------------------------------------------------------------------------------
# conversion to GGUF with the March-2025 llama.cpp converters


def prepare_hf_base_dir(model, tok, meta: dict, dest: Path, with_weights: bool) -> None:
    """config.json (+ tokenizer, + weights) as the converter expects them (traps 1 of the notes)."""
    dest.mkdir(parents=True, exist_ok=True)
    if with_weights:
        model.save_pretrained(dest, safe_serialization=True)
    else:
        model.config.save_pretrained(dest)
    try:
        tok.save_pretrained(dest)
    except Exception as e:  # the LoRA converter needs only config.json
        log(f"tokenizer save failed (ignored): {e}")
    cfg_path = dest / "config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg.pop("quantization_config", None)
    # a config built from GGUF metadata has no "architectures"; the converter picks its class by it
    if not cfg.get("architectures"):
        cfg["architectures"] = [type(model).__name__]
    # transformers 5 writes rope_parameters: {rope_theta: ...} (Gemma 3: one entry per layer type);
    # the converter reads top-level rope_theta and silently omits {arch}.rope.freq_base (or, for
    # Gemma 3, writes a wrong one) otherwise.
    rope = cfg.get("rope_parameters") or {}
    if isinstance(rope, dict) and "rope_theta" not in cfg:
        if "rope_theta" in rope:
            cfg["rope_theta"] = rope["rope_theta"]
        elif isinstance(rope.get("full_attention"), dict) and "rope_theta" in rope["full_attention"]:
            cfg["rope_theta"] = rope["full_attention"]["rope_theta"]
            local = rope.get("sliding_attention")
            if isinstance(local, dict) and "rope_theta" in local:
                cfg.setdefault("rope_local_base_freq", local["rope_theta"])
    if meta.get("rope_freq_base") is not None:  # the base GGUF is the truth for llama.cpp
        cfg["rope_theta"] = float(meta["rope_freq_base"])
    cfg_path.write_text(json.dumps(cfg, indent=2))
    # transformers 5 writes chat_template.jinja; the converter reads tokenizer_config.json.
    tc_path = dest / "tokenizer_config.json"
    tmpl = meta.get("chat_template")
    if (dest / "chat_template.jinja").exists():
        tmpl = (dest / "chat_template.jinja").read_text()
    if tmpl:
        tc = json.loads(tc_path.read_text()) if tc_path.exists() else {}
        tc["chat_template"] = tmpl
        tc_path.write_text(json.dumps(tc, indent=2, ensure_ascii=False))


# Runs inside the converter's interpreter: imports convert_hf_to_gguf / convert_lora_to_gguf from
# the converters folder (with their own gguf-py) and patches what the March-2025 code gets wrong
# for models loaded from GGUF by transformers 5.
_CONVERT_WRAPPER = r'''
import sys, runpy, os, inspect
conv = sys.argv[1]
mode = sys.argv[2]
base_gguf = sys.argv[3]
sys.argv = [sys.argv[0]] + sys.argv[4:]
sys.path.insert(0, conv)
sys.path.insert(1, os.path.join(conv, "gguf-py"))
import gguf
import convert_hf_to_gguf as hf

def copy_vocab_from_gguf(self):
    # tokenizer.* keys from the base GGUF: the exact vocabulary, merges, special ids and
    # add_bos/add_eos flags the runtime uses (Gemma from GGUF has no tokenizer.model).
    r = gguf.GGUFReader(base_gguf)
    for name, field in r.fields.items():
        if not name.startswith("tokenizer."):
            continue
        vt = field.types[0]
        if vt == gguf.GGUFValueType.ARRAY:
            sub = field.types[-1]
            if sub == gguf.GGUFValueType.STRING:
                vals = [bytes(field.parts[i]).decode("utf-8", errors="surrogateescape") for i in field.data]
            else:
                vals = [field.parts[i].tolist()[0] for i in field.data]
            self.gguf_writer.add_array(name, vals)
        elif vt == gguf.GGUFValueType.STRING:
            self.gguf_writer.add_string(name, bytes(field.parts[field.data[0]]).decode("utf-8"))
        elif vt == gguf.GGUFValueType.BOOL:
            self.gguf_writer.add_bool(name, bool(field.parts[field.data[0]][0]))
        else:
            self.gguf_writer.add_key_value(name, field.parts[field.data[0]].tolist()[0], vt)
    print(f"INFO:docextract:copied tokenizer.* keys from {base_gguf}", file=sys.stderr)

def vocab_from_gguf(self):
    # (tokens, scores, toktypes) of the base GGUF; Gemma 3 calls this to trim the embedding rows
    # to the vocabulary and would otherwise need tokenizer.model.
    r = gguf.GGUFReader(base_gguf)
    f = r.fields
    tokens = [bytes(f["tokenizer.ggml.tokens"].parts[i]) for i in f["tokenizer.ggml.tokens"].data]
    n = len(tokens)
    scores = ([float(f["tokenizer.ggml.scores"].parts[i][0]) for i in f["tokenizer.ggml.scores"].data]
              if "tokenizer.ggml.scores" in f else [0.0] * n)
    types = ([int(f["tokenizer.ggml.token_type"].parts[i][0]) for i in f["tokenizer.ggml.token_type"].data]
             if "tokenizer.ggml.token_type" in f else [1] * n)
    return tokens, scores, types

orig_fma = hf.Model.from_model_architecture

def from_model_architecture(cls, arch):
    real = orig_fma(arch)

    class Patched(real):
        model_arch = real.model_arch

        def __init__(self, *args, **kwargs):
            # Some model classes (Gemma 3) read dir_model from kwargs only, and
            # convert_lora_to_gguf.py passes it positionally: pass every argument by keyword.
            names = [n for n in inspect.signature(hf.Model.__init__).parameters if n != "self"]
            kwargs.update(zip(names, args))
            super().__init__(**kwargs)

    if mode == "merged":
        Patched.set_vocab = copy_vocab_from_gguf
        Patched._create_vocab_sentencepiece = vocab_from_gguf
    Patched.__name__ = real.__name__
    return Patched

hf.Model.from_model_architecture = classmethod(from_model_architecture)
script = "convert_hf_to_gguf.py" if mode == "merged" else "convert_lora_to_gguf.py"
if mode == "merged":
    # convert_hf_to_gguf.py's main() is in the module already imported (patched) above
    sys.argv[0] = os.path.join(conv, script)
    hf.main()
else:
    runpy.run_path(os.path.join(conv, script), run_name="__main__")
'''


def run_converter(conv_dir: Path, mode: str, base_gguf: Path, args: list[str], log_path: Path) -> str:
    wrapper = log_path.parent / "convert_wrapper.py"
    wrapper.write_text(_CONVERT_WRAPPER)
    cmd = [sys.executable, str(wrapper), str(conv_dir), mode, str(base_gguf)] + args
    log("converter: " + " ".join(cmd))
    env = dict(os.environ)
    env.pop("NO_LOCAL_GGUF", None)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    text = p.stdout + p.stderr
    log_path.write_text(text)
    if p.returncode != 0:
        tail = "\n".join(text.strip().splitlines()[-15:])
        fail(f"converter failed ({mode}), log {log_path}:\n{tail}")
    return text


def check_output_gguf(path: Path, meta: dict, what: str) -> tuple[list[str], dict]:
    """Reads the converted file back: what the March-2025 converter can silently get wrong."""
    from gguf import GGUFReader

    r = GGUFReader(str(path))
    f = {k: v for k, v in r.fields.items()}

    def val(key):
        return f[key].contents() if key in f else None

    warnings = []
    info = {"tensors": len(r.tensors)}
    if what == "adapter":
        info["adapter_type"] = val("adapter.type")
        info["lora_alpha"] = val("adapter.lora.alpha")
        if val("general.type") != "adapter" or val("adapter.type") != "lora":
            warnings.append(f"adapter: general.type={val('general.type')} adapter.type={val('adapter.type')}")
        if not r.tensors:
            warnings.append("adapter: no tensors")
    else:
        arch = meta.get("architecture")
        base_theta, theta = meta.get("rope_freq_base"), val(f"{arch}.rope.freq_base")
        info["rope_freq_base"] = theta
        if base_theta is not None and (theta is None or abs(float(theta) - float(base_theta)) > 1e-3):
            warnings.append(f"merged: {arch}.rope.freq_base={theta}, base has {base_theta}")
        if meta.get("chat_template") and val("tokenizer.chat_template") != meta.get("chat_template"):
            warnings.append("merged: tokenizer.chat_template missing or differs from the base")
        if val("tokenizer.ggml.add_bos_token") != meta.get("add_bos_token"):
            warnings.append("merged: tokenizer.ggml.add_bos_token differs from the base")
    for w in warnings:
        log("WARNING: " + w)
    return warnings, info


# ---------------------------------------------------------------------------------------------
# main


def main(argv=None) -> int:
    args = parse_args(argv)
    wall0 = time.time()
    base = Path(args.base).resolve()
    out = Path(args.out).resolve()
    conv_dir = Path(args.converters).resolve()
    if not base.is_file():
        fail(f"base model not found: {base}")
    if not (conv_dir / "convert_lora_to_gguf.py").is_file():
        fail(f"converters not found in {conv_dir}; run finetune/setup_venv.sh")
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work"
    work.mkdir(exist_ok=True)

    # On a shared 2-core machine OpenMP's default spin-waiting is catastrophic: with another
    # process busy on one core, 2 torch threads ran 7x slower than 1 (52 vs 7.3 s/example).
    # Passive waiting keeps 2 threads as fast as 1 under contention and faster when idle.
    # Must be set before torch loads its OpenMP runtime.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import numpy as np
    import torch

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    import peft
    import transformers
    from peft import LoraConfig, get_peft_model
    from transformers import get_linear_schedule_with_warmup

    transformers.logging.set_verbosity_error()
    transformers.set_seed(args.seed)

    train_path = Path(args.train).resolve()
    eval_path = Path(args.eval).resolve() if args.eval else None
    train_rows = read_jsonl(train_path, "train")
    if args.max_examples > 0:
        train_rows = train_rows[: args.max_examples]
    eval_rows = read_jsonl(eval_path, "eval") if eval_path else []

    meta = gguf_meta(base)
    log(f"base {base.name}: arch={meta['architecture']} add_bos_token={meta['add_bos_token']} "
        f"eos_id={meta['eos_token_id']} ctx={meta['context_length']} rope_freq_base={meta['rope_freq_base']}")
    model, tok = load_base(base, args.threads)
    enc = Encoder(tok, meta, args.eos_token)
    log(f"target end token: {enc.eos_text!r} (id {enc.eos_id}); BOS added to prompts: {enc.add_bos}")
    max_len = args.max_seq_len or int(meta.get("context_length") or 2048)
    train, train_skipped = encode_rows(train_rows, enc, max_len, "train")
    evald, eval_skipped = encode_rows(eval_rows, enc, max_len, "eval")
    if not train:
        fail("no training example fits")
    p_tokens = [len(e["prompt"]) for e in train]
    t_tokens = [len(e["target"]) for e in train]
    log(f"train: {len(train)} examples, prompt tokens mean {sum(p_tokens) / len(train):.0f} "
        f"(max {max(p_tokens)}), target tokens mean {sum(t_tokens) / len(train):.1f}")

    # steps: one optimizer step per grad_accum examples, batch 1
    n_examples_planned = math.ceil(len(train) * args.epochs) if args.epochs > 0 else 0
    total_steps = math.ceil(n_examples_planned / args.grad_accum) if n_examples_planned else 0
    if args.max_steps > 0:
        total_steps = min(total_steps, args.max_steps) if total_steps else args.max_steps
    n_examples_total = min(n_examples_planned or total_steps * args.grad_accum, total_steps * args.grad_accum)
    schedule = []  # example order: seeded shuffle per epoch
    rng = random.Random(args.seed)
    while len(schedule) < n_examples_total:
        order = list(range(len(train)))
        rng.shuffle(order)
        schedule.extend(order)
    schedule = schedule[:n_examples_total]

    init = None
    if args.init_adapter:
        import lora_gguf

        init_path = Path(args.init_adapter).resolve()
        try:
            init = lora_gguf.read(init_path)
        except (OSError, ValueError) as e:
            fail(f"--init-adapter: {e}")
        if init["architecture"] != meta["architecture"]:
            fail(f"--init-adapter is for {init['architecture']}, the base is {meta['architecture']}")
        args.rank, args.alpha = init["rank"], init["alpha"]
        # The starting loss shows the adapter was read back right: near its own eval loss.
        args.eval_before = True

    lcfg = LoraConfig(r=args.rank, lora_alpha=args.alpha, lora_dropout=args.dropout, bias="none",
                      target_modules=TARGET_MODULES, task_type="CAUSAL_LM")
    model = get_peft_model(model, lcfg)
    if init is not None:
        try:
            n_init = lora_gguf.load_into(model, init, torch)
        except ValueError as e:
            fail(f"--init-adapter: {e}")
        log(f"continuing from {init_path.name}: {n_init} tensors, r={args.rank} alpha={args.alpha}")
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log(f"LoRA r={args.rank} alpha={args.alpha} on {TARGET_MODULES}: {n_train:,} trainable parameters")
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.0)
    warmup = int(round(args.warmup * total_steps))
    sched = get_linear_schedule_with_warmup(opt, warmup, total_steps)

    emit("start", total_steps=total_steps, examples=len(train), examples_scheduled=n_examples_total,
         eval_examples=len(evald), grad_accum=args.grad_accum, base=str(base))

    eval_loss_before = None
    if evald and args.eval_before:
        t0 = time.time()
        eval_loss_before = evaluate(model, evald, torch)
        log(f"eval loss before training: {eval_loss_before:.4f} ({time.time() - t0:.1f} s)")
        emit("eval", when="before", loss=round(eval_loss_before, 5), examples=len(evald))

    model.train()
    train_t0 = time.time()
    cpu_t0 = time.process_time()
    step, seen = 0, 0
    losses = []  # per optimizer step (mean over its examples)
    acc_loss, acc_n = 0.0, 0
    opt.zero_grad(set_to_none=True)
    for k, idx in enumerate(schedule):
        ex = train[idx]
        loss, _ = example_loss(model, ex, torch)
        if not torch.isfinite(loss):
            fail(f"non-finite loss on example {ex['id']}")
        # the last step may hold fewer than grad_accum examples
        in_step = min(args.grad_accum, n_examples_total - step * args.grad_accum)
        (loss / in_step).backward()
        acc_loss += loss.item()
        acc_n += 1
        seen += 1
        if acc_n == in_step:
            torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            step_loss = acc_loss / acc_n
            losses.append(step_loss)
            acc_loss, acc_n = 0.0, 0
            elapsed = time.time() - train_t0
            eps = seen / elapsed if elapsed > 0 else 0.0
            eta = (n_examples_total - seen) / eps if eps > 0 else None
            cpu_per_ex = (time.process_time() - cpu_t0) / seen
            emit("step", step=step, total_steps=total_steps, loss=round(step_loss, 5),
                 lr=sched.get_last_lr()[0], epoch=round(seen / len(train), 3),
                 examples_per_s=round(eps, 4), s_per_example=round(1 / eps, 3) if eps else None,
                 cpu_s_per_example=round(cpu_per_ex, 3),
                 eta_s=round(eta, 1) if eta is not None else None)
            log(f"step {step}/{total_steps} loss {step_loss:.4f} ({1 / eps:.2f} s/example, eta {eta:.0f} s)")
            if step >= total_steps:
                break
    train_s = time.time() - train_t0
    train_cpu_s = time.process_time() - cpu_t0

    eval_loss = None
    if evald:
        t0 = time.time()
        eval_loss = evaluate(model, evald, torch)
        log(f"eval loss after training: {eval_loss:.4f} ({time.time() - t0:.1f} s)")
        emit("eval", when="after", loss=round(eval_loss, 5), examples=len(evald))

    # ---- save and convert the adapter
    emit("convert", what="adapter")
    hf_adapter = work / "hf-adapter"
    hf_base = work / "hf-base"
    if hf_adapter.exists():
        shutil.rmtree(hf_adapter)
    model.save_pretrained(hf_adapter, safe_serialization=True)
    base_model = model.get_base_model()
    prepare_hf_base_dir(base_model, tok, meta, hf_base, with_weights=False)
    # adapter_config.json names the base by path; the converter gets --base explicitly.
    acfg_path = hf_adapter / "adapter_config.json"
    acfg = json.loads(acfg_path.read_text())
    acfg["base_model_name_or_path"] = str(hf_base)
    acfg_path.write_text(json.dumps(acfg, indent=2))
    adapter_gguf = out / "adapter.gguf"
    conv_log = run_converter(conv_dir, "lora", base,
                             ["--base", str(hf_base), "--outtype", "f16", "--outfile", str(adapter_gguf), str(hf_adapter)],
                             out / "convert_adapter.log")
    warnings, adapter_check = check_output_gguf(adapter_gguf, meta, "adapter")
    adapter_sha = sha256_file(adapter_gguf)
    log(f"adapter: {adapter_gguf} ({adapter_gguf.stat().st_size / 1e6:.1f} MB)")

    merged_info = None
    if args.merge:
        emit("convert", what="merged", type=args.merge)
        merged_model = model.merge_and_unload()
        hf_merged = work / "hf-merged"
        if hf_merged.exists():
            shutil.rmtree(hf_merged)
        prepare_hf_base_dir(merged_model, tok, meta, hf_merged, with_weights=True)
        merged_gguf = out / f"model-{args.merge}.gguf"
        conv_log2 = run_converter(conv_dir, "merged", base,
                                  ["--outtype", args.merge, "--outfile", str(merged_gguf), str(hf_merged)],
                                  out / "convert_merged.log")
        w2, merged_check = check_output_gguf(merged_gguf, meta, "merged")
        warnings += w2
        merged_info = {"file": merged_gguf.name, "type": args.merge,
                       "bytes": merged_gguf.stat().st_size, "sha256": sha256_file(merged_gguf),
                       "check": merged_check}
        log(f"merged: {merged_gguf} ({merged_gguf.stat().st_size / 1e6:.1f} MB)")

    if not args.keep_hf:
        shutil.rmtree(work, ignore_errors=True)

    wall_s = time.time() - wall0
    final_loss = losses[-1] if losses else None
    tail = losses[-max(1, min(5, len(losses))):] if losses else []
    manifest = {
        "tool": "docextract finetune/train_lora.py",
        "script_version": SCRIPT_VERSION,
        "created_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "base": {"path": str(base), "sha256": sha256_file(base), "architecture": meta["architecture"],
                 "add_bos_token": meta["add_bos_token"], "rope_freq_base": meta["rope_freq_base"]},
        "train": {"path": str(train_path), "sha256": sha256_file(train_path), "examples_in_file": None,
                  "ids_used": len(train), "skipped_too_long": train_skipped,
                  "prompt_tokens_mean": round(sum(p_tokens) / len(train), 1),
                  "target_tokens_mean": round(sum(t_tokens) / len(train), 1)},
        "eval": None,
        "init_adapter": ({"path": str(init_path), "sha256": sha256_file(init_path),
                          "tensors": n_init} if init is not None else None),
        "end_token": {"text": enc.eos_text, "id": enc.eos_id, "override": args.eos_token is not None},
        "hyperparameters": {
            "epochs": args.epochs, "max_steps": args.max_steps, "steps_done": step,
            "examples_seen": seen, "lr": args.lr, "schedule": f"linear, warm-up {warmup} steps",
            "rank": args.rank, "alpha": args.alpha, "dropout": args.dropout,
            "target_modules": TARGET_MODULES, "batch_size": 1, "grad_accum": args.grad_accum,
            "optimizer": "AdamW (weight_decay 0, grad clip 1.0)", "dtype": "float32",
            "seed": args.seed, "threads": args.threads, "max_examples": args.max_examples,
        },
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__, "peft": peft.__version__,
                     "accelerate": _version("accelerate"), "gguf": _version("gguf"),
                     "converters": str(conv_dir), "converters_sdist_sha256": _converters_marker(conv_dir)},
        "wall_time_s": round(wall_s, 1),
        "train_time_s": round(train_s, 1),
        "s_per_example": round(train_s / max(seen, 1), 3),
        # process CPU seconds (all threads) per example: divided by --threads, the wall time
        # per example on otherwise idle cores; compare with s_per_example to see contention
        "cpu_s_per_example": round(train_cpu_s / max(seen, 1), 3),
        "peak_rss_mb": round(__import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss / 1024),
        "final_train_loss": round(final_loss, 5) if final_loss is not None else None,
        "final_train_loss_mean_last_steps": round(sum(tail) / len(tail), 5) if tail else None,
        "train_loss_per_step": [round(x, 5) for x in losses],
        "eval_loss_before": round(eval_loss_before, 5) if eval_loss_before is not None else None,
        "eval_loss": round(eval_loss, 5) if eval_loss is not None else None,
        "adapter": {"file": adapter_gguf.name, "bytes": adapter_gguf.stat().st_size, "sha256": adapter_sha,
                    "type": "f16 LoRA GGUF", "check": adapter_check},
        "merged": merged_info,
        "warnings": warnings,
    }
    with open(train_path, encoding="utf-8") as f:
        manifest["train"]["examples_in_file"] = sum(1 for line in f if line.strip())
    if eval_path:
        manifest["eval"] = {"path": str(eval_path), "sha256": sha256_file(eval_path), "ids": len(evald),
                            "skipped_too_long": eval_skipped}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    emit("done", steps=step, examples_seen=seen, final_loss=manifest["final_train_loss"],
         eval_loss=manifest["eval_loss"], train_s=manifest["train_time_s"], wall_s=manifest["wall_time_s"],
         s_per_example=manifest["s_per_example"], cpu_s_per_example=manifest["cpu_s_per_example"],
         adapter=str(adapter_gguf), adapter_sha256=adapter_sha,
         merged=str(out / merged_info["file"]) if merged_info else None,
         manifest=str(out / "manifest.json"), warnings=warnings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
