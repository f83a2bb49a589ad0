"""Pieces shared by the CPU and CUDA kernels: size variables, the pattern's extra
arguments, a kernel's whole signature (:func:`declare_kernel`), and the mask / score
expressions as callables that TVMScript kernels call while parsing."""

from __future__ import annotations

from dataclasses import dataclass

from tvm import tirx

from spdsl.analysis.overflow import kernel_int_width
from spdsl.ir import nodes as ir

from spdsl.codegen.common import lower as lw
from spdsl.codegen.common import tvmscript

tvmscript.install()  # every kernel module imports this one before it parses TVMScript

STACK = {"disable_lower_builtin": True}
NEG_INF = float("-inf")


@dataclass
class KernelSignature:
    """What a built kernel takes after its fixed arguments: the pattern's inputs (sorted
    by name) and then one int8 table per random_blocks call."""

    inputs: dict[str, ir.InputDecl]
    random_keys: list[tuple[int, int, int]]
    buffers: list[tirx.Buffer]


@dataclass
class SizeVars:
    B: tirx.Var
    H: tirx.Var
    Hk: tirx.Var
    Lq: tirx.Var
    Lk: tirx.Var

    @staticmethod
    def fresh() -> "SizeVars":
        return SizeVars(*(tirx.Var(n, "int32") for n in ("B", "H", "Hk", "Lq", "Lk")))

    def env_sizes(self) -> dict:
        return {"B": self.B, "H": self.H, "Lq": self.Lq, "Lk": self.Lk}


def make_signature(mask: ir.Expr | None, score: ir.Expr | None, sv: SizeVars,
                   input_decls=None) -> KernelSignature:
    decls = lw.inputs_used(mask, score)
    for decl in input_decls or ():
        decls.setdefault(decl.name, decl)
    decls = dict(sorted(decls.items()))
    bufs = [lw.input_buffer(d, sv.env_sizes()) for d in decls.values()]
    keys = lw.random_blocks_used(mask, score)
    bufs += [lw.random_table_decl(key, sv.H) for key in keys]
    return KernelSignature(decls, keys, bufs)


class ExprLowerer:
    """Mask and score of one pattern as Python callables that return PrimExprs, for use
    inside TVMScript. ``None`` expressions mean dense mask / unchanged score. Ints are
    computed in ``int_dtype`` (``spdsl.analysis.overflow.kernel_int_width``)."""

    def __init__(self, mask, score, sv: SizeVars, sig: KernelSignature):
        from spdsl.ir.positions import at_rows, default_offsets

        # the kernels bind rows (qi, ki); a pattern over positions is read with the
        # default offsets unless it was rewritten with others (spdsl/ir/positions.py)
        mask, score = (at_rows(e, *default_offsets()) for e in (mask, score))
        self.mask, self.score, self.sv = mask, score, sv
        n_in = len(sig.inputs)
        self.inputs = dict(zip(sig.inputs, sig.buffers[:n_in]))
        self.tables = dict(zip(sig.random_keys, sig.buffers[n_in:]))
        if isinstance(mask, ir.Const) and mask.value is True:
            self.mask = None
        if score is not None and isinstance(score, ir.Var) and score.name == "score":
            self.score = None
        self.int_dtype = kernel_int_width(self.mask, self.score)

    def env(self, b, h, q, k, score=None) -> lw.Env:
        names = {"b": b, "h": h, "qi": q, "ki": k, **self.sv.env_sizes()}
        if score is not None:
            names["score"] = score
        return lw.Env(names, self.inputs, self.tables, self.int_dtype)

    def mask_at(self, b, h, q, k):
        if self.mask is None:
            return tirx.const(True, "bool")
        return lw.lower_expr(self.mask, self.env(b, h, q, k))

    def score_at(self, b, h, q, k, raw):
        if self.score is None:
            return raw
        return lw.lower_expr(self.score, self.env(b, h, q, k, raw))

    def expr_at(self, e, b, h, q, k, raw):
        return lw.lower_expr(e, self.env(b, h, q, k, raw))


# The tensors of each kernel kind, in argument order, as (buffer name, length axis): "q"
# tensors are [B, H, Lq, head_dim], "k" ones [B, Hk, Lk, head_dim], except the value side
# (_VALUE: V, the output O, its gradient DO and DV), whose last dim is v_head_dim; LSE,
# DLSE and DELTA are float32 [B, H, Lq], compact. DLSE is the gradient of lse (zeros when
# it has none): the dQ kernel writes DELTA = rowsum(dO O) - DLSE, which is all lse's
# gradient changes.
_TENSORS = {
    "forward": (("Q", "q"), ("K", "k"), ("V", "k"), ("O", "q"), ("LSE", "q")),
    "dq": (("Q", "q"), ("K", "k"), ("V", "k"), ("O", "q"), ("DO", "q"), ("LSE", "q"),
           ("DLSE", "q"), ("DQ", "q"), ("DELTA", "q")),
    "dkdv": (("Q", "q"), ("K", "k"), ("V", "k"), ("DO", "q"), ("LSE", "q"), ("DELTA", "q"),
             ("DK", "k"), ("DV", "k")),
    "dqkv": (("Q", "q"), ("K", "k"), ("V", "k"), ("O", "q"), ("DO", "q"), ("LSE", "q"), ("DLSE", "q"),
             ("DELTA", "q"), ("DQ", "q"), ("DK", "k"), ("DV", "k"), ("DQA", "q")),
}
_PER_ROW = ("LSE", "DLSE", "DELTA")
_VALUE = ("V", "O", "DO", "DV")


@dataclass
class KernelParams:
    """One kernel's arguments as buffers for a TVMScript body to use by closure.

    ``tensors``: the tensors by buffer name (Q, K, V, O, DO, LSE, DLSE, DQ, DELTA, DK, DV,
    those of the kind), [B, H or Hk, Lq or Lk(, head_dim)] (V, O, DO, DV: v_head_dim). The
    head_dim tensors are strided: their batch, head and row strides are symbolic (``Q_s0``,
    ``Q_s1``, ``Q_s2``, bound from the caller's tensor), the last is 1; so one build takes
    [B, H, L, D] tensors, transposed views of [B, L, H, D] ones, and batch-broadcast
    (stride 0) K/V.
    The layout: ``HC`` (head_class,
    int32 [B, H]), ``PTR`` (row_ptr, or col_ptr for dkdv, int64), ``IDX`` (col_idx, or
    row_idx, int32 [nnz]), ``FL`` (full, uint8 [nnz]), ``ORD`` (the task order, int32
    [B * H * n_qb], or [B * Hk * n_kb] for dkdv). ``scale`` is a float32 scalar."""

    kind: str
    tensors: dict[str, tirx.Buffer]
    HC: tirx.Buffer
    PTR: tirx.Buffer
    IDX: tirx.Buffer
    FL: tirx.Buffer
    ORD: tirx.Buffer
    scale: tirx.Var
    sig: KernelSignature

    def __getitem__(self, name: str) -> tirx.Buffer:
        return self.tensors[name]

    def primfunc(self, body: tirx.PrimFunc, name: str) -> tirx.PrimFunc:
        """The kernel ``name``: this signature around the body of ``body`` (a parsed
        TVMScript function without parameters), noalias."""
        params = [*self.tensors.values(), self.HC, self.PTR, self.IDX, self.FL, self.ORD,
                  self.scale, *self.sig.buffers]
        func = tirx.PrimFunc(params, body.body, body.ret_type, body.attrs)
        return func.with_attr("tirx.noalias", True).with_attr("global_symbol", name)


def declare_kernel(kind: str, sv: SizeVars, sig: KernelSignature, *, head_dim: int,
                   block_q: int, block_k: int, dtype: str,
                   v_head_dim: int | None = None) -> KernelParams:
    """The signature of a ``kind`` kernel ("forward", "dq" or "dkdv"), the one the CPU and
    CUDA kernels of that kind share: its tensors (``dtype``, strided; V, O, DO and DV of
    ``v_head_dim``, default ``head_dim``; lse, dlse and delta float32, compact), the
    packed layout (rows for forward and dq, columns for dkdv), ``scale``, then ``sig``'s
    inputs and random tables. Write the body with ``@T.prim_func`` and no parameters,
    reading these buffers by closure, and wrap it with :meth:`KernelParams.primfunc`::

        p = declare_kernel("forward", sv, sig, head_dim=64, block_q=64, block_k=64,
                           dtype="float32")
        Q, O = p["Q"], p["O"]

        @T.prim_func(check_well_formed=False)
        def forward():
            ...

        func = p.primfunc(forward, "forward")
    """
    if kind not in _TENSORS:
        raise ValueError(f"unknown kernel kind {kind!r} (forward, dq or dkdv)")
    rows = {"q": (sv.B, sv.H, sv.Lq), "k": (sv.B, sv.Hk, sv.Lk)}
    dv = head_dim if v_head_dim is None else v_head_dim
    tensors = {}
    for name, axis in _TENSORS[kind]:
        if name in _PER_ROW:
            tensors[name] = _buffer(rows[axis], "float32", name)
        elif name == "DQA":  # the fused backward's dQ sums: float32 [chunks, B, H, padded Lq, D]
            tensors[name] = _buffer((tirx.Var("n_chunks", "int32"), sv.B, sv.H, tirx.Var("Lq_pad", "int32"),
                                     head_dim), "float32", name)
        else:
            dim = dv if name in _VALUE else head_dim
            tensors[name] = _strided_buffer((*rows[axis], dim), dtype, name)
    columns = kind in ("dkdv", "dqkv")
    n_ptr = tirx.Var("n_cols" if columns else "n_rows", "int32")
    nnz = tirx.Var("nnz", "int32")
    heads, n, block = (sv.Hk, sv.Lk, block_k) if columns else (sv.H, sv.Lq, block_q)
    return KernelParams(
        kind, tensors,
        HC=_buffer((sv.B, sv.H), "int32", "HC"),
        PTR=_buffer((n_ptr,), "int64", "CP" if columns else "RP"),
        IDX=_buffer((nnz,), "int32", "RI" if columns else "CI"),
        FL=_buffer((nnz,), "uint8", "FL"),
        # the task order; the fused backward's: its chunks' key-block bounds, int32 [chunks + 1]
        ORD=(_buffer((tirx.Var("n_bounds", "int32"),), "int32", "KB") if kind == "dqkv" else
             _buffer((sv.B * heads * ((n + (block - 1)) // block),), "int32", "ORD")),
        scale=tirx.Var("scale", "float32"), sig=sig)


def _buffer(shape, dtype: str, name: str) -> tirx.Buffer:
    return tirx.decl_buffer(shape, dtype, name=name)


def _strided_buffer(shape, dtype: str, name: str) -> tirx.Buffer:
    """A [B, heads, L, head_dim] buffer whose outer strides are symbolic (``name_s0`` ..
    ``name_s2``, bound from the tensor at the call) and whose rows are contiguous."""
    strides = [tirx.Var(f"{name}_s{i}", "int32") for i in range(len(shape) - 1)]
    return tirx.decl_buffer(shape, dtype, name=name, strides=[*strides, tirx.const(1, "int32")])


def attach_extra_params(func: tirx.PrimFunc, sig: KernelSignature, name: str) -> tirx.PrimFunc:
    """The parsed kernel with the pattern's input buffers appended to its parameters."""
    params = list(func.params) + list(sig.buffers)
    out = tirx.PrimFunc(params, func.body, func.ret_type, func.attrs)
    return out.with_attr("global_symbol", name)
