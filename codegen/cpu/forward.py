"""The block-sparse attention forward kernel for the CPU (loop-level TVMScript).

One parallel task per (batch, head, query block), in the host-made order of
``layout.PackedLayout.task_order`` (load balance across threads). The task walks its row of the block
layout (see ``layout.py``) with an online softmax kept in base 2:

    QT[d, i]   = Q[q0 + i, d] * scale (* log2 e when the score is not rewritten)
    S[j, i]    = sum_d K[k0 + j, d] QT[d, i]       S transposed: keys x queries, so the
                                                  softmax is vector ops across query lanes
    S          = score(S) * log2 e, masked to -inf (PARTIAL blocks, or k >= Lk)
    m, l, OT   online max, sum and output (OT = O transposed: v head dim x queries)

The head dim D of q and k and the v head dim Dv (v and the output) may differ: the first
product reduces over D, the second runs over Dv.

The paged variant (``paged=True``, ``paged.py``) is this kernel with K and V read through a
block table (``common/paged.py``): each key block's rows are found with one table read, a
block that starts past the sequence's end is skipped, and the keys' end the block kinds
check is the sequence's length instead of Lk.

Both block products are register tiles (``key_tile`` x ``block_q`` and ``dim_tile`` x
``block_q`` accumulators) over stack buffers. FULL blocks inside the key range run no
mask code at all; FULL blocks that cross Lk apply only ``k < Lk``; PARTIAL blocks
evaluate the mask expression (one value function, ``score_value``, takes the block
kind). Out-of-range rows of Q, K and V are never read: their indices are clamped, and
those lanes are masked or never written. The signature comes from
``signature.declare_kernel``, the task walk and the products from ``vecmath.cpu_loops``.

bfloat16 kernels for a CPU with AVX512-BF16 multiply on ``vdpbf16ps`` instead
(``uses_dot_products``, ``loops.dot_loops``; docs/cpu_precision.md): Q packed once per task
and V once per block into bfloat16 pairs, P rounded to bfloat16 pairs after the float32
softmax, float32 sums. The paged variant takes the dot path under the same conditions:
the pair loads of K and the packing of V read the page's rows through the same (page,
first row, sequence end) as the FMA loops, so a block past the sequence is still skipped
before its table entry is read and rows at or past the end are never read.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.common.paged import PagedKV
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, declare_kernel, make_signature
from spdsl.codegen.cpu.schedule import ScheduleConfig, dim_tile_for
from spdsl.codegen.common.vecmath import LN2, LOG2E, exp2
from spdsl.codegen.cpu.loops import (DOT_ATTR, RowMap, bind_slots, cpu_loops, dot_loops, load_row, over_slots,
                                     pair_buffers, pair_word, rounded_accumulate, stack_buffer, stack_buffers)


def forward_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                     dtype: str = "float32", v_head_dim: int | None = None, paged: bool = False,
                     perm=(0, 0)):
    """The forward kernel as a PrimFunc (symbolic B, H, Hk, Lq, Lk; fixed head_dim and
    v_head_dim, default head_dim).

    Arguments: q k v out lse head_class row_ptr col_idx full order scale, then the inputs and
    random tables of :func:`make_signature` (:func:`declare_kernel`). q, k, v and out are
    ``dtype`` (float32, float16 or bfloat16); all arithmetic is float32; lse is float32.
    ``paged``: the paged variant ``forward_paged`` (``PagedKV.params``: k_pages, v_pages
    and block_table, Lk a scalar; the mask must read ``paged_seq_lens``).
    ``perm``: the residue-major strides of the query and key rows (0: in order; see
    ``loops.RowMap``): the kernel walks the permuted grid, reading and writing rows in place
    (not with ``paged``).
    """
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    DV = D if v_head_dim is None else v_head_dim
    p = declare_kernel("forward", sv, sig, head_dim=D, block_q=BQ, block_k=BK, dtype=dtype,
                       v_head_dim=DV)
    Q, K, V, O, LSE = p.tensors.values()
    CI, FL, scale = p.IDX, p.FL, p.scale
    Lqv, Lkv = sv.Lq, sv.Lk
    kv = PagedKV(sv, ex.inputs, head_dim=D, v_head_dim=DV, dtype=dtype) if paged else None
    KT, DT = cfg.key_tile, dim_tile_for(DV, cfg.dim_tile)
    if paged and any(perm):
        raise ValueError("a paged forward reads keys in order: no token permutation")
    rq, rk = RowMap(Lqv, perm[0], BQ, "Mq"), RowMap(Lkv, perm[1], BK, "Mk")
    p = over_slots(p, rq, sv.H, BQ)
    _, row_tasks, block_kinds, products, accumulate = cpu_loops(p, sv, block_q=BQ, lanes=BQ, q_rows=rq)
    dots = uses_dot_products(dtype, cfg, D)
    if dots:
        dot_products, dot_accumulate = dot_loops(BQ)
        pair_accumulate = rounded_accumulate(dot_accumulate, BQ)
    start = task_start(Q, rq, D, DV, BQ)
    k_rows = rk if rk.stride else Lkv  # the key rows the products read: through the map, or clamped
    fold_log2e = ex.score is None
    q_factor = LOG2E if fold_log2e else 1.0
    s_factor = 1.0 if fold_log2e else LOG2E

    def key_end(b):
        """Where the key slots end: Lk (its slots when permuted), or the sequence's length
        (paged)."""
        return rk.slots if kv is None else kv.limit(b)

    def score_value(variant, b, h, q, k, s):
        """The base-2 score of one element; -inf where masked ("partial") or past the keys."""
        qc = rq.row(q)
        kc = k if variant == "full" and not rk.stride else rk.row(k)
        val = ex.score_at(b, h, qc, kc, s) * s_factor
        if variant == "full":
            return val
        keep = rk.valid(k) if kv is None else k < kv.limit(b)
        if variant == "partial":
            keep = tirx.And(keep, ex.mask_at(b, h, qc, kc))
        return tirx.Select(keep, val, tirx.const(NEG_INF, "float32"))

    @T.macro
    def scores(variant, S, b, h, q0, k0):
        for r in T.serial(BK):
            for i in T.vectorized(BQ):
                S[r, i] = score_value(variant, b, h, rq.slot(q0, i), rk.slot(k0, r), S[r, i])

    @T.macro
    def task(b, h, hk, q0, rbeg, rend):
        qs: T.let = scale * T.float32(q_factor)
        if dots:  # Q (and P, V) as bfloat16 pairs, no float32 Q tile
            QT = T.meta_var(None)
            QP, PP, VP = pair_buffers((D // 2, BQ), (BK // 2, BQ), (BK // 2, DV))
        else:
            QT = stack_buffer(D, BQ)
            QP, PP, VP = T.meta_var([None, None, None])
        OT = stack_buffer(DV, BQ)
        S = stack_buffer(BK, BQ)
        M, MU, MX, AL, LS = stack_buffers((BQ,), 5)
        start(QT, OT, M, LS, b, h, q0, qs)
        if dots:  # Q as bfloat16 pairs along D, unscaled (qs scales S)
            for i in T.serial(BQ):
                for d2 in T.serial(D // 2):
                    QP[d2, i] = pair_word(Q, b, h, rq.at(q0, i), 2 * d2)

        @T.inline
        def step(j, k0, KB, VB, gb, row0, limit):
            # S^T = K Q^T, register tile key_tile x block_q; K rows row0.. (< limit) of gb
            if dots:
                dot_products(S, KB, QP, gb, hk, row0, limit, BK, KT, D // 2, qs)
            else:
                products(S, KB, QT, None, None, None, gb, hk, row0, limit, BK, KT, D, D)
            # score and mask; FULL blocks inside the keys need nothing when log2 e is in QT
            block_kinds(FL[j], k0 + BK > key_end(b), not fold_log2e, scores, S, b, h, q0, k0)
            # online softmax, base 2
            for i in T.vectorized(BQ):
                MX[i] = M[i]
            for r in T.serial(BK):
                for i in T.vectorized(BQ):
                    MX[i] = T.max(MX[i], S[r, i])
            for i in T.vectorized(BQ):
                MU[i] = T.Select(MX[i] == T.float32(NEG_INF), T.float32(0), MX[i])
                AL[i] = exp2(M[i] - MU[i])
                M[i] = MX[i]
                LS[i] = LS[i] * AL[i]
            for r in T.serial(BK):
                for i in T.vectorized(BQ):
                    S[r, i] = exp2(S[r, i] - MU[i])
                    LS[i] = LS[i] + S[r, i]
            # OT = OT * alpha + V^T P^T, register tile dim_tile x block_q
            if dots:  # P rounded to bfloat16 and V packed, both in pairs along keys
                pair_accumulate(OT, VB, S, VP, PP, gb, hk, row0, limit, BK, AL, DV, DT)
            else:
                accumulate(OT, VB, S, None, None, None, gb, hk, row0, limit, BK, AL, DV, DT, DV, DT)

        for j in T.serial(rbeg, rend):
            k0: T.let = CI[j] * BK
            if kv is None:
                step(j, k0, K, V, b, k0, k_rows)
            else:
                if k0 < kv.limit(b):  # a block past the sequence: its table entry is not read
                    page, first, end = T.meta_var(kv.rows(b, k0))
                    step(j, k0, kv.K, kv.V, page, first, end)
        for i in T.serial(rq.count(q0, BQ)):
            if rq.stored(q0, i):
                l: T.let = LS[i]
                # l == 0: no visible key (0 and -inf); a NaN l (a NaN or +inf score) stays NaN
                inv: T.let = T.Select(l == T.float32(0), T.float32(0), T.float32(1) / l)
                for d in T.serial(DV):
                    O[b, h, rq.store_at(q0, i), d] = T.Cast(dtype, OT[d, i] * inv)
                LSE[b, h, rq.store_at(q0, i)] = T.Select(l == T.float32(0), T.float32(NEG_INF),
                                                      (M[i] + T.log2(l)) * T.float32(LN2))

    @T.prim_func(check_well_formed=False)
    def forward():
        row_tasks(task)

    if kv is None:
        func = bind_slots(p.primfunc(forward, "forward"), rq, rk)
    else:
        func = kv.params(p.primfunc(forward, "forward"), p.scale).with_attr("global_symbol", "forward_paged")
    return (func.with_attr(DOT_ATTR, True) if dots else func), sig


def uses_dot_products(dtype: str, cfg: ScheduleConfig, head_dim: int) -> bool:
    """Whether the block products run on vdpbf16ps (``loops.dot_loops``): bfloat16
    tensors, ``cfg.products == "dpbf16"`` (the target has AVX512-BF16), pairs along an
    even head dim and block_k, and block_q in whole 16-lane dot products. Otherwise, and
    for float16 (no native dot on AVX-512 without AVX512-FP16), the float32 FMA path."""
    return (dtype == "bfloat16" and cfg.products == "dpbf16" and head_dim % 2 == 0
            and cfg.block_k % 2 == 0 and cfg.block_q % 16 == 0)


def task_start(Q, Lq, D: int, DV: int, BQ: int):
    """T.macro that starts a forward task (the paged variant's too): the
    query block (``Lq`` the length or a ``loops.RowMap``) transposed and scaled by ``qs``
    into QT [D, BQ] (QT None: the dot path, which packs Q itself), the output tile OT
    [DV, BQ] zeroed, the online max M at -inf and the sum LS at 0."""

    @T.macro
    def start(QT, OT, M, LS, b, h, q0, qs):
        if QT is not None:
            for d in T.serial(D):
                for i in T.vectorized(BQ):
                    QT[d, i] = T.Cast("float32", Q[b, h, load_row(Lq, q0, i), d]) * qs
                    if DV == D:
                        OT[d, i] = T.float32(0)
        if QT is None or DV != D:
            for d in T.serial(DV):
                for i in T.vectorized(BQ):
                    OT[d, i] = T.float32(0)
        for i in T.vectorized(BQ):
            M[i] = T.float32(NEG_INF)
            LS[i] = T.float32(0)

    return start
