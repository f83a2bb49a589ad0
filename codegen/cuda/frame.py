"""The frame every CUDA kernel sits in: its arguments (``signature.declare_kernel``, the
CPU kernels' ABI; the wrappers in ``kernels.py`` call them by position), its grid and the
decoding of its task.

One thread block runs one task of the host-made ``order``: a (batch, head, query block)
row of the block layout for forward and dq, a (batch, key head, key block) column of its
transpose for dkdv. A kernel is a body macro; the frame calls it with the kernel's
tensors in argument order, the layout's head_class, pointer, index and full buffers,
``scale``, ``tx`` and the decoded task:

    row kernels     body(*tensors, HC, RP, CI, FL, scale, tx, n_qb, b, h, qb, hk)
    column kernel   body(*tensors, HC, CP, RI, FL, scale, tx, n_kb, group, b, hk, kb)
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.common.signature import declare_kernel


def let(name: str, value):
    """``name: T.let = value`` from Python (a flat Bind in the current frame)."""
    return T.bind(value, var=tirx.Var(name, value.ty))


def row_task(sv, block_q: int, order_entry):
    """(n_qb, b, h, qb, hk) of the row task ``order_entry``, bound as lets."""
    n_qb = let("n_qb", T.truncdiv(sv.Lq + (block_q - 1), block_q))
    task = let("task", order_entry)
    b = let("b", T.truncdiv(task, sv.H * n_qb))
    h = let("h", T.truncmod(T.truncdiv(task, n_qb), sv.H))
    qb = let("qb", T.truncmod(task, n_qb))
    return n_qb, b, h, qb, let("hk", T.truncdiv(h, T.truncdiv(sv.H, sv.Hk)))


def column_task(sv, block_k: int, order_entry):
    """(n_kb, group, b, hk, kb) of the column task ``order_entry``, bound as lets."""
    n_kb = let("n_kb", T.truncdiv(sv.Lk + (block_k - 1), block_k))
    group = let("group", T.truncdiv(sv.H, sv.Hk))
    task = let("task", order_entry)
    b = let("b", T.truncdiv(task, sv.Hk * n_kb))
    hk = let("hk", T.truncmod(T.truncdiv(task, n_kb), sv.Hk))
    return n_kb, group, b, hk, let("kb", T.truncmod(task, n_kb))


def kernel(name: str, body, *, sv, sig, head_dim: int, dtype: str, cfg, threads: int,
           v_head_dim: int | None = None, symbol: str | None = None):
    """The PrimFunc ``name`` ("forward", "dq" or "dkdv") running ``body`` on ``threads``
    threads per block, with the pattern's extra parameters (V, O, DO, DV of
    ``v_head_dim``, default ``head_dim``); ``symbol``: its global symbol where it is
    not ``name`` (a variant: ``dq_inputs``)."""
    p = declare_kernel(name, sv, sig, head_dim=head_dim, block_q=cfg.block_q,
                       block_k=cfg.block_k, dtype=dtype, v_head_dim=v_head_dim)
    args = [*p.tensors.values(), p.HC, p.PTR, p.IDX, p.FL, p.scale]
    ORD = p.ORD
    if name == "dkdv":
        def task(entry):
            return column_task(sv, cfg.block_k, entry)
    else:
        def task(entry):
            return row_task(sv, cfg.block_q, entry)

    @T.prim_func(check_well_formed=False)
    def main():
        for t in T.thread_binding(ORD.shape[0], thread="blockIdx.x"):
            for tx in T.thread_binding(threads, thread="threadIdx.x"):
                body(*args, tx, *task(ORD[t]))

    return p.primfunc(main, symbol or name)
