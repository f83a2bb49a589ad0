"""Measuring a candidate config in this process: random inputs for a shape, the check
against the float64 reference, the CPU measurer, and the tuner's progress line. The
search itself is ``tune.py``'s; other devices have their own measurers
(``rpc.py``, ``cuda.py``)."""

from __future__ import annotations

import math
import random
import sys
import time

from spdsl.tune.db import cpu_target_id

CHECK_SHAPE = dict(B=1, H=2, L=130)   # odd: not a multiple of any block size
MIN_SAMPLE_S = 0.005         # one timing sample spans at least this long (repeats short calls)
TOLERANCE = {"float32": 1e-4, "float16": 2e-2, "bfloat16": 1e-1}


# ---- measurement in this process ---------------------------------------------------------------

def random_inputs(pattern, B: int, H: int, Lq: int, Lk: int, seed: int) -> dict:
    """Runtime inputs for a shape: int inputs as sorted ids (like packed documents)."""
    import torch

    from spdsl.ir.dims import declared_shape

    gen = torch.Generator().manual_seed(seed)
    sizes = {"B": B, "H": H, "Lq": Lq, "Lk": Lk}
    out = {}
    for name, decl in pattern.inputs.items():
        shape = declared_shape(decl, sizes)
        if decl.elem == "bool":
            out[name] = torch.rand(shape, generator=gen) < 0.9
        elif decl.dtype == "int":
            last = shape[-1] if shape else 1
            ids = torch.randint(0, max(2, last // 256 + 1), shape, generator=gen)
            out[name] = torch.sort(ids, dim=-1).values if shape else ids
        else:
            out[name] = torch.rand(shape, generator=gen)
    return out


def check_error(run, pattern, head_dim: int, dtype, seed: int = 0,
                v_head_dim: int | None = None) -> tuple[float, float]:
    """(kernel error, same-dtype eager error) against the float64 reference on the small
    check shape; ``run(q, k, v, inputs)`` returns the kernel's output. v has
    ``v_head_dim`` (None: head_dim)."""
    from spdsl.analysis.reference import reference_attention
    import torch

    B, H, L = CHECK_SHAPE["B"], CHECK_SHAPE["H"], CHECK_SHAPE["L"]
    gen = torch.Generator().manual_seed(seed)
    q, k, v = (torch.randn(B, H, L, d, generator=gen, dtype=torch.float64)
               for d in (head_dim, head_dim, v_head_dim or head_dim))
    inputs = random_inputs(pattern, B, H, L, L, seed)
    ref = reference_attention(pattern, q, k, v, **inputs)
    low = [t.to(dtype) for t in (q, k, v)]
    eager = reference_attention(pattern, *low, **inputs)
    out = run(*low, inputs)
    norm = ref.norm().clamp_min(1e-30)
    err = ((out.double() - ref).norm() / norm).item()
    eager_err = ((eager.double() - ref).norm() / norm).item()
    return (err if math.isfinite(err) else math.inf), eager_err


def accept(err: float, eager_err: float, dtype) -> bool:
    name = str(dtype).replace("torch.", "")
    return err <= max(20 * eager_err, TOLERANCE[name])


class LocalMeasurer:
    """Builds through spdsl.compile (disk cache on) and times ``attn(q, k, v, **inputs)``
    in this process, candidates interleaved round by round."""

    def __init__(self, pattern, *, B, H, Lq, Lk, head_dim, dtype, inputs, v_head_dim=None):
        import torch

        self.pattern, self.head_dim, self.dtype = pattern, head_dim, dtype
        self.v_head_dim = v_head_dim
        gen = torch.Generator().manual_seed(0)
        self.q = torch.randn(B, H, Lq, head_dim, generator=gen).to(dtype)
        self.k = torch.randn(B, H, Lk, head_dim, generator=gen).to(dtype)
        self.v = torch.randn(B, H, Lk, v_head_dim or head_dim, generator=gen).to(dtype)
        self.inputs = inputs
        self.target = cpu_target_id()
        self._number: dict = {}

    def prepare(self, cfg):
        """A handle to time, after building and checking; raises on a failure."""
        from spdsl.runtime.op import compile as compile_attention

        attn = compile_attention(self.pattern, head_dim=self.head_dim, dtype=self.dtype, config=cfg, cache=True,
                                 v_head_dim=self.v_head_dim)
        err, eager = check_error(lambda q, k, v, inp: attn(q, k, v, **inp), self.pattern, self.head_dim, self.dtype,
                                 v_head_dim=self.v_head_dim)
        if not accept(err, eager, self.dtype):
            raise WrongResult(f"wrong result: relative error {err:.2e} against float64 "
                              f"(eager {self.dtype} gives {eager:.2e})")
        attn(self.q, self.k, self.v, **self.inputs)   # warm-up: builds the layout, wakes the pool
        t = time.perf_counter()
        attn(self.q, self.k, self.v, **self.inputs)
        one = time.perf_counter() - t
        self._number[id(attn)] = max(1, math.ceil(MIN_SAMPLE_S / max(one, 1e-6)))
        return attn

    def measure(self, handles: list, rounds: int, rng: random.Random) -> list[list[float]]:
        """Seconds per call: ``rounds`` samples per handle, in a shuffled order each round."""
        samples = [[] for _ in handles]
        q, k, v, inputs = self.q, self.k, self.v, self.inputs
        for _ in range(rounds):
            order = list(range(len(handles)))
            rng.shuffle(order)
            for i in order:
                attn = handles[i]
                n = self._number[id(attn)]
                t = time.perf_counter()
                for _ in range(n):
                    attn(q, k, v, **inputs)
                samples[i].append((time.perf_counter() - t) / n)
        return samples

    def close(self) -> None:
        pass


class WrongResult(RuntimeError):
    pass


# ---- progress ------------------------------------------------------------------------------

class Progress:
    """A one-line progress bar on stderr (redrawn in place on a terminal; a line per
    update otherwise). Written here rather than taken from tqdm: one line of status is
    not worth a dependency."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total, self.enabled = total, enabled
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.start = time.perf_counter()
        self.done = 0
        self.note = ""

    def update(self, done: int, note: str = "") -> None:
        self.done, self.note = done, note
        if not self.enabled:
            return
        width = 24
        fill = int(width * min(done, self.total) / max(self.total, 1))
        line = (f"tune [{'#' * fill}{'.' * (width - fill)}] {done}/{self.total} trials  "
                f"{note}  {time.perf_counter() - self.start:.0f} s")
        self.stream.write(("\r" + line + "\033[K") if self.tty else line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()
