"""The CPU kernels' shared loop nests as TVMScript macros, each written once: the parallel
task loop, task decoding, the block-kind dispatch, register-tile products and output
accumulation; and the stack scratch buffers they work in."""

from __future__ import annotations

from tvm.script import tirx as T

from spdsl.codegen.common.signature import STACK


def stack_buffers(shape, n: int):
    """``n`` float32 kernel-local buffers of ``shape`` kept on the stack (see
    ``signature.STACK``), for use inside TVMScript: ``QT, OT = stack_buffers((64, 64), 2)``."""
    return [T.alloc_buffer(shape, "float32", annotations=STACK) for _ in range(n)]


def stack_buffer(*shape):
    """One of :func:`stack_buffers`: ``ACC = stack_buffer(4, 64)``."""
    return stack_buffers(shape, 1)[0]


def cpu_loops(p, sv, *, head_dim: int, block_q: int, lanes: int):
    """The loop nests the CPU kernels share, as TVMScript macros over the buffers of ``p``
    (a :class:`~spdsl.codegen.common.signature.KernelParams`); ``lanes`` is the length of
    the vectorised axis (block_q for forward and dQ, block_k for dK/dV):

    ``parallel_tasks(n_tasks, body, *args)``
        the parallel loop over the tasks in the order ``p.ORD``: ``body(task, *args)``
    ``row_tasks(body)``
        the tasks of forward and dQ, one per (batch, head, query block), decoded and
        their row of the layout looked up; runs ``body(b, h, hk, q0, rbeg, rend)`` (the
        task's nonzero blocks are ``p.IDX[rbeg:rend]``)
    ``block_kinds(flag, crosses_edge, with_full, step, *args)``
        ``step(variant, *args)`` for the block kind: "partial" (``flag`` is 0), "edge"
        (FULL, ``crosses_edge``), "full" (FULL inside; only if ``with_full``)
    ``products(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile)``
        ``Y1[r, i] = sum_d G1[b, head, min(base + r, limit - 1), d] X1[d, i]`` for r <
        n_rows, ``tile`` rows of register accumulators at a time; Y2 likewise from G2
        and X2 in the same pass unless Y2 is None
    ``accumulate(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, tile, alpha)``
        ``Y1[d, i] = Y1[d, i] (* alpha[i]) + sum_kk G1[b, head, min(base + kk, limit -
        1), d] X1[kk, i]`` over kk < n_red, ``tile`` rows of d at a time; Y2 likewise
        (never rescaled) unless None; alpha None: no rescaling
    """
    Bv, Hv, Hkv, Lqv = sv.B, sv.H, sv.Hk, sv.Lq
    HC, RP, ORD, W = p.HC, p.PTR, p.ORD, lanes

    @T.macro
    def parallel_tasks(n_tasks, body, *args):
        for t in T.parallel(n_tasks):
            task: T.let = ORD[t]
            body(task, *args)

    @T.macro
    def row_task(task, n_qb, group, body):
        b: T.let = task // (Hv * n_qb)
        h: T.let = task // n_qb % Hv
        qb: T.let = task % n_qb
        hk: T.let = h // group
        q0: T.let = qb * block_q
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])
        body(b, h, hk, q0, rbeg, rend)

    @T.macro
    def row_tasks(body):
        n_qb: T.let = (Lqv + (block_q - 1)) // block_q
        group: T.let = Hv // Hkv
        parallel_tasks(Bv * Hv * n_qb, row_task, n_qb, group, body)

    @T.macro
    def block_kinds(flag, crosses_edge, with_full, step, *args):
        if flag == T.uint8(0):
            step("partial", *args)
        elif crosses_edge:
            step("edge", *args)
        elif with_full:
            step("full", *args)

    @T.macro
    def products(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile):
        for kt in T.serial(n_rows // tile):
            ACC = stack_buffer(tile, W)
            if Y2 is not None:
                ACCP = stack_buffer(tile, W)
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    ACC[r, i] = T.float32(0)
                    if Y2 is not None:
                        ACCP[r, i] = T.float32(0)
            for d in T.serial(head_dim):
                for r in T.unroll(tile):
                    for i in T.vectorized(W):
                        ACC[r, i] = ACC[r, i] + T.Cast("float32", G1[b, head, T.min(base + kt * tile + r, limit - 1), d]) * X1[d, i]
                        if Y2 is not None:
                            ACCP[r, i] = ACCP[r, i] + T.Cast("float32", G2[b, head, T.min(base + kt * tile + r, limit - 1), d]) * X2[d, i]
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    Y1[kt * tile + r, i] = ACC[r, i]
                    if Y2 is not None:
                        Y2[kt * tile + r, i] = ACCP[r, i]

    @T.macro
    def accumulate(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, tile, alpha):
        for dt in T.serial(head_dim // tile):
            ACC2 = stack_buffer(tile, W)
            if Y2 is not None:
                ACC2P = stack_buffer(tile, W)
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    if alpha is not None:
                        ACC2[r, i] = Y1[dt * tile + r, i] * alpha[i]
                    else:
                        ACC2[r, i] = Y1[dt * tile + r, i]
                    if Y2 is not None:
                        ACC2P[r, i] = Y2[dt * tile + r, i]
            for kk in T.serial(n_red):
                for r in T.unroll(tile):
                    for i in T.vectorized(W):
                        ACC2[r, i] = ACC2[r, i] + T.Cast("float32", G1[b, head, T.min(base + kk, limit - 1), dt * tile + r]) * X1[kk, i]
                        if Y2 is not None:
                            ACC2P[r, i] = ACC2P[r, i] + T.Cast("float32", G2[b, head, T.min(base + kk, limit - 1), dt * tile + r]) * X2[kk, i]
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    Y1[dt * tile + r, i] = ACC2[r, i]
                    if Y2 is not None:
                        Y2[dt * tile + r, i] = ACC2P[r, i]

    return parallel_tasks, row_tasks, block_kinds, products, accumulate
