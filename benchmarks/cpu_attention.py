"""CPU attention speed: spdsl against FlexAttention (compiled) and SDPA with a dense mask.

Everything is measured in this run, on this machine: B=1 H=8 D=64 fp32 at L = 4096 and
16384 for sliding window 512, Longformer, BigBird, causal and documents. Also the fp32
matmul rate (torch.mm, MKL/oneDNN), useful GFLOP/s (4 * nonzero elements * D / time),
the backward against SDPA's, and compile / cached-load times.

    python benchmarks/cpu_attention.py [--quick] [--lengths 4096 16384] [--bf16]
Writes benchmarks/results/cpu_attention.json and prints a table of same-run ratios (spdsl
and FlexAttention in interleaved rounds: the median of same-round ratios).

``--bf16``: only bfloat16 rows (sliding window 512, causal) for each way of multiplying
blocks (``ScheduleConfig.products``) against torch's bfloat16 matmul rate in the same run;
writes benchmarks/results/cpu_bf16.json (see cpu_bf16.txt).

    python benchmarks/cpu_attention.py --permute [--lengths 4096]
The token permutation's A/B (spdsl/analysis/permute.py): the Sparse Transformer's strided
head (stride 64) compiled with and without the permutation (``permute=False``), and
FlexAttention on the same pattern, forward and backward, all in this run; the strided
union (window OR strided), which the compiler does not permute, for reference. Writes
benchmarks/results/permute.txt and permute.json.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl  # noqa: E402
from machine import cpu_flags, describe  # noqa: E402

B, H, D = 1, 8, 64


def patterns():
    lib = lambda name: spdsl.load(ROOT / "examples" / f"{name}.spdsl")[name]
    return [
        ("sliding_window_512", lib("sliding_window").bind(window=512)),
        ("longformer", lib("longformer")),
        ("bigbird", lib("bigbird")),
        ("causal", spdsl.parse("pattern causal_only { mask = causal }")["causal_only"]),
        ("documents", lib("documents")),
    ]


def doc_ids(L: int) -> torch.Tensor:
    gen = torch.Generator().manual_seed(0)
    cuts = torch.sort(torch.randint(1, L, (L // 1024,), generator=gen)).values
    ids = torch.zeros(L, dtype=torch.int64)
    ids[cuts] = 1
    return ids.cumsum(0).view(1, L)


def timed(fn, repeats: int) -> float:
    fn()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def interleaved(fns, repeats: int, settle: bool = True) -> list:
    """Per function, the seconds of each of ``repeats`` rounds that call every function
    once in turn (after one warm-up call each): same-round samples on a shared machine.

    ``settle``: each timed call follows an untimed call of the same function, so no
    contender is timed while the previous one's threads wind down (torch's OpenMP workers
    spin for a while after a parallel region, and TVM's pool does too): without it, the
    contender called second in a round pays for the first one's spinning."""
    for fn in fns:
        fn()
    out = [[] for _ in fns]
    for _ in range(repeats):
        for fn, samples in zip(fns, out):
            if settle:
                fn()
            t = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t)
    return out


def matmul_gflops() -> float:
    a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
    t = timed(lambda: torch.mm(a, b), 7)
    return 2 * 2048 ** 3 / t / 1e9


def flex_runner(pat, L, inputs, q, k, v):
    from torch.nn.attention.flex_attention import create_block_mask, flex_attention

    mask_mod = pat.to_flex_mask_mod(Lq=L, Lk=L, H=H, B=B, **inputs)
    per_head = pat.layout(256, H=H, block=128, **({n: t[:, :256] for n, t in inputs.items()})).depends_on_h
    block_mask = create_block_mask(mask_mod, B, H if per_head else None, L, L, device="cpu")
    compiled = torch.compile(flex_attention)
    return lambda: compiled(q, k, v, block_mask=block_mask)


def bench_length(L: int, repeats: int, rows: list, with_flex: bool, with_backward: bool,
                 settle: bool = True) -> None:
    gen = torch.Generator().manual_seed(L)
    q, k, v = (torch.randn(B, H, L, D, generator=gen) for _ in range(3))
    for name, pat in patterns():
        inputs = {"doc": doc_ids(L)} if pat.inputs else {}
        attn = spdsl.compile(pat, head_dim=D)
        ex = pat.explain(Lq=L, H=H, B=B, block=(attn.config.block_q, attn.config.block_k), head_dim=D, **inputs)
        ours = timed(lambda: attn(q, k, v, **inputs), repeats)
        row = {"pattern": name, "L": L, "density": ex.density, "spdsl_ms": ours * 1e3,
               "useful_gflops": 4 * ex.nonzero_elements * D / ours / 1e9}
        if with_flex:
            try:
                flex = flex_runner(pat, L, inputs, q, k, v)
            except Exception as e:  # report, do not hide: the row says why
                row["flex_error"] = f"{type(e).__name__}: {str(e)[:200]}"
            else:  # interleaved rounds: the ratio is the median of same-round ratios
                ours_s, flex_s = interleaved([lambda: attn(q, k, v, **inputs), flex], repeats, settle)
                row.update(flex_ms=statistics.median(flex_s) * 1e3, settled=settle,
                           spdsl_rounds_ms=statistics.median(ours_s) * 1e3,
                           vs_flex=statistics.median(f / o for o, f in zip(ours_s, flex_s)))
        heads_for_sdpa = H if L <= 4096 else 1    # a dense [H, L, L] fp32 score matrix at 16K is 8 GiB
        mask = pat.dense_mask(L, H=heads_for_sdpa, B=B, **inputs)
        qs, ks, vs = (t[:, :heads_for_sdpa].contiguous() for t in (q, k, v))
        sdpa = timed(lambda: torch.nn.functional.scaled_dot_product_attention(qs, ks, vs, attn_mask=mask),
                     max(3, repeats // 2)) * (H / heads_for_sdpa)
        row["sdpa_dense_mask_ms"] = sdpa * 1e3
        row["vs_sdpa"] = sdpa / ours
        if with_backward and L <= 4096:
            qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
            out = attn(qg, kg, vg, **inputs)
            dout = torch.randn_like(out)
            bwd = timed(lambda: torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True), repeats)
            qd, kd, vd = (t.clone().requires_grad_() for t in (q, k, v))
            ref = torch.nn.functional.scaled_dot_product_attention(qd, kd, vd, attn_mask=pat.dense_mask(L, H=H, **inputs))
            sdpa_bwd = timed(lambda: torch.autograd.grad(ref, (qd, kd, vd), dout, retain_graph=True),
                             max(3, repeats // 2))
            row.update(spdsl_bwd_ms=bwd * 1e3, sdpa_bwd_ms=sdpa_bwd * 1e3, bwd_vs_sdpa=sdpa_bwd / bwd)
        rows.append(row)
        print(_line(row), flush=True)
        del mask


def bench_bf16(lengths, repeats: int) -> list:
    """bfloat16 rows: the forward with each way of multiplying blocks (``products``:
    "dpbf16", AVX512-BF16 dot products, where the CPU has them; "fp32", convert and FMA)
    and the float32 forward, against torch's bfloat16 matmul rate, all timed interleaved
    in this run (the machine is shared: medians of rounds)."""
    from dataclasses import replace

    from spdsl.codegen.cpu.schedule import ScheduleConfig
    from spdsl.codegen.cpu.target import bf16_products

    a, b = (torch.randn(2048, 2048).bfloat16() for _ in range(2))
    paths = ["fp32"] + (["dpbf16"] if bf16_products(None) == "dpbf16" else [])
    rows = []
    for L in lengths:
        gen = torch.Generator().manual_seed(L)
        q, k, v = (torch.randn(B, H, L, D, generator=gen) for _ in range(3))
        qh, kh, vh = (t.bfloat16() for t in (q, k, v))
        for name, pat in patterns():
            if name not in ("sliding_window_512", "causal"):
                continue
            runs = {"matmul": lambda: torch.mm(a, b), "fp32 tensors": (lambda f=spdsl.compile(pat, head_dim=D):
                                                                       f(q, k, v))}
            for prod in paths:
                cfg = replace(ScheduleConfig(), products=prod)
                f = spdsl.compile(pat, head_dim=D, dtype=torch.bfloat16, config=cfg)
                runs[f"bf16 {prod}"] = lambda f=f: f(qh, kh, vh)
            times = {n: [] for n in runs}
            for fn in runs.values():
                fn()
            for _ in range(repeats):
                for n, fn in runs.items():
                    t = time.perf_counter()
                    fn()
                    times[n].append(time.perf_counter() - t)
            med = {n: statistics.median(t) for n, t in times.items()}
            mm = 2 * 2048 ** 3 / med.pop("matmul") / 1e9
            ex = pat.explain(Lq=L, H=H, B=B, block=(64, 64), head_dim=D)
            for n, t in med.items():
                useful = 4 * ex.nonzero_elements * D / t / 1e9
                row = {"pattern": name, "L": L, "run": n, "ms": t * 1e3, "useful_gflops": useful,
                       "bf16_matmul_gflops": mm, "vs_bf16_matmul": useful / mm}
                rows.append(row)
                print(f"{name:19s} L={L:5d} {n:13s} {t * 1e3:8.1f} ms  {useful:6.1f} useful GF/s  "
                      f"torch bf16 mm {mm:6.1f} GF/s  ratio {useful / mm:4.2f}", flush=True)
    return rows


def _line(r) -> str:
    parts = [f"{r['pattern']:19s} L={r['L']:5d} dens {r['density']:.3f}  spdsl {r['spdsl_ms']:8.1f} ms "
             f"({r['useful_gflops']:5.1f} GF/s)"]
    if "flex_ms" in r:
        parts.append(f"flex {r['flex_ms']:8.1f} ms ({r['vs_flex']:4.1f}x)")
    elif "flex_error" in r:
        parts.append("flex failed")
    parts.append(f"sdpa {r['sdpa_dense_mask_ms']:8.1f} ms ({r['vs_sdpa']:4.1f}x)")
    if "bwd_vs_sdpa" in r:
        parts.append(f"bwd {r['spdsl_bwd_ms']:7.1f} vs {r['sdpa_bwd_ms']:7.1f} ms ({r['bwd_vs_sdpa']:4.1f}x)")
    return "  ".join(parts)


def compile_times() -> dict:
    """First compile (empty cache) and cached load, each in a fresh process."""
    code = ("import time, torch, spdsl\n"
            "import tvm\n"
            "p = spdsl.load('examples/longformer.spdsl')['longformer']\n"
            "t = time.perf_counter(); a = spdsl.compile(p, head_dim=64); t1 = time.perf_counter() - t\n"
            "t = time.perf_counter(); a.backward_kernels; t2 = time.perf_counter() - t\n"
            "print(t1, t2, a.loaded_from_cache)\n")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SPDSL_CACHE_DIR": cache}
        first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                               check=True).stdout.split()
        again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                               check=True).stdout.split()
    out = {"first_forward_s": float(first[0]), "first_backward_s": float(first[1]),
           "cached_forward_s": float(again[0]), "cached_backward_s": float(again[1]),
           "second_was_cached": again[2] == "True"}
    print(f"compile: first forward {out['first_forward_s']:.2f} s, backward (dQ + dK/dV) "
          f"{out['first_backward_s']:.2f} s; cached load {out['cached_forward_s']:.3f} s + "
          f"{out['cached_backward_s']:.3f} s (TVM import excluded)")
    return out


def bench_permute(lengths, repeats: int) -> None:
    """Strided (stride 64) with and without the token permutation, and FlexAttention."""
    lib = spdsl.load(ROOT / "examples" / "strided.spdsl")
    head = spdsl.parse("pattern strided_head(stride = 64) { mask = causal and (q - k) % stride == 0 }")
    cases = [("strided_head_64", head["strided_head"].bind(stride=64)),
             ("strided_union_64", lib["strided"].bind(stride=64))]
    lines = [f"token permutation A/B, {time.strftime('%Y-%m-%d %H:%M')} UTC; CPU {describe()}; "
             f"torch threads {torch.get_num_threads()}; B={B} H={H} D={D} fp32, one run; "
             f"load average at start {os.getloadavg()[0]:.1f} (a shared machine)"]
    rows = []
    for L in lengths:
        gen = torch.Generator().manual_seed(L)
        q, k, v = (torch.randn(B, H, L, D, generator=gen) for _ in range(3))
        dout = torch.randn(B, H, L, D, generator=gen)
        for name, pat in cases:
            row = {"pattern": name, "L": L}
            fns = {}
            for label, permute in (("perm", True), ("plain", False)):
                attn = spdsl.compile(pat, head_dim=D, permute=permute, seq=L)
                row[f"{label}_perm"] = None if attn.permutation is None else attn.permutation.describe()
                qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
                out = attn(qg, kg, vg)
                fns[label] = (lambda a=attn: a(q, k, v),
                              lambda o=out, g=(qg, kg, vg): torch.autograd.grad(o, g, dout, retain_graph=True))
            # A and B alternate, medians of each: a load change on this shared machine
            # hits both alike
            for i, what in enumerate(("fwd", "bwd")):
                times = {label: [] for label in fns}
                for label in fns:
                    fns[label][i]()
                for _ in range(repeats):
                    for label in fns:
                        t = time.perf_counter()
                        fns[label][i]()
                        times[label].append(time.perf_counter() - t)
                for label in fns:
                    row[f"{label}_{what}_ms"] = statistics.median(times[label]) * 1e3
            ex = pat.explain(Lq=L, H=H, B=B, block=64, head_dim=D)
            row.update(flops_before=ex.flops_forward, flops_after=ex.permuted_flops_forward,
                       density=ex.density)
            try:
                flex = flex_runner(pat, L, {}, q, k, v)
                row["flex_fwd_ms"] = timed(flex, repeats) * 1e3
            except Exception as e:  # report, do not hide
                row["flex_error"] = f"{type(e).__name__}: {str(e)[:200]}"
            row["fwd_gain"] = row["plain_fwd_ms"] / row["perm_fwd_ms"]
            row["bwd_gain"] = row["plain_bwd_ms"] / row["perm_bwd_ms"]
            same = "" if row["perm_perm"] else " (so the same kernel twice: the ratio is noise)"
            line = (f"{name:17s} L={L:5d} dens {row['density']:.4f}  permutation: {row['perm_perm'] or 'none'}{same}"
                    f"\n    forward  permuted {row['perm_fwd_ms']:8.2f} ms  in order {row['plain_fwd_ms']:8.2f} ms"
                    f"  ({row['fwd_gain']:.1f}x)")
            if "flex_fwd_ms" in row:
                line += f"  flex {row['flex_fwd_ms']:8.2f} ms ({row['flex_fwd_ms'] / row['perm_fwd_ms']:.1f}x)"
            else:
                line += f"  flex failed: {row['flex_error']}"
            line += (f"\n    backward permuted {row['perm_bwd_ms']:8.2f} ms  in order {row['plain_bwd_ms']:8.2f} ms"
                     f"  ({row['bwd_gain']:.1f}x)")
            if row["flops_after"] is not None:
                line += f"\n    explain: forward FLOPs {row['flops_before'] / 1e9:.2f} G in order -> " \
                        f"{row['flops_after'] / 1e9:.3f} G permuted"
            print(line, flush=True)
            lines.append(line)
            rows.append(row)
    out = ROOT / "benchmarks" / "results"
    (out / "permute.txt").write_text("\n".join(lines) + "\n")
    (out / "permute.json").write_text(json.dumps({"cpu": describe(), "cpu_flags": cpu_flags(),
                                                  "threads": torch.get_num_threads(),
                                                  "rows": rows}, indent=2))
    print(f"wrote {(out / 'permute.txt').relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--permute", action="store_true",
                    help="only the token permutation's A/B (strided, stride 64)")
    ap.add_argument("--quick", action="store_true", help="L = 4096 only, no FlexAttention")
    ap.add_argument("--lengths", type=int, nargs="+", default=[4096, 16384])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--no-settle", action="store_true",
                    help="time each contender right after the other one (no untimed call of its own first)")
    ap.add_argument("--bf16", action="store_true",
                    help="only the bfloat16 rows (sliding window 512, causal): each products path "
                         "against torch's bf16 matmul; writes cpu_bf16.json")
    args = ap.parse_args()
    if args.bf16:
        rows = bench_bf16([4096] if args.quick else args.lengths, args.repeats)
        out = ROOT / "benchmarks" / "results" / "cpu_bf16.json"
        out.write_text(json.dumps({"machine": describe(), "cpu_flags": cpu_flags(),
                                   "torch": torch.__version__, "threads": torch.get_num_threads(),
                                   "B": B, "H": H, "D": D, "rows": rows,
                                   "date": time.strftime("%Y-%m-%d %H:%M")}, indent=2))
        print(f"wrote {out.relative_to(ROOT)}")
        return
    lengths = [4096] if args.quick else args.lengths
    if args.permute:
        bench_permute(lengths, args.repeats)
        return
    gf = matmul_gflops()
    print(f"fp32 matmul (torch.mm 2048^3) in this run: {gf:.0f} GFLOP/s; torch threads {torch.get_num_threads()}")
    rows: list = []
    for L in lengths:
        bench_length(L, args.repeats, rows, with_flex=not args.quick, with_backward=True,
                     settle=not args.no_settle)
    comp = compile_times()
    result = {"machine": describe(), "cpu_flags": cpu_flags(), "torch": torch.__version__,
              "threads": torch.get_num_threads(), "matmul_gflops": gf, "B": B, "H": H, "D": D,
              "rows": rows, "compile": comp, "date": time.strftime("%Y-%m-%d %H:%M"),
              "useful_fraction_of_matmul": {f"{r['pattern']}@{r['L']}": r["useful_gflops"] / gf for r in rows}}
    out = ROOT / "benchmarks" / "results" / "cpu_attention.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
