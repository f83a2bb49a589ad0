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
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import spdsl  # noqa: E402

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


def matmul_gflops(dtype) -> float:
    a, b = torch.randn(2048, 2048, dtype=dtype), torch.randn(2048, 2048, dtype=dtype)
    return 2 * 2048 ** 3 / timed(lambda: torch.mm(a, b), 5) / 1e9


class KernelClock:
    """Wraps a backward's dQ and dK/dV kernel functions to add up their own time."""

    def __init__(self, kernels):
        self.seconds = {"dq": 0.0, "dkdv": 0.0}
        for name in self.seconds:
            fn = getattr(kernels, f"{name}_func")
            setattr(kernels, f"{name}_func", self._clocked(name, fn))

    def _clocked(self, name, fn):
        def run(*args):
            t = time.perf_counter()
            fn(*args)
            self.seconds[name] += time.perf_counter() - t
        return run


def bench(L: int, dtype, repeats: int, rate: float) -> dict:
    gen = torch.Generator().manual_seed(L)
    q, k, v = (torch.randn(B, H, L, D, generator=gen).to(dtype) for _ in range(3))
    dout = torch.randn(B, H, L, D, generator=gen).to(dtype)
    pat = spdsl.parse(CAUSAL)["causal_only"]
    attn = spdsl.compile(pat, head_dim=D, dtype=dtype)
    visible = L * (L + 1) // 2 * B * H
    fwd_flop, bwd_flop = 4 * visible * D, 10 * visible * D

    ours_fwd = timed(lambda: attn(q, k, v), repeats)
    sdpa_fwd = timed(lambda: F.scaled_dot_product_attention(q, k, v, is_causal=True), repeats)

    qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
    out = attn(qg, kg, vg)
    ours_bwd = timed(lambda: torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True), repeats)
    clock = KernelClock(attn._backward_of(False))
    torch.autograd.grad(out, (qg, kg, vg), dout, retain_graph=True)
    split = dict(clock.seconds)
    qd, kd, vd = (t.clone().requires_grad_() for t in (q, k, v))
    ref = F.scaled_dot_product_attention(qd, kd, vd, is_causal=True)
    sdpa_bwd = timed(lambda: torch.autograd.grad(ref, (qd, kd, vd), dout, retain_graph=True), repeats)
    return {"L": L, "dtype": str(dtype).replace("torch.", ""), "matmul_gflops": rate,
            "spdsl_fwd_ms": ours_fwd * 1e3, "sdpa_causal_fwd_ms": sdpa_fwd * 1e3,
            "fwd_vs_sdpa": sdpa_fwd / ours_fwd,
            "spdsl_bwd_ms": ours_bwd * 1e3, "sdpa_causal_bwd_ms": sdpa_bwd * 1e3,
            "bwd_vs_sdpa": sdpa_bwd / ours_bwd,
            "dq_ms": split["dq"] * 1e3, "dkdv_ms": split["dkdv"] * 1e3,
            "fwd_useful_gflops": fwd_flop / ours_fwd / 1e9, "bwd_useful_gflops": bwd_flop / ours_bwd / 1e9,
            "fwd_fraction_of_matmul": fwd_flop / ours_fwd / 1e9 / rate}


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name"))
    except (OSError, subprocess.CalledProcessError, StopIteration):
        return platform.processor() or "unknown"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=int, nargs="+", default=[4096])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--dtypes", nargs="+", default=["float32", "bfloat16"])
    args = ap.parse_args()
    lines = [f"CPU: {cpu_model()}; torch {torch.__version__}, {torch.get_num_threads()} threads; "
             f"B={B} H={H} D={D}, causal; medians of {args.repeats}"]
    rows = []
    for name in args.dtypes:
        dtype = getattr(torch, name)
        rate = matmul_gflops(dtype)
        lines.append(f"{name} matmul (torch.mm 2048^3) in this run: {rate:.0f} GFLOP/s")
        print(lines[-1], flush=True)
        for L in args.lengths:
            r = bench(L, dtype, args.repeats, rate)
            rows.append(r)
            lines.append(
                f"{r['dtype']:>8} L={L:>5}  fwd {r['spdsl_fwd_ms']:7.1f} ms vs SDPA is_causal "
                f"{r['sdpa_causal_fwd_ms']:7.1f} ms ({r['fwd_vs_sdpa']:.2f}x) | bwd {r['spdsl_bwd_ms']:7.1f} ms "
                f"(dQ {r['dq_ms']:.0f} + dK/dV {r['dkdv_ms']:.0f}) vs {r['sdpa_causal_bwd_ms']:7.1f} ms "
                f"({r['bwd_vs_sdpa']:.2f}x) | fwd {r['fwd_useful_gflops']:.0f} GFLOP/s = "
                f"{100 * r['fwd_fraction_of_matmul']:.0f}% of matmul")
            print(lines[-1], flush=True)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "causal_cpu.txt").write_text("\n".join(lines) + "\n")
    (out / "causal_cpu.json").write_text(json.dumps({"cpu": cpu_model(), "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
