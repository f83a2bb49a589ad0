"""The block-sparse attention forward kernel for the CPU (loop-level TVMScript).

One parallel task per (batch, head, query block), in the host-made order of
``layout.BlockLayout.task_order`` (load balance across threads). The task walks its row of the block
layout (see ``layout.py``) with an online softmax kept in base 2:

    QT[d, i]   = Q[q0 + i, d] * scale (* log2 e when the score is not rewritten)
    S[j, i]    = sum_d K[k0 + j, d] QT[d, i]       S transposed: keys x queries, so the
                                                  softmax is vector ops across query lanes
    S          = score(S) * log2 e, masked to -inf (PARTIAL blocks, or k >= Lk)
    m, l, OT   online max, sum and output (OT = O transposed: head dim x queries)

Both block products are register tiles (``key_tile`` x ``block_q`` and ``dim_tile`` x
``block_q`` accumulators) over stack buffers. FULL blocks inside the key range run no
mask code at all; FULL blocks that cross Lk apply only ``k < Lk``; PARTIAL blocks
evaluate the mask expression. Out-of-range rows of Q, K and V are never read: their
indices are clamped, and those lanes are masked or never written.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.common.signature import NEG_INF, STACK, ExprLowerer, SizeVars, attach_extra_params, make_signature
from spdsl.codegen.cpu.schedule import ScheduleConfig, dim_tile_for
from spdsl.codegen.common.vecmath import LN2, LOG2E, exp2

def forward_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                     dtype: str = "float32"):
    """The forward kernel as a PrimFunc (symbolic B, H, Hk, Lq, Lk; fixed head_dim).

    Arguments: q k v out lse head_class row_ptr col_idx full order scale, then the inputs and
    random tables of :func:`make_signature`. q, k, v and out are ``dtype`` (float32,
    float16 or bfloat16); all arithmetic is float32; lse is float32.
    """
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    Bv, Hv, Hkv, Lqv, Lkv = sv.B, sv.H, sv.Hk, sv.Lq, sv.Lk
    NRv, NNZv = tirx.Var("n_rows", "int32"), tirx.Var("nnz", "int32")
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    KT, DT = cfg.key_tile, dim_tile_for(head_dim, cfg.dim_tile)
    IO = dtype
    fold_log2e = ex.score is None
    has_mask = ex.mask is not None
    q_factor = LOG2E if fold_log2e else 1.0
    s_factor = 1.0 if fold_log2e else LOG2E

    def partial_value(b, h, q, k, s):
        keep = tirx.And(k < Lkv, ex.mask_at(b, h, tirx.min(q, Lqv - 1), tirx.min(k, Lkv - 1)))
        val = ex.score_at(b, h, tirx.min(q, Lqv - 1), tirx.min(k, Lkv - 1), s) * s_factor
        return tirx.Select(keep, val, tirx.const(NEG_INF, "float32"))

    def edge_value(b, h, q, k, s):
        val = ex.score_at(b, h, tirx.min(q, Lqv - 1), tirx.min(k, Lkv - 1), s) * s_factor
        return tirx.Select(k < Lkv, val, tirx.const(NEG_INF, "float32"))

    def full_value(b, h, q, k, s):
        return ex.score_at(b, h, tirx.min(q, Lqv - 1), k, s) * s_factor

    @T.prim_func(check_well_formed=False)
    def forward(q: T.handle, k: T.handle, v: T.handle, o: T.handle, lse: T.handle,
                head_class: T.handle, row_ptr: T.handle, col_idx: T.handle, full: T.handle,
                order: T.handle, scale: T.float32):
        T.func_attr({"tirx.noalias": True})
        Q = T.match_buffer(q, (Bv, Hv, Lqv, D), IO)
        K = T.match_buffer(k, (Bv, Hkv, Lkv, D), IO)
        V = T.match_buffer(v, (Bv, Hkv, Lkv, D), IO)
        O = T.match_buffer(o, (Bv, Hv, Lqv, D), IO)
        LSE = T.match_buffer(lse, (Bv, Hv, Lqv), "float32")
        HC = T.match_buffer(head_class, (Bv, Hv), "int32")
        RP = T.match_buffer(row_ptr, (NRv,), "int64")
        CI = T.match_buffer(col_idx, (NNZv,), "int32")
        FL = T.match_buffer(full, (NNZv,), "uint8")
        ORD = T.match_buffer(order, (Bv * Hv * ((Lqv + (BQ - 1)) // BQ),), "int32")
        n_qb: T.let = (Lqv + (BQ - 1)) // BQ
        group: T.let = Hv // Hkv
        for t in T.parallel(Bv * Hv * n_qb):
            task: T.let = ORD[t]
            b: T.let = task // (Hv * n_qb)
            h: T.let = task // n_qb % Hv
            qb: T.let = task % n_qb
            hk: T.let = h // group
            q0: T.let = qb * BQ
            row: T.let = HC[b, h] * (n_qb + 1) + qb
            rbeg: T.let = T.Cast("int32", RP[row])
            rend: T.let = T.Cast("int32", RP[row + 1])
            qs: T.let = scale * T.float32(q_factor)
            QT = T.alloc_buffer((D, BQ), "float32", annotations=STACK)
            OT = T.alloc_buffer((D, BQ), "float32", annotations=STACK)
            S = T.alloc_buffer((BK, BQ), "float32", annotations=STACK)
            M = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            MU = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            MX = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            AL = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            LS = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            for d in T.serial(D):
                for i in T.vectorized(BQ):
                    QT[d, i] = T.Cast("float32", Q[b, h, T.min(q0 + i, Lqv - 1), d]) * qs
                    OT[d, i] = T.float32(0)
            for i in T.vectorized(BQ):
                M[i] = T.float32(NEG_INF)
                LS[i] = T.float32(0)
            for j in T.serial(rbeg, rend):
                k0: T.let = CI[j] * BK
                # S^T = K Q^T, register tile key_tile x block_q
                for kt in T.serial(BK // KT):
                    ACC = T.alloc_buffer((KT, BQ), "float32", annotations=STACK)
                    for r in T.unroll(KT):
                        for i in T.vectorized(BQ):
                            ACC[r, i] = T.float32(0)
                    for d in T.serial(D):
                        for r in T.unroll(KT):
                            for i in T.vectorized(BQ):
                                ACC[r, i] = ACC[r, i] + T.Cast("float32", K[b, hk, T.min(k0 + kt * KT + r, Lkv - 1), d]) * QT[d, i]
                    for r in T.unroll(KT):
                        for i in T.vectorized(BQ):
                            S[kt * KT + r, i] = ACC[r, i]
                # score and mask
                if FL[j] == T.uint8(0):
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = partial_value(b, h, q0 + i, k0 + r, S[r, i])
                elif k0 + BK > Lkv:
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = edge_value(b, h, q0 + i, k0 + r, S[r, i])
                elif not fold_log2e:
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = full_value(b, h, q0 + i, k0 + r, S[r, i])
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
                for dt in T.serial(D // DT):
                    ACC2 = T.alloc_buffer((DT, BQ), "float32", annotations=STACK)
                    for r in T.unroll(DT):
                        for i in T.vectorized(BQ):
                            ACC2[r, i] = OT[dt * DT + r, i] * AL[i]
                    for kk in T.serial(BK):
                        for r in T.unroll(DT):
                            for i in T.vectorized(BQ):
                                ACC2[r, i] = ACC2[r, i] + T.Cast("float32", V[b, hk, T.min(k0 + kk, Lkv - 1), dt * DT + r]) * S[kk, i]
                    for r in T.unroll(DT):
                        for i in T.vectorized(BQ):
                            OT[dt * DT + r, i] = ACC2[r, i]
            for i in T.serial(T.min(BQ, Lqv - q0)):
                l: T.let = LS[i]
                inv: T.let = T.Select(l > T.float32(0), T.float32(1) / l, T.float32(0))
                for d in T.serial(D):
                    O[b, h, q0 + i, d] = T.Cast(IO, OT[d, i] * inv)
                LSE[b, h, q0 + i] = T.Select(l > T.float32(0), (M[i] + T.log2(l)) * T.float32(LN2),
                                             T.float32(NEG_INF))

    del has_mask  # PARTIAL blocks always take the masked path; a dense mask has none
    return attach_extra_params(forward, sig, "forward"), sig
