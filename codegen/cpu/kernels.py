"""Entry points of the CPU back end: build the kernels of a pattern, call them on torch
tensors, and show what they became (``--emit tir`` / ``--emit llvm``).

    fwd = spdsl.codegen.build_forward(mask, score, head_dim=64)
    out, lse = fwd(q, k, v, layout)                       # layout: layout.PackedLayout
    bwd = spdsl.codegen.build_backward(mask, score, head_dim=64)
    dq, dk, dv = bwd(q, k, v, out, lse, dout, layout)

``mask`` and ``score`` are checked IR expressions (``None``: dense / unchanged score);
every parameter must be bound. Lengths, batch and heads are symbolic: one build serves
every size. The layout must have been built for ``config.block_q`` x ``config.block_k``
and for the call's B, H and lengths.

Tensors are float32, float16 or bfloat16 (``dtype``); arithmetic, lse and Delta are
float32. q, k, v, out, dout and the gradients are [B, H, L, D] with any outer strides
(transposed views of [B, L, H, D] tensors, a batch stride 0 for broadcast K/V) as long as
the head dim is contiguous; other tensors are copied (:func:`rows_contiguous`). The parallel loops run tasks in the layout's ``task_order`` for the calling
thread's TVM thread count (load balance; see ``layout.py``). Importing this module sets
``TVM_NUM_THREADS`` to torch's thread count unless it or ``OMP_NUM_THREADS`` is set
(``target.configure_threads``: TVM's own default is half the vCPUs on x86).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import asdict, dataclass

from spdsl.codegen.common import layout as lay
from spdsl.codegen.cpu.schedule import ScheduleConfig
from spdsl.codegen.cpu.target import as_target, bf16_products, configure_threads, vector_lanes
from spdsl.dtypes import dtype_name

BUILD_CONFIG = {"tirx.disable_storage_rewrite": True}  # keeps register tiles on the stack
configure_threads()

# The tensor dtype of the dQ / dK/dV kernels that build_backward builds for every I/O
# dtype but one: bfloat16 on the vdpbf16ps path (:func:`backward_dtype`). Kernels that
# read and write float16 / bfloat16 and multiply on float32 FMAs exist
# (``dq_primfunc(..., dtype=)``) but were no faster: causal L=4096 H=8 D=64, 2 threads,
# dq + dkdv 249 ms in float32 (+ 3-4 ms to convert 5 tensors in and 3 out), 253 ms
# reading bfloat16, 280 ms reading float16 (a scalar conversion before each broadcast in
# the inner loops).
BACKWARD_KERNEL_DTYPE = "float32"
# The fused backward runs when its per-(batch, key head) tasks leave the busiest thread at
# most this much above the mean: it does about 0.75x the split kernels' work (causal
# L=4096 H=8 D=64 float32 on 2 threads: 272 ms against 359 ms, same run), so a worse
# balance would eat the saving (B * Hk = 3 on 2 threads: 1.33; 8 heads on 16 threads: 2).
FUSED_IMBALANCE = 1.15
FUSED_SUMS_BYTES = 256 << 20  # the most float32 dQ sums its chunks may hold (one chunk always may)


@dataclass(frozen=True)
class PermutedConfig(ScheduleConfig):
    """A ScheduleConfig whose kernels walk the rows in residue-major order
    (``spdsl.analysis.permute``; ``loops.RowMap``): ``perm_q`` / ``perm_k`` are the
    strides of the query / key rows, 0 in order. Part of the config, so part of the
    cache key and of the op's identity; its layouts come from ``permute.permuted_layout``."""

    perm_q: int = 0
    perm_k: int = 0

    @classmethod
    def of(cls, config: ScheduleConfig, perm) -> ScheduleConfig:
        """``config`` with the permutation ``perm`` (``permute.Permutation``); ``config``
        itself when there is none."""
        if not perm:
            return config
        base = {k: v for k, v in asdict(config).items() if k not in ("perm_q", "perm_k")}
        return cls(**base, perm_q=perm.q, perm_k=perm.k)


def row_perm(config) -> tuple[int, int]:
    """(query stride, key stride) of a config's row permutation; (0, 0) in order."""
    return getattr(config, "perm_q", 0), getattr(config, "perm_k", 0)


def grid_rows(config, lq: int, lk: int) -> tuple[int, int]:
    """The (query, key) slots of the kernels' grid for a call of lengths lq, lk."""
    from spdsl.analysis.permute import permuted_length

    sq, sk = row_perm(config)
    return permuted_length(lq, sq, config.block_q), permuted_length(lk, sk, config.block_k)


def backward_dtype(kernel: str, dtype: str, config: ScheduleConfig | None, head_dim: int,
                   v_head_dim: int | None = None) -> str:
    """The tensor dtype of the backward kernels ``kernel`` ("backward" or
    "backward_inputs") for I/O ``dtype`` under a resolved ``config``: bfloat16 where their
    products run on vdpbf16ps (``backward.uses_dot_products``), else float32
    (:data:`BACKWARD_KERNEL_DTYPE`, the wrapper converts; also without a config). The
    gradient variant for learnable inputs keeps float32 kernels."""
    from spdsl.codegen.cpu.backward import uses_dot_products

    if kernel == "backward" and config is not None and \
            uses_dot_products(dtype_name(dtype), config, head_dim, v_head_dim):
        return "bfloat16"
    return BACKWARD_KERNEL_DTYPE


def compile_primfunc(prim_func, target):
    import tvm

    from spdsl.codegen.cpu.loops import DOT_ATTR

    with tvm.transform.PassContext(opt_level=3, config=BUILD_CONFIG):
        built = tvm.compile(prim_func, target=as_target(target))
    return _finished(built, dots=prim_func.attrs is not None and DOT_ATTR in prim_func.attrs)


# TVM gives the kernels' stack tiles (``loops.stack_buffers``) 16-byte alignment: a thread
# whose stack pointer is not 64-byte aligned on entry splits every zmm load and store of them
# over two cache lines. The caller's thread (which runs the first chunk of tasks) enters at
# whatever alignment Python's stack has, which differs from process to process: the fused
# backward ran at 270 ms in some processes and 480 ms in others (causal L=4096 H=8, 2
# threads), the calling thread twice as slow as the worker on the same work.
_TILE_ALLOCA = re.compile(r"(alloca \[\d+ x (?:float|i32)\]), align (?:4|8|16|32)\b")


def _finished(built, dots: bool):
    """``built`` with its LLVM IR edited and loaded again: stack tiles 64-byte aligned
    (:data:`_TILE_ALLOCA`) and, in a ``dots`` kernel, the calls of the placeholder
    ``loops.DPBF16`` turned into LLVM's vdpbf16ps intrinsic (LLVM's auto-upgrade of the
    intrinsic's integer signature bitcasts the operands to bfloat). Machine code is made
    once, from the edited IR (the first module is never compiled further)."""
    import os
    import tempfile

    import tvm

    from spdsl.codegen.cpu.loops import DPBF16

    text = _TILE_ALLOCA.sub(r"\1, align 64", built.mod.inspect_source("ll"))
    if dots:
        text = text.replace(f"@{DPBF16}(", "@llvm.x86.avx512bf16.dpbf16ps.512(")
    with tempfile.TemporaryDirectory(prefix="spdsl-ll-") as tmp:
        path = os.path.join(tmp, "kernel.ll")
        with open(path, "w") as f:
            f.write(text)
        module = tvm.runtime.load_module(path)
    return tvm.runtime.Executable(module)


def resolve_config(config: ScheduleConfig | None, head_dim: int, target,
                   v_head_dim: int | None = None) -> ScheduleConfig:
    """``config`` (default: ScheduleConfig()) with this target's vector lanes and
    bfloat16 products (``target.bf16_products``), checked."""
    config = (config or ScheduleConfig()).with_lanes(vector_lanes(target))
    available = bf16_products(target)
    if config.products == "dpbf16" and available != "dpbf16":
        raise ValueError("ScheduleConfig.products='dpbf16' needs a target with AVX512-BF16 "
                         f"({as_target(target).attrs.get('mcpu', 'this CPU')} has none): use 'fp32'")
    config = config.with_products(available)
    config.check(head_dim, v_head_dim)
    return config


@dataclass
class _Extras:
    """The pattern's extra kernel arguments: inputs by name, then random_blocks tables."""

    input_names: list[str]
    random_keys: list[tuple[int, int, int]]
    _tables: lay.RandomTables | None = None

    def args(self, inputs: dict | None, heads: int, lq: int, lk: int) -> list:
        import torch

        inputs = inputs or {}
        missing = [n for n in self.input_names if n not in inputs]
        if missing:
            raise ValueError(f"missing pattern input(s): {', '.join(missing)}")
        out = [inputs[n].contiguous() for n in self.input_names]
        if self.random_keys:
            if self._tables is None:
                self._tables = lay.RandomTables(self.random_keys)
            out += self._tables.args(inputs, heads, lq, lk, torch.from_numpy)
        return out


def rows_contiguous(t):
    """``t`` itself when the kernels can read it in place (unit stride along the head dim,
    any other strides), else a contiguous copy."""
    return t if t.stride(-1) == 1 or t.shape[-1] == 1 else t.contiguous()


def _scale(scale, head_dim):
    return float(head_dim) ** -0.5 if scale is None else float(scale)


class ForwardKernel:
    """A built forward kernel; call it with torch tensors ([B, H, L, D], v and out [B, H,
    L, v_head_dim]; strided views welcome, :func:`rows_contiguous`); ``out`` may be a
    strided view too (a [B, L, H, Dv] tensor transposed, written in place)."""

    def __init__(self, module, extras, config, head_dim, dtype, v_head_dim=None):
        self.module, self.config, self.head_dim, self.dtype = module, config, head_dim, dtype
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.func = module["forward"]
        self.extras = _Extras(list(extras.inputs), list(extras.random_keys))

    def __call__(self, q, k, v, layout: lay.PackedLayout, *, scale=None, inputs=None,
                 out=None, lse=None):
        import torch

        q, k, v = (rows_contiguous(t) for t in (q, k, v))
        b, h, lq, d = q.shape
        if out is not None and out.stride(-1) != 1:
            raise ValueError("out must have a unit stride along the head dim")
        if out is None:
            out = torch.empty((b, h, lq, v.shape[-1]), dtype=q.dtype)
        if lse is None:
            lse = torch.empty((b, h, lq), dtype=torch.float32)
        extra = self.extras.args(inputs, h, lq, k.shape[2])
        self.func(q, k, v, out, lse, *_layout_args(layout, self.config, b, h,
                                                   grid_rows(self.config, lq, k.shape[2])[0]),
                  _scale(scale, d), *extra)
        return out, lse


class BackwardKernels:
    """Built dQ and dK/dV kernels; call with the forward's out and lse.

    ``dtype`` is the kernels' tensor dtype (``dq_primfunc(..., dtype=)``; arithmetic is
    float32 either way). Gradients come back in the dtype of ``q``: float32 kernels (what
    ``build_backward`` builds except on the bfloat16 dot path, :func:`backward_dtype`)
    serve float16 / bfloat16 tensors by converting in and out here; kernels built for q's
    dtype read and write it directly (bfloat16 on vdpbf16ps: about 1.7-1.9x faster).
    """

    def __init__(self, dq_module, dkdv_module, extras, config, head_dim, dtype="float32",
                 dq_name: str = "dq", v_head_dim=None, fused_module=None):
        self.config, self.head_dim, self.dtype = config, head_dim, dtype_name(dtype)
        self.v_head_dim = head_dim if v_head_dim is None else v_head_dim
        self.dq_module, self.dkdv_module, self.fused_module = dq_module, dkdv_module, fused_module
        self.dq_func, self.dkdv_func = dq_module[dq_name], dkdv_module["dkdv"]
        # the fused kernel (``backward.dkdv_primfunc(fused=True)``), where it was built
        self.fused_func = None if fused_module is None else fused_module["dqkv"]
        self._chunks = {}  # (id(transposed), kv_heads, threads) -> (weakref to it, bounds)
        self.extras = _Extras(list(extras.inputs), list(extras.random_keys))

    @property
    def has_fused(self) -> bool:
        """Whether these kernels have the fused one (``backward.fuses``)."""
        return self.fused_func is not None

    def runs_fused(self, transposed: lay.TransposedLayout, kv_heads: int, num_threads: int | None = None) -> bool:
        """Whether a call over ``transposed`` runs the fused kernel (:meth:`fused_chunks`)."""
        return self.fused_chunks(transposed, kv_heads, num_threads) is not None

    def fused_chunks(self, transposed: lay.TransposedLayout, kv_heads: int, num_threads: int | None = None):
        """The key-block bounds (int32 [C + 1]) of the fused kernel's chunks for a call over
        ``transposed``, or None: run the dQ and dK/dV kernels. Its tasks are (chunk, batch,
        key head); C is the fewest chunks (contiguous key blocks, split by estimated cost)
        that leave the busiest thread at most :data:`FUSED_IMBALANCE` times the mean work,
        each chunk holding float32 dQ sums of its own (:data:`FUSED_SUMS_BYTES` at most).
        Cached per layout and thread count."""
        if self.fused_func is None:
            return None
        n = lay.current_threads() if num_threads is None else max(1, int(num_threads))
        key = (id(transposed), kv_heads, n)
        hit = self._chunks.get(key)
        if hit is not None and hit[0]() is transposed:
            return hit[1]
        bounds = self._balanced_chunks(transposed, kv_heads, n)
        if len(self._chunks) > 64:
            self._chunks.clear()
        self._chunks[key] = (weakref.ref(transposed), bounds)
        return bounds

    def _balanced_chunks(self, transposed: lay.TransposedLayout, kv_heads: int, n: int):
        import numpy as np

        costs = transposed.col_costs(kv_heads).reshape(-1, transposed.n_kb)  # [B * Hk, n_kb]
        n_kb, total = transposed.n_kb, float(costs.sum())
        b, h = transposed.head_class.shape
        sums_bytes = 4 * b * h * transposed.n_qb * self.config.block_q * self.head_dim
        most = min(n_kb, max(1, FUSED_SUMS_BYTES // max(1, sums_bytes)), 4 * -(-n // len(costs)))
        if total <= 0:
            return np.array([0, n_kb], dtype=np.int32)
        prefix = np.cumsum(costs.sum(axis=0))
        for c in range(1, most + 1):
            cuts = np.searchsorted(prefix, prefix[-1] * np.arange(1, c) / c, side="left") + 1
            bounds = np.concatenate([[0], np.maximum.accumulate(np.minimum(cuts, n_kb)), [n_kb]]).astype(np.int32)
            # task t = chunk * (B * Hk) + (batch, key head): the kernel's order
            tasks = np.stack([costs[:, lo:hi].sum(axis=1) for lo, hi in zip(bounds[:-1], bounds[1:])])
            if lay.chunk_loads(tasks.ravel(), range(tasks.size), n).max() <= FUSED_IMBALANCE * total / n:
                return bounds
        return None

    def __call__(self, q, k, v, out, lse, dout, layout: lay.PackedLayout, *, scale=None,
                 inputs=None, transposed: lay.TransposedLayout | None = None, grads=None,
                 dlse=None, dq_extra=(), fused: bool | None = None, num_threads: int | None = None):
        """(dq, dk, dv) in q's dtype. ``grads``: optional contiguous (dq, dk, dv) of
        q's dtype and q's / k's / v's shapes to write into (and return). ``dlse``: the
        gradient of lse (float [B, H, Lq]; None: zero). q k v out dout may be strided
        (:func:`rows_contiguous`); k and v may broadcast over the batch (stride 0), in
        which case dk and dv come back per batch entry, [B, Hk, Lk, D], for the caller
        to sum. ``dq_extra``: arguments appended to the dQ kernel's (the gradient
        variant's buffers). v, out, dout and dv have the v head dim. ``fused``: run the
        fused kernel (True; ValueError where it does not exist) or the dQ and dK/dV
        kernels (False); None: :meth:`runs_fused` decides. ``num_threads``: the thread
        count the fused kernel's chunks balance for (default TVM's, the one it runs on)."""
        import torch

        io = q.dtype
        kernel_io = getattr(torch, self.dtype)
        if io != kernel_io and kernel_io != torch.float32:
            raise TypeError(f"these backward kernels were built for {kernel_io}, not {io}")
        if grads is not None:
            for g, t in zip(grads, (q, k, v)):
                if g.dtype != io or g.shape != t.shape or not g.is_contiguous():
                    raise ValueError("grads must be contiguous (dq, dk, dv) shaped and typed "
                                     "like q, k, v")
        q, k, v, out, dout = (rows_contiguous(t).to(kernel_io) for t in (q, k, v, out, dout))
        lse = lse.contiguous().float()
        b, h, lq, d = q.shape
        dlse = (torch.zeros((b, h, lq), dtype=torch.float32) if dlse is None
                else dlse.to(torch.float32).contiguous())
        scale = _scale(scale, d)
        extra = self.extras.args(inputs, h, lq, k.shape[2])
        if grads is not None and io == kernel_io:
            dq, dk, dv = grads
        else:
            dq, dk, dv = (torch.empty(t.shape, dtype=t.dtype) for t in (q, k, v))
        transposed = transposed or layout.transposed
        gq, gk = grid_rows(self.config, lq, k.shape[2])
        if fused and (dq_extra or self.fused_func is None):
            raise ValueError("these backward kernels have no fused kernel (backward.fuses: a head dim "
                             "in 16s on vdpbf16ps; not the gradient variant)")
        bounds = None if fused is False or dq_extra else self.fused_chunks(transposed, k.shape[1], num_threads)
        if fused is None:
            fused = bounds is not None
        delta = torch.empty((b, h, lq), dtype=torch.float32)
        if fused:
            import numpy as np

            _check_rows(layout, self.config, b, h, gq)  # the kernel reads the columns only
            if bounds is None:  # forced where the tasks do not balance: one chunk
                bounds = np.array([0, transposed.n_kb], dtype=np.int32)
            # dQ sums per slot of the query grid (permuted: gq, whole blocks; the kernel zeroes them)
            sums = torch.empty((len(bounds) - 1, b, h, lay.cdiv(gq, self.config.block_q) * self.config.block_q, d),
                               dtype=torch.float32)
            self.fused_func(q, k, v, out, dout, lse, dlse, delta, dq, dk, dv, sums,
                            *_columns(transposed, self.config, b, h, gk),
                            torch.from_numpy(bounds), scale, *extra)
            return self._returned(grads, io, kernel_io, dq, dk, dv)
        self.dq_func(q, k, v, out, dout, lse, dlse, dq, delta,
                     *_layout_args(layout, self.config, b, h, gq), scale, *extra, *dq_extra)
        self.dkdv_func(q, k, v, dout, lse, delta, dk, dv,
                       *_transposed_args(transposed, self.config, b, h, k.shape[1], gk),
                       scale, *extra)
        return self._returned(grads, io, kernel_io, dq, dk, dv)

    @staticmethod
    def _returned(grads, io, kernel_io, dq, dk, dv):
        if grads is not None and io != kernel_io:
            for g, t in zip(grads, (dq, dk, dv)):
                g.copy_(t)
            return tuple(grads)
        return dq.to(io), dk.to(io), dv.to(io)


class InputGradBackward(BackwardKernels):
    """The backward's gradient variant: ``BackwardKernels`` whose dQ kernel also
    accumulates the learnable inputs' gradients; a call returns ``(dq, dk, dv, {input
    name: float32 gradient})``."""

    def __init__(self, dq_module, dkdv_module, extras, config, head_dim, plan,
                 dtype="float32", v_head_dim=None):
        # plan: common/input_grads.InputGradPlan of the score the dq_inputs kernel lowered
        super().__init__(dq_module, dkdv_module, extras, config, head_dim, dtype, dq_name="dq_inputs",
                         v_head_dim=v_head_dim)
        self.plan = plan

    def __call__(self, q, k, v, out, lse, dout, layout, *, scale=None, inputs=None,
                 transposed=None, grads=None, dlse=None):
        from spdsl.codegen.common.input_grads import GradBuffers

        b, h = q.shape[:2]
        shapes = {n: tuple(inputs[n].shape) for n in self.plan.inputs}
        bufs = GradBuffers(self.plan, layout, shapes, b, h)
        dq, dk, dv = super().__call__(q, k, v, out, lse, dout, layout, scale=scale, inputs=inputs,
                                      transposed=transposed, grads=grads, dlse=dlse,
                                      dq_extra=bufs.args())
        return dq, dk, dv, bufs.grads()


def _layout_args(layout: lay.PackedLayout, config: ScheduleConfig, b: int, h: int, lq: int):
    """head_class row_ptr col_idx full order, after checking the layout fits the call."""
    _check_rows(layout, config, b, h, lq)
    return (*layout.torch_tensors(), layout.order_tensor())


def _check_rows(layout: lay.PackedLayout, config: ScheduleConfig, b: int, h: int, lq: int) -> None:
    """ValueError unless ``layout`` was made for this call's blocks, batch, heads and rows."""
    if (layout.block_q, layout.block_k) != (config.block_q, config.block_k):
        raise ValueError(
            f"layout blocks {layout.block_q}x{layout.block_k} do not match the kernel's "
            f"{config.block_q}x{config.block_k}"
        )
    n_qb = lay.cdiv(lq, config.block_q)
    if tuple(layout.head_class.shape) != (b, h) or layout.n_qb != n_qb:
        raise ValueError(
            f"layout for B, H = {tuple(layout.head_class.shape)} and {layout.n_qb} query "
            f"blocks does not fit a call with B, H = {(b, h)} and {n_qb} query blocks"
        )


def _transposed_args(t: lay.TransposedLayout, config: ScheduleConfig, b: int, h: int,
                     hk: int, lk: int):
    """head_class col_ptr row_idx full_t order, after checking the layout fits the call."""
    return (*_columns(t, config, b, h, lk), t.order_tensor(kv_heads=hk))


def _columns(t: lay.TransposedLayout, config: ScheduleConfig, b: int, h: int, lk: int):
    """head_class col_ptr row_idx full_t (the fused kernel's layout: it takes no task
    order), after checking the layout fits the call."""
    n_kb = lay.cdiv(lk, config.block_k)
    if tuple(t.head_class.shape) != (b, h) or t.n_kb != n_kb:
        raise ValueError(
            f"transposed layout for B, H = {tuple(t.head_class.shape)} and {t.n_kb} key "
            f"blocks does not fit a call with B, H = {(b, h)} and {n_kb} key blocks"
        )
    return t.torch_tensors()


def module_names(kernel: str, dtype, config: ScheduleConfig, head_dim: int,
                 v_head_dim: int | None = None) -> tuple[str, ...]:
    """The modules :func:`primfuncs` makes for ``kernel`` (the build road loads and stores
    these): "backward" -> dq, dkdv, and the fused dqkv where ``backward.fuses`` for its
    kernels' dtype; "backward_inputs" -> dq_inputs, dkdv; else the kernel itself."""
    from spdsl.codegen.cpu.backward import fuses

    if kernel == "backward":
        kernel_dtype = backward_dtype(kernel, dtype_name(dtype), config, head_dim, v_head_dim)
        fused = fuses(kernel_dtype, config, head_dim, v_head_dim)
        return ("dq", "dkdv", "dqkv") if fused else ("dq", "dkdv")
    return {"backward_inputs": ("dq_inputs", "dkdv")}.get(kernel, (kernel,))


def primfuncs(mask, score=None, *, kernel: str, head_dim: int, dtype="float32",
              config: ScheduleConfig, input_decls=None, v_head_dim: int | None = None) -> dict:
    """{module name: PrimFunc} of ``kernel``: "forward" -> {"forward"}, "backward" ->
    {"dq", "dkdv"} (in :func:`backward_dtype`: float32, or bfloat16 on the vdpbf16ps
    path), "backward_inputs" -> {"dq_inputs", "dkdv"} (the gradient variant: learnable
    inputs; float32), or one module ("dq", "dkdv", "dqkv" as in "backward"). "backward"
    also makes the fused "dqkv" where ``backward.fuses``.
    ``config`` must be resolved (:func:`resolve_config`). ``v_head_dim``: v's head dim
    (None: head_dim)."""
    from spdsl.codegen.cpu.backward import dkdv_primfunc, dq_primfunc
    from spdsl.codegen.cpu.forward import forward_primfunc

    dtype = dtype_name(dtype)
    perm = row_perm(config)
    group = "backward_inputs" if kernel == "backward_inputs" else "backward"
    bwd = dict(dtype=backward_dtype(group, dtype, config, head_dim, v_head_dim), v_head_dim=v_head_dim,
               perm=perm)
    makers = {"forward": lambda: forward_primfunc(mask, score, head_dim, config, input_decls, dtype,
                                                  v_head_dim=v_head_dim, perm=perm),
              "dq": lambda: dq_primfunc(mask, score, head_dim, config, input_decls, **bwd),
              "dq_inputs": lambda: dq_primfunc(mask, score, head_dim, config, input_decls, learn=True,
                                               **bwd),
              "dkdv": lambda: dkdv_primfunc(mask, score, head_dim, config, input_decls, **bwd),
              "dqkv": lambda: dkdv_primfunc(mask, score, head_dim, config, input_decls, fused=True, **bwd)}
    names = module_names(kernel, dtype, config, head_dim, v_head_dim)
    if any(n not in makers for n in names):
        raise ValueError(f"unknown kernel {kernel!r}")
    return {n: makers[n]()[0] for n in names}


def emit(mask, score=None, *, head_dim: int, what: str = "tir", kernel: str = "forward",
         dtype="float32", config: ScheduleConfig | None = None, input_decls=None,
         target=None, v_head_dim: int | None = None) -> str:
    """The text of a kernel: ``what`` is "tir" (the kernel's TVMScript, before TVM's
    lowering passes) or "llvm" (the LLVM IR that gets compiled); ``kernel`` is forward,
    dq, dkdv or dqkv (the fused backward)."""
    if kernel not in ("forward", "dq", "dkdv", "dqkv"):
        raise ValueError(f"unknown kernel {kernel!r}")
    config = resolve_config(config, head_dim, target, v_head_dim)
    func = primfuncs(mask, score, kernel=kernel, head_dim=head_dim, dtype=dtype, config=config,
                     input_decls=input_decls, v_head_dim=v_head_dim)[kernel]
    if what == "tir":
        return func.script()
    if what == "llvm":
        return compile_primfunc(func, target).mod.inspect_source("ll")
    raise ValueError(f"unknown emit kind {what!r} (tir or llvm)")
