"""Dense-like patterns on the CPU against SDPA's own causal kernel (issue 14, item 2).

The anchor for causal attention is ``scaled_dot_product_attention(..., is_causal=True)``:
PyTorch's flash kernel, which skips the masked blocks too (a dense boolean mask would
make it look slower than it is). Everything is measured in this run: for fp32 and bf16,
the forward and the backward of spdsl's causal kernels and of SDPA ``is_causal=True``,
the backward split into spdsl's dQ and dK/dV kernels, useful GFLOP/s (forward 4 * visible
elements * D, backward 2.5x that, as FlashAttention counts) and the matmul rate of
torch in the same dtype as the ceiling.

    python benchmarks/causal_cpu.py [--lengths 4096 16384] [--repeats 5] [--dtypes float32 bfloat16]

Writes benchmarks/results/causal_cpu.{txt,json}.

``--dense-like``: the other dense-like patterns of the issue, prefix-LM (prefix L/4) and a
causal window of L/2 (density >= 0.3), forward and backward against SDPA with the
pattern's boolean mask and against SDPA ``is_causal=True``; writes
benchmarks/results/dense_like_cpu.{txt,json}.

``--bf16-backward``: the bfloat16 backward only, on each way of multiplying blocks
(``ScheduleConfig.products``: "dpbf16", AVX512-BF16 dot products, where the CPU has them;
"fp32", float32 kernels behind a conversion) against SDPA ``is_causal=True`` in bfloat16 and
torch's bfloat16 matmul, timed interleaved round by round (the machine is shared: read the
same-round ratios); writes benchmarks/results/cpu_bf16_backward.{txt,json}.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import spdsl  # noqa: E402
from machine import cpu_flags, describe  # noqa: E402

B, H, D = 1, 8, 64
CAUSAL = "pattern causal_only { mask = causal }"


def timed(fn, repeats: int) -> float:
    fn()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def rounds(runs: dict, repeats: int, settle: bool = True, before=None, after=None) -> dict:
    """Per contender of ``runs`` (name -> function), its seconds in each of ``repeats``
    interleaved rounds (after one warm-up call each). ``settle``: each timed call follows an
    untimed call of the same contender (see :func:`bench`). ``before(name)`` / ``after(name)``
    run around each timed call (the kernel clocks)."""
    for fn in runs.values():
        fn()
    samples = {name: [] for name in runs}
    for _ in range(repeats):
        for name, fn in runs.items():
            if settle:
                fn()
            if before is not None:
                before(name)
            t = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - t)
            if after is not None:
                after(name)
    return samples


def matmul_gflops(dtype) -> float:
    a, b = torch.randn(2048, 2048, dtype=dtype), torch.randn(2048, 2048, dtype=dtype)
    return 2 * 2048 ** 3 / timed(lambda: torch.mm(a, b), 5) / 1e9


class KernelClock:
    """Wraps a backward's kernel functions (dQ, dK/dV and the fused one) to add up their
    own time."""

    def __init__(self, kernels):
        self.seconds = {"dq": 0.0, "dkdv": 0.0, "dqkv": 0.0}
        for name, attr in (("dq", "dq_func"), ("dkdv", "dkdv_func"), ("dqkv", "fused_func")):
            fn = getattr(kernels, attr)
            if fn is not None:
                setattr(kernels, attr, self._clocked(name, fn))

    def reset(self):
        self.seconds = dict.fromkeys(self.seconds, 0.0)

    def _clocked(self, name, fn):
        def run(*args):
            t = time.perf_counter()
            fn(*args)
            self.seconds[name] += time.perf_counter() - t
        return run


def bench(L: int, dtype, repeats: int, rate: float, settle: bool = True) -> dict:
    """Medians over ``repeats`` interleaved rounds (the machine is shared: each round times
    every contender once, and ratios are medians of same-round ratios): spdsl's forward and
    backward (autograd, the path the op picks), SDPA is_causal=True's, and spdsl's two
    backward paths called directly: the dQ + dK/dV kernels and the fused kernel.

    ``settle``: each timed call follows an untimed call of the same contender, so none is
    timed while the previous one's threads wind down (torch's OpenMP workers spin after a
    parallel region and share the two cores with TVM's pool; cpu_attention.py measured
    spdsl 21% slower right after FlexAttention than after itself, Flex 10% slower after
    spdsl)."""
    gen = torch.Generator().manual_seed(L)
    q, k, v = (torch.randn(B, H, L, D, generator=gen).to(dtype) for _ in range(3))
    dout = torch.randn(B, H, L, D, generator=gen).to(dtype)
    pat = spdsl.parse(CAUSAL)["causal_only"]
    attn = spdsl.compile(pat, head_dim=D, dtype=dtype)
    visible = L * (L + 1) // 2 * B * H
    fwd_flop, bwd_flop = 4 * visible * D, 10 * visible * D
    qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
    out = attn(qg, kg, vg)
    qd, kd, vd = (t.clone().requires_grad_() for t in (q, k, v))
    ref = F.scaled_dot_product_attention(qd, kd, vd, is_causal=True)
    kernels = attn.backward_kernels
    o, lse = attn(q, k, v, return_lse=True)
    layout, _ = attn.layout_for(B, H, L, L, {})
    runs = {"spdsl_fwd": lambda: attn(q, k, v),
            "sdpa_fwd": lambda: F.scaled_dot_product_attention(q, k, v, is_causal=True),
            "spdsl_bwd": lambda: torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True),
            "sdpa_bwd": lambda: torch.autograd.grad(ref, (qd, kd, vd), dout, retain_graph=True),
            "split_bwd": lambda: kernels(q, k, v, o, lse, dout, layout, scale=attn.scale, fused=False)}
    if kernels.has_fused:
        runs["fused_bwd"] = lambda: kernels(q, k, v, o, lse, dout, layout, scale=attn.scale, fused=True)
    clock = KernelClock(kernels)
    split = {"dq": [], "dkdv": []}

    def split_times(name):
        if name == "split_bwd":
            for kernel in split:
                split[kernel].append(clock.seconds[kernel])

    samples = rounds(runs, repeats, settle, before=lambda _: clock.reset(), after=split_times)
    med = {name: statistics.median(xs) for name, xs in samples.items()}

    def same_round(num, den):
        return statistics.median(a / b for a, b in zip(samples[num], samples[den]))

    row = {"L": L, "dtype": str(dtype).replace("torch.", ""), "matmul_gflops": rate,
           "spdsl_fwd_ms": med["spdsl_fwd"] * 1e3, "sdpa_causal_fwd_ms": med["sdpa_fwd"] * 1e3,
           "fwd_vs_sdpa": same_round("sdpa_fwd", "spdsl_fwd"),
           "spdsl_bwd_ms": med["spdsl_bwd"] * 1e3, "sdpa_causal_bwd_ms": med["sdpa_bwd"] * 1e3,
           "bwd_vs_sdpa": same_round("sdpa_bwd", "spdsl_bwd"),
           "bwd_path": "fused" if kernels.runs_fused(layout.transposed, H) else "split",
           "split_ms": med["split_bwd"] * 1e3,
           "dq_ms": statistics.median(split["dq"]) * 1e3, "dkdv_ms": statistics.median(split["dkdv"]) * 1e3,
           "fwd_useful_gflops": fwd_flop / med["spdsl_fwd"] / 1e9,
           "bwd_useful_gflops": bwd_flop / med["spdsl_bwd"] / 1e9,
           "fwd_fraction_of_matmul": fwd_flop / med["spdsl_fwd"] / 1e9 / rate}
    if "fused_bwd" in med:
        row.update(fused_ms=med["fused_bwd"] * 1e3, fused_vs_split=same_round("split_bwd", "fused_bwd"))
    return row


def dense_like_patterns(L: int) -> list:
    """The other dense-like patterns of issue 14 (density >= 0.3 at ``L``): prefix-LM with
    a quarter of the sequence as prefix, and a causal window of half of it."""
    lib = lambda name: spdsl.load(ROOT / "examples" / f"{name}.spdsl")[name]
    return [(f"prefix_lm_{L // 4}", lib("prefix_lm").bind(prefix=L // 4)),
            (f"sliding_window_{L // 2}", lib("sliding_window").bind(window=L // 2))]


def bench_dense_like(name: str, pat, L: int, dtype, repeats: int, settle: bool = True) -> dict:
    """Forward and backward of one dense-like pattern against the two SDPA calls a user has:
    ``attn_mask=`` the pattern's boolean mask (the flash kernel with a mask, every block
    computed) and ``is_causal=True`` (the flash kernel skipping blocks: the anchor of
    flash speed, density 0.5). Interleaved rounds as :func:`bench`; ratios are medians of
    same-round ratios."""
    gen = torch.Generator().manual_seed(L)
    q, k, v, dout = (torch.randn(B, H, L, D, generator=gen).to(dtype) for _ in range(4))
    attn = spdsl.compile(pat, head_dim=D, dtype=dtype)
    ex = pat.explain(Lq=L, H=H, B=B, block=(attn.config.block_q, attn.config.block_k), head_dim=D)
    mask = pat.dense_mask(L, H=1, B=B)
    grads = {}

    def trained(label, forward):
        qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
        out = forward(qg, kg, vg)
        grads[label] = lambda: torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True)

    trained("spdsl", attn)
    trained("masked", lambda a, b, c: F.scaled_dot_product_attention(a, b, c, attn_mask=mask))
    trained("causal", lambda a, b, c: F.scaled_dot_product_attention(a, b, c, is_causal=True))
    runs = {"spdsl_fwd": lambda: attn(q, k, v),
            "masked_fwd": lambda: F.scaled_dot_product_attention(q, k, v, attn_mask=mask),
            "causal_fwd": lambda: F.scaled_dot_product_attention(q, k, v, is_causal=True),
            **{f"{label}_bwd": fn for label, fn in grads.items()}}
    samples = rounds(runs, repeats, settle)

    def same_round(num, den):
        return statistics.median(a / b for a, b in zip(samples[num], samples[den]))

    med = {n: statistics.median(xs) * 1e3 for n, xs in samples.items()}
    row = {"pattern": name, "L": L, "dtype": str(dtype).replace("torch.", ""), "density": ex.density,
           **{f"{n}_ms": t for n, t in med.items()},
           "fwd_useful_gflops": 4 * ex.nonzero_elements * D / med["spdsl_fwd"] / 1e6}
    for step in ("fwd", "bwd"):
        row[f"{step}_vs_masked"] = same_round(f"masked_{step}", f"spdsl_{step}")
        row[f"{step}_vs_causal"] = same_round(f"causal_{step}", f"spdsl_{step}")
    return row


def dense_like_main(lengths, dtypes, repeats: int, settle: bool) -> None:
    lines = [f"# python benchmarks/causal_cpu.py --dense-like --lengths {' '.join(map(str, lengths))} "
             f"--repeats {repeats}",
             f"# CPU: {describe()}; torch {torch.__version__}, {torch.get_num_threads()} threads; B={B} H={H} "
             f"D={D}; medians of {repeats} interleaved rounds"
             f"{'' if not settle else ' (each timed call after an untimed one of the same contender)'}; "
             "ratios are medians of same-round ratios",
             "# anchors: SDPA attn_mask= the pattern's boolean mask (flash with a mask: every block computed) "
             "and SDPA is_causal=True (flash skipping blocks at density 0.5: the speed anchor; a window of "
             "L/2 does less work than causal, a prefix-LM of L/4 a little more)"]
    rows = []
    for name in dtypes:
        dtype = getattr(torch, name)
        for L in lengths:
            for label, pat in dense_like_patterns(L):
                r = bench_dense_like(label, pat, L, dtype, repeats, settle)
                rows.append(r)
                lines.append(
                    f"{r['dtype']:>8} {label:<20} L={L:>5} dens {r['density']:.3f}  "
                    f"fwd {r['spdsl_fwd_ms']:7.1f} ms: {r['fwd_vs_causal']:.2f}x SDPA is_causal "
                    f"({r['causal_fwd_ms']:.1f} ms), {r['fwd_vs_masked']:.2f}x SDPA masked "
                    f"({r['masked_fwd_ms']:.1f} ms) | bwd {r['spdsl_bwd_ms']:7.1f} ms: "
                    f"{r['bwd_vs_causal']:.2f}x is_causal ({r['causal_bwd_ms']:.1f} ms), "
                    f"{r['bwd_vs_masked']:.2f}x masked ({r['masked_bwd_ms']:.1f} ms)")
                print(lines[-1], flush=True)
    write_results("dense_like_cpu", lines, rows)


def bench_bf16_backward(L: int, repeats: int) -> dict:
    """Medians over ``repeats`` interleaved rounds of the bfloat16 backward (dQ and dK/dV
    kernel time apart) per products path, of SDPA is_causal=True's and of a 2048^3 bf16
    matmul."""
    from spdsl.codegen.cpu.schedule import ScheduleConfig
    from spdsl.codegen.cpu.target import bf16_products

    gen = torch.Generator().manual_seed(L)
    q, k, v, dout = (torch.randn(B, H, L, D, generator=gen).bfloat16() for _ in range(4))
    pat = spdsl.parse(CAUSAL)["causal_only"]
    paths = (["dpbf16"] if bf16_products(None) == "dpbf16" else []) + ["fp32"]
    runs, clocks, kernel_dtype = {}, {}, {}
    for products in paths:
        attn = spdsl.compile(pat, head_dim=D, dtype=torch.bfloat16, config=ScheduleConfig(products=products))
        qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
        out = attn(qg, kg, vg)
        kernels = attn.backward_kernels
        kernel_dtype[products] = kernels.dtype
        clocks[products] = KernelClock(kernels)
        runs[products] = lambda out=out, g=(qg, kg, vg): torch.autograd.grad(out, g, dout, retain_graph=True)
    qd, kd, vd = (t.clone().requires_grad_() for t in (q, k, v))
    ref = F.scaled_dot_product_attention(qd, kd, vd, is_causal=True)
    runs["sdpa"] = lambda: torch.autograd.grad(ref, (qd, kd, vd), dout, retain_graph=True)
    a, b = torch.randn(2048, 2048).bfloat16(), torch.randn(2048, 2048).bfloat16()
    runs["mm"] = lambda: torch.mm(a, b)
    split = {p: {"dq": [], "dkdv": [], "dqkv": []} for p in paths}

    def kernel_times(name):
        if name in clocks:
            for kernel, sec in clocks[name].seconds.items():
                split[name][kernel].append(sec)

    samples = rounds(runs, repeats, settle=False, before=lambda name: clocks[name].reset() if name in clocks else None,
                     after=kernel_times)
    med = {name: statistics.median(xs) for name, xs in samples.items()}
    flop = 10 * L * (L + 1) // 2 * B * H * D
    mm_rate = 2 * 2048 ** 3 / med["mm"] / 1e9
    row = {"L": L, "bf16_matmul_gflops": mm_rate, "sdpa_causal_bwd_ms": med["sdpa"] * 1e3}
    for p in paths:
        row[p] = {"kernel_dtype": kernel_dtype[p], "bwd_ms": med[p] * 1e3,
                  "dq_ms": statistics.median(split[p]["dq"]) * 1e3,
                  "dkdv_ms": statistics.median(split[p]["dkdv"]) * 1e3,
                  "dqkv_ms": statistics.median(split[p]["dqkv"]) * 1e3,
                  "vs_sdpa": med["sdpa"] / med[p], "useful_gflops": flop / med[p] / 1e9,
                  "vs_bf16_matmul": flop / med[p] / 1e9 / mm_rate,
                  # same-round ratio of each sample to the fp32-products sample
                  "speedup_vs_fp32_products": statistics.median(
                      f / x for f, x in zip(samples["fp32"], samples[p]))}
    return row


def kernel_split(x: dict) -> str:
    """Where a backward's kernel time went: the fused kernel, or dQ + dK/dV."""
    if x["dqkv_ms"] > 0:
        return f"fused {x['dqkv_ms']:6.1f}"
    return f"dQ {x['dq_ms']:6.1f} + dK/dV {x['dkdv_ms']:6.1f}"


def bf16_backward_main(lengths, repeats: int) -> None:
    lines = ["# bfloat16 CPU backward (dQ + dK/dV), causal: vdpbf16ps products vs float32 kernels vs SDPA",
             f"# python benchmarks/causal_cpu.py --bf16-backward --lengths {' '.join(map(str, lengths))} "
             f"--repeats {repeats}",
             f"# CPU: {describe()}; torch {torch.__version__}, {torch.get_num_threads()} threads; B={B} H={H} "
             f"D={D}, blocks 64x64, default config; medians of {repeats} interleaved rounds",
             "# rows: 'dpbf16' = bfloat16 kernels on vdpbf16ps (bf16 in/out, fp32 sums and softmax); 'fp32' = "
             "products='fp32' (float32 kernels, the wrapper converts: what every bf16 backward ran before);",
             "# SDPA = scaled_dot_product_attention(is_causal=True) backward in bfloat16; useful GF/s = 10 * "
             "visible * D / time; 'x fp32' = median of same-round ratios"]
    rows = []
    for L in lengths:
        r = bench_bf16_backward(L, repeats)
        rows.append(r)
        for p in ("dpbf16", "fp32"):
            if p not in r:
                continue
            x = r[p]
            lines.append(f"causal L={L:>5} {p:>6} ({x['kernel_dtype']} kernels)  bwd {x['bwd_ms']:7.1f} ms "
                         f"({kernel_split(x)})  {x['speedup_vs_fp32_products']:.2f}x fp32"
                         f"  vs SDPA is_causal {r['sdpa_causal_bwd_ms']:7.1f} ms ({x['vs_sdpa']:.2f}x)  "
                         f"{x['useful_gflops']:5.1f} useful GF/s = {x['vs_bf16_matmul']:.2f} of torch bf16 mm "
                         f"({r['bf16_matmul_gflops']:.0f} GF/s)")
            print(lines[-1], flush=True)
    write_results("cpu_bf16_backward", lines, rows)


def write_results(name: str, lines: list, rows: list) -> None:
    """benchmarks/results/NAME.txt (the printed lines) and NAME.json (the rows, the CPU)."""
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.txt").write_text("\n".join(lines) + "\n")
    (out / f"{name}.json").write_text(json.dumps({"cpu": describe(), "cpu_flags": cpu_flags(), "rows": rows}, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=int, nargs="+", default=[4096, 16384])
    ap.add_argument("--no-settle", action="store_true",
                    help="time each contender right after the previous one (no untimed call of its own first)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dtypes", nargs="+", default=["float32", "bfloat16"])
    ap.add_argument("--bf16-backward", action="store_true",
                    help="bfloat16 backward per products path vs SDPA; writes cpu_bf16_backward.*")
    ap.add_argument("--dense-like", action="store_true",
                    help="prefix-LM (L/4) and a causal window of L/2 against SDPA masked and is_causal; "
                         "writes dense_like_cpu.*")
    args = ap.parse_args()
    if args.dense_like:
        dense_like_main(args.lengths, args.dtypes, args.repeats, not args.no_settle)
        return
    if args.bf16_backward:
        bf16_backward_main(args.lengths, args.repeats)
        return
    lines = [f"CPU: {describe()}; torch {torch.__version__}, {torch.get_num_threads()} threads; "
             f"B={B} H={H} D={D}, causal; medians of {args.repeats} interleaved rounds"
             f"{'' if args.no_settle else ' (each timed call after an untimed one of the same contender)'}"
             ", ratios are medians "
             "of same-round ratios; bwd (path) = autograd through the op, which runs the fused kernel where "
             "its tasks balance; fused / split = the two backward paths called directly"]
    rows = []
    for name in args.dtypes:
        dtype = getattr(torch, name)
        rate = matmul_gflops(dtype)
        lines.append(f"{name} matmul (torch.mm 2048^3) in this run: {rate:.0f} GFLOP/s")
        print(lines[-1], flush=True)
        for L in args.lengths:
            r = bench(L, dtype, args.repeats, rate, settle=not args.no_settle)
            rows.append(r)
            fused = (f"fused {r['fused_ms']:.0f} ms = {r['fused_vs_split']:.2f}x faster than "
                     if "fused_ms" in r else "")
            lines.append(
                f"{r['dtype']:>8} L={L:>5}  fwd {r['spdsl_fwd_ms']:7.1f} ms vs SDPA is_causal "
                f"{r['sdpa_causal_fwd_ms']:7.1f} ms ({r['fwd_vs_sdpa']:.2f}x) | bwd ({r['bwd_path']}) "
                f"{r['spdsl_bwd_ms']:7.1f} ms vs {r['sdpa_causal_bwd_ms']:7.1f} ms ({r['bwd_vs_sdpa']:.2f}x) | "
                f"{fused}split {r['split_ms']:.0f} ms (dQ {r['dq_ms']:.0f} + dK/dV {r['dkdv_ms']:.0f}) | "
                f"fwd {r['fwd_useful_gflops']:.0f} GFLOP/s = {100 * r['fwd_fraction_of_matmul']:.0f}% of matmul")
            print(lines[-1], flush=True)
    write_results("causal_cpu", lines, rows)


if __name__ == "__main__":
    main()
