"""Host cost of a paged decoding step's block layout: built afresh at every step (seq_lens
and the default query offsets change each step) against the layout shared by the
``block_q - Lq + 1`` steps one query block covers (``spdsl.runtime.paged``).

The layout is host code, the same for device="cpu" and "cuda"; this runs on the CPU and
measures CPU time (time.process_time), the median over the steps, and the whole decoding
step on the CPU kernels both ways. Prints the ratios; writes
benchmarks/results/paged_layout.txt (or --out).

    PYTHONPATH=. python benchmarks/paged_layout.py [--steps 64] [--batch 8] [--heads 8]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import torch

import spdsl
from spdsl.codegen.cpu.schedule import ScheduleConfig
from spdsl.runtime import paged as rt


def decode(attn, lens0, steps: int, page_size: int, heads: int, shared: bool, kernel: bool):
    """CPU seconds per step (list): the layout only, or the whole paged call."""
    B, D = len(lens0), attn.head_dim
    max_pages = (int(lens0.max()) + steps) // page_size + 2
    n_pages = B * max_pages
    g = torch.Generator().manual_seed(0)
    kp = torch.randn(n_pages, heads // 2, page_size, D, generator=g)
    vp = torch.randn_like(kp)
    table = torch.arange(n_pages, dtype=torch.int32).view(B, max_pages)
    q = torch.randn(B, heads, 1, D, generator=g)
    saved = rt._shared_layout_call
    if not shared:
        rt._shared_layout_call = lambda *a: None
    variant = rt._variant(attn, page_size)
    variant["layouts"].clear()
    times = []
    try:
        for s in range(steps):
            lens = lens0 + s
            t0 = time.process_time()
            if kernel:
                attn(q, kp, vp, block_table=table, seq_lens=lens)
            else:
                from spdsl.ir.positions import offset_tensors

                cap = max_pages * page_size
                offs = offset_tensors(lens - 1, None, B, 1, cap)
                call = rt._shared_layout_call(attn, variant, 1, lens, cap)
                inputs = {**offs, rt.SEQ_LENS: lens}
                if call is None:
                    rt._layout(attn, variant, B, heads, 1, cap, inputs)
                else:
                    rt._layout(attn, variant, B, heads, call[0], cap, {**inputs, **call[1]})
            times.append(time.process_time() - t0)
    finally:
        rt._shared_layout_call = saved
    return times


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=64)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--page-size", type=int, default=16)
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "paged_layout.txt"))
    args = ap.parse_args(argv)
    lib = spdsl.parse("pattern window(w = 256) { mask = causal and q - k < w }")
    attn = spdsl.compile(lib["window"], head_dim=64, dtype=torch.float32,
                         config=ScheduleConfig(block_q=16, block_k=16))
    lens0 = torch.randint(500, 3000, (args.batch,), generator=torch.Generator().manual_seed(1))
    lines = [f"paged decoding, B={args.batch} H={args.heads} D=64 page={args.page_size} block_q=16 "
             f"(a layout serves 16 steps), window 256, {args.steps} steps; CPU ms per step (median)"]
    for what, kernel in (("layout only", False), ("whole call (CPU kernel)", True)):
        fresh = statistics.median(decode(attn, lens0, args.steps, args.page_size, args.heads, False, kernel))
        shared = statistics.median(decode(attn, lens0, args.steps, args.page_size, args.heads, True, kernel))
        mean_shared = statistics.fmean(decode(attn, lens0, args.steps, args.page_size, args.heads, True, kernel))
        lines.append(f"{what:26s} rebuilt each step {fresh * 1e3:7.2f}   shared {shared * 1e3:7.2f} "
                     f"(mean with its rebuilds {mean_shared * 1e3:6.2f})   ratio of means "
                     f"{fresh / max(mean_shared, 1e-9):5.1f}x")
    text = "\n".join(lines)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
