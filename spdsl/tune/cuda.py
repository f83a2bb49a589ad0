"""The autotuner's CUDA side: the search space over :class:`CudaConfig`'s knobs and the
measurer that times candidates on the local GPU. The search itself is ``tune.py``'s.

    res = spdsl.tune.tune(pat, seq=8192, heads=16, head_dim=128, dtype=torch.bfloat16,
                          device="cuda")
    attn = spdsl.compile(pat, head_dim=128, dtype=torch.bfloat16, device="cuda")  # uses it

One config serves the forward and the backward kernels (they share the layout's
blocks), so a candidate is timed on a training step: forward and backward through the
autograd op, CUDA events around it. Knobs searched:

    block_q    query rows per thread block (tensor cores: 16 per warp, so also the warps)
    block_k    keys per layout block (dK/dV on tensor cores: 16 keys per warp)
    kv_tile    keys (fp32 kernels) / queries (tensor-core dK/dV) staged per shared tile
    smem_pad   padding of shared rows, against bank conflicts
    stages     1: load, wait, compute; 2: the next chunk's cp.async copy overlaps this one

The pattern's block hint fixes block_q and block_k unless the block override is asked
for. Candidates are checked against the float64 reference on the GPU (forward and dQ)
before they are timed; a failure is recorded and never chosen.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace

from spdsl.tune.db import cuda_target_id

CUDA_KNOBS = {
    "block_q": (16, 32, 64, 128),
    "block_k": (16, 32, 64, 128),
    "kv_tile": (16, 32, 64),
    "smem_pad": (0, 8, 16),
    "stages": (1, 2),
}
MIN_SAMPLE_MS = 2.0   # one timing sample spans at least this long (repeats short steps)


def default_cuda_config(pattern, block: tuple[int, int] | None = None):
    """The CudaConfig spdsl.compile(device="cuda") uses without a tuned one."""
    from spdsl.codegen.cuda.config import CudaConfig

    cfg = CudaConfig()
    block = block or pattern.block_hint
    if block is not None:
        cfg = replace(cfg, block_q=block[0], block_k=block[1])
    return cfg


def cuda_search_space(pattern, head_dim: int, dtype, *, allow_block_override: bool = False,
                      block: tuple[int, int] | None = None, v_head_dim: int | None = None):
    """The tune.Space of the CUDA kernels for ``pattern`` at ``head_dim`` and ``dtype``."""
    from spdsl.codegen.cuda.kernels import config_ok
    from spdsl.dtypes import dtype_name
    from spdsl.tune.space import Space

    name = dtype_name(dtype)
    default = default_cuda_config(pattern, block)
    fixed_blocks = block is not None or (pattern.block_hint is not None and not allow_block_override)
    knobs = {}
    for knob, values in CUDA_KNOBS.items():
        if knob in ("block_q", "block_k") and fixed_blocks:
            continue
        if knob == "block_q" and not default.uses_tensor_cores(name):
            values = values + (256,)  # one thread per query row: wider blocks are fine
        knobs[knob] = tuple(sorted(set(values) | {getattr(default, knob)}))
    return Space(default, knobs, head_dim, 0, check=lambda c: config_ok(c, head_dim, name, v_head_dim),
                 v_head_dim=v_head_dim)


class CudaMeasurer:
    """Builds through spdsl.compile(device="cuda") and times training steps on the local
    GPU (CUDA events; candidates interleaved round by round)."""

    def __init__(self, pattern, *, B, H, Lq, Lk, head_dim, dtype, inputs, v_head_dim=None):
        import torch

        if not torch.cuda.is_available():
            raise RuntimeError("tuning for device 'cuda' measures on a CUDA GPU, and torch sees "
                               "none here; run it on the machine that will run the kernels")
        self.pattern, self.head_dim, self.dtype = pattern, head_dim, dtype
        self.v_head_dim = v_head_dim
        dv = v_head_dim or head_dim
        gen = torch.Generator(device="cuda").manual_seed(0)
        self.q, self.k, self.v, self.dout = (
            torch.randn(B, H, L, d, device="cuda", generator=gen).to(dtype)
            for L, d in ((Lq, head_dim), (Lk, head_dim), (Lk, dv), (Lq, dv)))
        for t in (self.q, self.k, self.v):
            t.requires_grad_()
        self.inputs = {n: t.to("cuda") for n, t in inputs.items()}
        self.target = cuda_target_id()
        self._number: dict = {}

    def _step(self, attn):
        out = attn(self.q, self.k, self.v, **self.inputs)
        out.backward(self.dout)

    def prepare(self, cfg):
        """A handle to time, after building and checking; raises on a failure."""
        import time

        import torch

        from spdsl.runtime.op import compile as compile_attention

        from spdsl.tune.measure import WrongResult, accept, check_error

        attn = compile_attention(self.pattern, head_dim=self.head_dim, dtype=self.dtype,
                             device="cuda", config=cfg, v_head_dim=self.v_head_dim)

        def run(q, k, v, inputs):
            with torch.no_grad():
                return attn(q.cuda(), k.cuda(), v.cuda(),
                            **{n: t.cuda() for n, t in inputs.items()}).cpu()

        err, eager = check_error(run, self.pattern, self.head_dim, self.dtype, v_head_dim=self.v_head_dim)
        if not accept(err, eager, self.dtype):
            raise WrongResult(f"wrong result: relative error {err:.2e} against float64 "
                              f"(eager {self.dtype} gives {eager:.2e})")
        self._step(attn)  # warm-up: module load, NVRTC, the layout
        torch.cuda.synchronize()
        t = time.perf_counter()
        self._step(attn)
        torch.cuda.synchronize()
        one_ms = (time.perf_counter() - t) * 1e3
        self._number[id(attn)] = max(1, math.ceil(MIN_SAMPLE_MS / max(one_ms, 1e-3)))
        return attn

    def measure(self, handles: list, rounds: int, rng: random.Random) -> list[list[float]]:
        """Seconds per training step: ``rounds`` samples per handle, shuffled each round."""
        import torch

        samples = [[] for _ in handles]
        for _ in range(rounds):
            order = list(range(len(handles)))
            rng.shuffle(order)
            for i in order:
                attn, n = handles[i], self._number[id(handles[i])]
                start = torch.cuda.Event(enable_timing=True)
                end = torch.cuda.Event(enable_timing=True)
                start.record()
                for _ in range(n):
                    self._step(attn)
                end.record()
                end.synchronize()
                samples[i].append(start.elapsed_time(end) / 1e3 / n)
        return samples

    def close(self) -> None:
        for t in (self.q, self.k, self.v):
            t.grad = None
