"""What the runtime's tensor layouts cost on the CPU: q/k/v given as contiguous [B, H, L, D]
tensors or as transposed views of [B, L, H, D] projections (what transformers passes),
the output returned as [B, H, L, D] or written straight into [B, L, H, D]
(``out_layout="blhd"``), forward and forward + backward, medians of interleaved runs.

    python benchmarks/runtime_layouts.py [--seq 4096] [--heads 8] [--repeats 7] [--backward]
    python benchmarks/runtime_layouts.py --strides-ab
Prints a table of medians (ms) and ratios against the contiguous BHLD call. ``--strides-ab``
instead times the kernels themselves on contiguous tensors, built with symbolic strides (as
shipped) and with compact buffers (what they were before strides), interleaved in one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import pathlib
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

import spdsl  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seq", type=int, default=4096)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--backward", action="store_true")
    ap.add_argument("--strides-ab", action="store_true")
    args = ap.parse_args()
    B, H, L, D = 1, args.heads, args.seq, args.dim
    pat = spdsl.load(ROOT / "examples" / "sliding_window.spdsl")["sliding_window"].bind(window=512)
    if args.strides_ab:
        strides_ab(pat, B, H, L, D, args.repeats)
        return
    attn = spdsl.compile(pat, head_dim=D, dtype=torch.float32)
    gen = torch.Generator().manual_seed(0)
    blhd = [torch.randn(B, L, H, D, generator=gen) for _ in range(3)]
    views = [t.transpose(1, 2) for t in blhd]             # [B, H, L, D] views, BLHD storage
    dense = [t.contiguous() for t in views]

    def run(qkv, copy_in, blhd_out):
        """copy_in: q/k/v.contiguous() first (what the runtime did before it took strides);
        blhd_out: "kernel" (out_layout="blhd") or "copy" (.transpose(1, 2).contiguous())."""
        if args.backward:
            qkv = [t.detach().requires_grad_() for t in qkv]
        x = [t.contiguous() for t in qkv] if copy_in else qkv
        if blhd_out == "kernel":
            out = attn(*x, out_layout="blhd")
        elif blhd_out == "copy":
            out = attn(*x).transpose(1, 2).contiguous()
        else:
            out = attn(*x)
        if args.backward:
            out.backward(torch.ones_like(out))

    cases = {"bhld in, bhld out": (dense, False, None),
             "views copied in": (views, True, None),
             "views read in place": (views, False, None),
             "old transformers path": (views, True, "copy"),     # copies in, transpose copy out
             "new transformers path": (views, False, "kernel"),  # in place, out_layout="blhd"
             "bhld in, blhd out": (dense, False, "kernel")}
    times = {name: [] for name in cases}
    for case in cases.values():
        run(*case)
    for _ in range(args.repeats):
        for name, case in cases.items():
            t = time.perf_counter()
            run(*case)
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times["bhld in, bhld out"])
    kind = "forward + backward" if args.backward else "forward"
    print(f"sliding window 512, B={B} H={H} L={L} D={D} fp32, {kind} (views: transposed [B, L, H, D])")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"  {name:24s} {med * 1e3:8.2f} ms  x{med / base:.3f}")


def strides_ab(pat, B, H, L, D, repeats):
    """Forward and dQ + dK/dV kernels with strided vs compact buffers, contiguous inputs."""
    from spdsl.codegen import build_backward, build_forward
    from spdsl.codegen.common import signature
    from spdsl.codegen.common.layout import from_analysis

    kernels = {"strided": (build_forward(pat.mask, pat.score, head_dim=D),
                           build_backward(pat.mask, pat.score, head_dim=D))}
    strided = signature._strided_buffer
    signature._strided_buffer = signature._buffer
    try:
        kernels["compact"] = (build_forward(pat.mask, pat.score, head_dim=D),
                              build_backward(pat.mask, pat.score, head_dim=D))
    finally:
        signature._strided_buffer = strided
    fwd = kernels["strided"][0]
    layout = from_analysis(pat.layout(L, L, H, B, block=(fwd.config.block_q, fwd.config.block_k)))
    gen = torch.Generator().manual_seed(0)
    q, k, v, dout = (torch.randn(B, H, L, D, generator=gen) for _ in range(4))
    out, lse = fwd(q, k, v, layout)
    vq, vk, vv, vout, vdout = (t.transpose(1, 2).contiguous().transpose(1, 2) for t in (q, k, v, out, dout))
    runs = {}
    for name, (f, bwd) in kernels.items():
        runs[f"{name} forward"] = lambda f=f: f(q, k, v, layout, out=out, lse=lse)
        runs[f"{name} backward"] = lambda bwd=bwd: bwd(q, k, v, out, lse, dout, layout)
    f, bwd = kernels["strided"]
    runs["views forward"] = lambda: f(vq, vk, vv, layout, out=vout, lse=lse)
    runs["views backward"] = lambda: bwd(vq, vk, vv, vout, lse, vdout, layout)
    times = {name: [] for name in runs}
    for fn in runs.values():
        fn()
    for _ in range(repeats):
        for name, fn in runs.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    print(f"sliding window 512, B={B} H={H} L={L} D={D} fp32, kernels only, contiguous tensors "
          f"(views: the strided kernels reading and writing transposed [B, L, H, D] tensors)")
    for name, ts in times.items():
        base = statistics.median(times["compact " + name.split()[1]])
        med = statistics.median(ts)
        print(f"  {name:18s} {med * 1e3:8.2f} ms  x{med / base:.3f} of compact")


if __name__ == "__main__":
    main()
