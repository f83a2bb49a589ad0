"""The token permutation decided per call length: what a call pays under the permutation
judged once at compile time (L = 4096) against the one judged at its own lengths.

    python benchmarks/permute.py [--repeats 7]

The Sparse Transformer's strided head, ``causal and (q - k) % 128 == 0``, compiled once
(``spdsl.compile``, default ``seq``: judged at 4096), B=1 H=8 D=64 fp32, 64 x 64 blocks,
called at 4096 (training), 2048, 1024 and 256 (short calls), and decoding (Lq = 1 and 16
against a KV cache of 4096 and 16384 keys). For each call: the permutation judged at
4096 ("fixed", what every call ran before the decision was made per length), the one the
call now runs (``attn.permutation_for``), and the rows in order; forward and (not for
decoding) backward kernel times, each the median of ``--repeats`` runs with the variants
alternated round by round (a load change on this shared machine hits all alike), the computed elements
(FULL and PARTIAL blocks, padding included) and the CPU time of judging the call's bucket
once. Writes benchmarks/results/permute.lengths.txt and permute.lengths.json.
(``benchmarks/cpu_attention.py --permute`` is the A/B at the judged length itself.)
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl  # noqa: E402
from spdsl.analysis import permute as P  # noqa: E402
from spdsl.analysis.blocks import classify  # noqa: E402
from spdsl.runtime.layouts import call_layout  # noqa: E402

B, H, D, STRIDE, BLOCK = 1, 8, 64, 128, 64
CALLS = [(4096, 4096), (2048, 2048), (1024, 1024), (256, 256), (1, 4096), (16, 4096), (1, 16384)]


def elements(mask, perm, Lq: int, Lk: int) -> int:
    """Computed elements of one head (FULL + PARTIAL blocks, padding included)."""
    if perm is None:
        return classify(mask, Lq=Lq, Lk=Lk, H=1, block_q=BLOCK, block_k=BLOCK).visited_elements()
    return P.permuted_layout(mask, perm, Lq=Lq, Lk=Lk, H=1, B=1, block_q=BLOCK,
                             block_k=BLOCK).visited_elements()


def runners(attn, rows, perm, Lq: int, Lk: int, tensors, backward: bool):
    """(forward, backward or None) closures running the kernels of ``perm`` on its layout."""
    q, k, v, dout = tensors
    packed, inputs = call_layout(rows, (BLOCK, BLOCK), B, H, Lq, Lk, {}, perm=perm)
    made = attn._kernel_sets.kernel_set(False, perm)
    fwd = lambda: made["forward"](q, k, v, packed, scale=attn.scale, inputs=inputs)
    if not backward:
        return fwd, None
    out, lse = fwd()
    grads = attn._kernel_sets.backward_of(False, perm=perm)
    return fwd, lambda: grads(q, k, v, out, lse, dout, packed, scale=attn.scale, inputs=inputs)


def medians(fns: dict, repeats: int, inner: int = 1) -> dict:
    """Median over ``repeats`` rounds of each closure's mean seconds over ``inner``
    consecutive runs, the closures alternated round by round (a decoding loop runs one
    kernel back to back: alternating every call would time the switch, up to 2 ms here)."""
    for fn in fns.values():
        fn()
    times = {label: [] for label in fns}
    for _ in range(repeats):
        for label, fn in fns.items():
            t = time.perf_counter()
            for _ in range(inner):
                fn()
            times[label].append((time.perf_counter() - t) / inner)
    return {label: statistics.median(ts) for label, ts in times.items()}


def name(perm) -> str:
    return "in order" if perm is None else perm.describe()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    pat = spdsl.parse("pattern strided_head(stride = 128) { mask = causal and (q - k) % stride == 0 }")
    pat = pat["strided_head"]
    t = time.process_time()
    attn = spdsl.compile(pat, head_dim=D)
    compile_cpu = time.process_time() - t
    rows = pat.at_rows(False)
    fixed = attn.permutation
    lines = [f"token permutation per call length, {time.strftime('%Y-%m-%d %H:%M')} UTC; "
             f"torch threads {torch.get_num_threads()}; B={B} H={H} D={D} fp32, blocks {BLOCK}x{BLOCK}; "
             f"load average at start {os.getloadavg()[0]:.1f} (a shared machine); medians of "
             f"{args.repeats} rounds (decoding: of 50 calls back to back), variants alternated",
             f"causal and (q - k) % {STRIDE} == 0, compiled once (judged at 4096: {name(fixed)}; "
             f"compile {compile_cpu:.1f} s CPU)"]
    print("\n".join(lines), flush=True)
    out_rows = []
    for Lq, Lk in CALLS:
        decode = Lq < BLOCK
        t = time.process_time()
        decided = attn.permutation_for(Lq, Lk)
        judge_ms = (time.process_time() - t) * 1e3
        gen = torch.Generator().manual_seed(Lq * 7 + Lk)
        tensors = [torch.randn(B, H, n, D, generator=gen) for n in (Lq, Lk, Lk, Lq)]
        perms = {"fixed": fixed, "decided": decided, "in order": None}
        distinct = {}
        for label, perm in perms.items():
            distinct.setdefault(perm, label)
        t = time.process_time()
        fns = {perm: runners(attn, rows, perm, Lq, Lk, tensors, backward=not decode) for perm in distinct}
        build_s = time.process_time() - t
        row = {"Lq": Lq, "Lk": Lk, "fixed": name(fixed), "decided": name(decided),
               "judge_ms": judge_ms, "build_and_first_run_s": build_s}
        fwd = medians({p: f[0] for p, f in fns.items()}, args.repeats, inner=50 if decode else 1)
        bwd = {} if decode else medians({p: f[1] for p, f in fns.items()}, args.repeats)
        for label, perm in perms.items():
            row[f"{label}_elements"] = elements(rows.mask, perm, Lq, Lk)
            row[f"{label}_fwd_ms"] = fwd[perm] * 1e3
            if bwd:
                row[f"{label}_bwd_ms"] = bwd[perm] * 1e3
        row["fwd_gain"] = row["fixed_fwd_ms"] / row["decided_fwd_ms"]
        line = (f"Lq={Lq:5d} Lk={Lk:5d}  now runs: {name(decided)}  (judged in {judge_ms:.0f} ms CPU, once a bucket)"
                f"\n    elements/head  fixed {row['fixed_elements']:>10,}  now {row['decided_elements']:>10,}"
                f"  in order {row['in order_elements']:>10,}"
                f"\n    forward   fixed {row['fixed_fwd_ms']:9.3f} ms  now {row['decided_fwd_ms']:9.3f} ms"
                f"  in order {row['in order_fwd_ms']:9.3f} ms  (now vs fixed {row['fwd_gain']:.1f}x)")
        if bwd:
            row["bwd_gain"] = row["fixed_bwd_ms"] / row["decided_bwd_ms"]
            line += (f"\n    backward  fixed {row['fixed_bwd_ms']:9.3f} ms  now {row['decided_bwd_ms']:9.3f} ms"
                     f"  in order {row['in order_bwd_ms']:9.3f} ms  (now vs fixed {row['bwd_gain']:.1f}x)")
        print(line, flush=True)
        lines.append(line)
        out_rows.append(row)
    lines.append(f"kernels of {1 + sum(len(v['others']) for v in attn._kernel_sets.variants.values())} permutations "
                 f"built or loaded; attn.build_seconds {attn.build_seconds:.1f}")
    print(lines[-1])
    out = ROOT / "benchmarks" / "results"
    (out / "permute.lengths.txt").write_text("\n".join(lines) + "\n")
    (out / "permute.lengths.json").write_text(json.dumps(
        {"threads": torch.get_num_threads(), "stride": STRIDE, "B": B, "H": H, "D": D, "block": BLOCK,
         "rows": out_rows}, indent=2))
    print(f"wrote {(out / 'permute.lengths.txt').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
