"""The block-sparse attention backward kernels for the CPU (loop-level TVMScript).

Both recompute P from the forward's log-sum-exp instead of storing it:

    raw  = scale <Q[q], K[k]>,  s = score(raw),  P = exp(s - lse[q])
    dP   = <dO[q], V[k]>,  Delta[q] = <dO[q], O[q]>
    dS   = P (dP - Delta[q]) * dscore/draw(raw)          (symbolic, ``derivative.py``)
    dQ   = scale * dS K,   dK = scale * dS^T Q,   dV = P^T dO

Tasks run in the host-made orders of ``BlockLayout.task_order`` / ``TransposedLayout.
task_order`` (load balance across threads).
``dq`` runs one task per (batch, head, query block) over the row layout, like the
forward, and also writes Delta (the dK/dV kernel reads it, so it runs second).
``dkdv`` runs one task per (batch, key head, key block) over the transposed layout
(``layout.transpose``), summing over the query heads of a grouped-query group.
A row with lse = -inf (empty mask) gets P = 0 and so zero gradients; masked elements
are selected to 0, never multiplied, so an infinite derivative cannot leak a NaN.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.ir import nodes as ir

from spdsl.codegen.common.derivative import derivative
from spdsl.codegen.common.signature import NEG_INF, STACK, ExprLowerer, SizeVars, attach_extra_params, make_signature
from spdsl.codegen.cpu.schedule import ScheduleConfig, dim_tile_for
from spdsl.codegen.common.vecmath import LOG2E, exp2

F0 = 0.0


class GradElement:
    """dS (and P) of one element as PrimExprs, in the three block variants. The GPU
    kernels reuse it with the hardware exp2 (``exp2_fn``)."""

    exp2_fn = staticmethod(exp2)  # the vectorisable polynomial: llvm's exp2 would be scalar calls

    def __init__(self, ex: ExprLowerer, sv: SizeVars):
        self.ex, self.sv = ex, sv
        self.dscore = None
        if ex.score is not None:
            d = derivative(ex.score)
            if not (isinstance(d, ir.Const) and float(d.value) == 1.0):
                self.dscore = d

    def _at(self, b, h, q, k):
        return b, h, tirx.min(q, self.sv.Lq - 1), tirx.min(k, self.sv.Lk - 1)

    def p(self, b, h, q, k, raw, lse2):
        s = self.ex.score_at(*self._at(b, h, q, k), raw)
        return self.exp2_fn(s * tirx.const(LOG2E, "float32") - lse2)

    def ds(self, b, h, q, k, raw, dp, lse2, delta):
        val = self.p(b, h, q, k, raw, lse2) * (dp - delta)
        if self.dscore is not None:
            val = val * self.ex.expr_at(self.dscore, *self._at(b, h, q, k), raw)
        return val

    def keep(self, b, h, q, k, variant: str):
        """variant: "full" (nothing to check), "edge" (q < Lq and k < Lk), "partial"."""
        if variant == "full":
            return tirx.const(True, "bool")
        inside = tirx.And(q < self.sv.Lq, k < self.sv.Lk)
        if variant == "edge":
            return inside
        return tirx.And(inside, self.ex.mask_at(*self._at(b, h, q, k)))


def _zero():
    return tirx.const(F0, "float32")


def dq_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                dtype: str = "float32"):
    """dQ (and Delta). Arguments: q k v o do lse dq delta head_class row_ptr col_idx full
    order scale, then the pattern's inputs and random tables. q k v o do dq are ``dtype``
    (float32, float16 or bfloat16); arithmetic, lse and delta are float32."""
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    g = GradElement(ex, sv)
    Bv, Hv, Hkv, Lqv, Lkv = sv.B, sv.H, sv.Hk, sv.Lq, sv.Lk
    NRv, NNZv = tirx.Var("n_rows", "int32"), tirx.Var("nnz", "int32")
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    IO = dtype
    KT, DT = cfg.bwd_key_tile, dim_tile_for(head_dim, cfg.dim_tile)

    def ds_value(b, h, q, k, raw, dp, lse2, delta, variant):
        keep = g.keep(b, h, q, k, variant)
        return tirx.Select(keep, g.ds(b, h, q, k, raw, dp, lse2, delta), _zero())

    @T.prim_func(check_well_formed=False)
    def dq(q: T.handle, k: T.handle, v: T.handle, o: T.handle, do: T.handle, lse: T.handle,
           dq_out: T.handle, delta: T.handle, head_class: T.handle, row_ptr: T.handle,
           col_idx: T.handle, full: T.handle, order: T.handle, scale: T.float32):
        T.func_attr({"tirx.noalias": True})
        Q = T.match_buffer(q, (Bv, Hv, Lqv, D), IO)
        K = T.match_buffer(k, (Bv, Hkv, Lkv, D), IO)
        V = T.match_buffer(v, (Bv, Hkv, Lkv, D), IO)
        O = T.match_buffer(o, (Bv, Hv, Lqv, D), IO)
        DO = T.match_buffer(do, (Bv, Hv, Lqv, D), IO)
        LSE = T.match_buffer(lse, (Bv, Hv, Lqv), "float32")
        DQ = T.match_buffer(dq_out, (Bv, Hv, Lqv, D), IO)
        DELTA = T.match_buffer(delta, (Bv, Hv, Lqv), "float32")
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
            QT = T.alloc_buffer((D, BQ), "float32", annotations=STACK)
            DOT = T.alloc_buffer((D, BQ), "float32", annotations=STACK)
            DQT = T.alloc_buffer((D, BQ), "float32", annotations=STACK)
            S = T.alloc_buffer((BK, BQ), "float32", annotations=STACK)
            DP = T.alloc_buffer((BK, BQ), "float32", annotations=STACK)
            LR = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            DR = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            for i in T.vectorized(BQ):
                DR[i] = T.float32(0)
                LR[i] = LSE[b, h, T.min(q0 + i, Lqv - 1)] * T.float32(LOG2E)
                LR[i] = T.Select(LR[i] == T.float32(NEG_INF), T.float32(float("inf")), LR[i])
            for d in T.serial(D):
                for i in T.vectorized(BQ):
                    QT[d, i] = T.Cast("float32", Q[b, h, T.min(q0 + i, Lqv - 1), d]) * scale
                    DOT[d, i] = T.Cast("float32", DO[b, h, T.min(q0 + i, Lqv - 1), d])
                    DR[i] = DR[i] + DOT[d, i] * T.Cast("float32", O[b, h, T.min(q0 + i, Lqv - 1), d])
                    DQT[d, i] = T.float32(0)
            for j in T.serial(rbeg, rend):
                k0: T.let = CI[j] * BK
                for kt in T.serial(BK // KT):
                    ACC = T.alloc_buffer((KT, BQ), "float32", annotations=STACK)
                    ACCP = T.alloc_buffer((KT, BQ), "float32", annotations=STACK)
                    for r in T.unroll(KT):
                        for i in T.vectorized(BQ):
                            ACC[r, i] = T.float32(0)
                            ACCP[r, i] = T.float32(0)
                    for d in T.serial(D):
                        for r in T.unroll(KT):
                            for i in T.vectorized(BQ):
                                ACC[r, i] = ACC[r, i] + T.Cast("float32", K[b, hk, T.min(k0 + kt * KT + r, Lkv - 1), d]) * QT[d, i]
                                ACCP[r, i] = ACCP[r, i] + T.Cast("float32", V[b, hk, T.min(k0 + kt * KT + r, Lkv - 1), d]) * DOT[d, i]
                    for r in T.unroll(KT):
                        for i in T.vectorized(BQ):
                            S[kt * KT + r, i] = ACC[r, i]
                            DP[kt * KT + r, i] = ACCP[r, i]
                if FL[j] == T.uint8(0):
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = ds_value(b, h, q0 + i, k0 + r, S[r, i], DP[r, i], LR[i], DR[i], "partial")
                elif k0 + BK > Lkv or q0 + BQ > Lqv:
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = ds_value(b, h, q0 + i, k0 + r, S[r, i], DP[r, i], LR[i], DR[i], "edge")
                else:
                    for r in T.serial(BK):
                        for i in T.vectorized(BQ):
                            S[r, i] = ds_value(b, h, q0 + i, k0 + r, S[r, i], DP[r, i], LR[i], DR[i], "full")
                for dt in T.serial(D // DT):
                    ACC2 = T.alloc_buffer((DT, BQ), "float32", annotations=STACK)
                    for r in T.unroll(DT):
                        for i in T.vectorized(BQ):
                            ACC2[r, i] = DQT[dt * DT + r, i]
                    for kk in T.serial(BK):
                        for r in T.unroll(DT):
                            for i in T.vectorized(BQ):
                                ACC2[r, i] = ACC2[r, i] + T.Cast("float32", K[b, hk, T.min(k0 + kk, Lkv - 1), dt * DT + r]) * S[kk, i]
                    for r in T.unroll(DT):
                        for i in T.vectorized(BQ):
                            DQT[dt * DT + r, i] = ACC2[r, i]
            for i in T.serial(T.min(BQ, Lqv - q0)):
                DELTA[b, h, q0 + i] = DR[i]
                for d in T.serial(D):
                    DQ[b, h, q0 + i, d] = T.Cast(IO, DQT[d, i] * scale)

    return attach_extra_params(dq, sig, "dq"), sig


def dkdv_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                  dtype: str = "float32"):
    """dK and dV. Arguments: q k v do lse delta dk dv head_class col_ptr row_idx full_t
    order scale, then the pattern's inputs and random tables. q k v do dk dv are
    ``dtype``; arithmetic, lse and delta are float32."""
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    g = GradElement(ex, sv)
    Bv, Hv, Hkv, Lqv, Lkv = sv.B, sv.H, sv.Hk, sv.Lq, sv.Lk
    NCv, NNZv = tirx.Var("n_cols", "int32"), tirx.Var("nnz", "int32")
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    IO = dtype
    QTL, DT = cfg.bwd_key_tile, dim_tile_for(head_dim, cfg.dim_tile)

    def pds_value(b, h, q, k, raw, dp, lse2, delta, variant, want_ds):
        keep = g.keep(b, h, q, k, variant)
        val = g.ds(b, h, q, k, raw, dp, lse2, delta) if want_ds else g.p(b, h, q, k, raw, lse2)
        return tirx.Select(keep, val, _zero())

    @T.prim_func(check_well_formed=False)
    def dkdv(q: T.handle, k: T.handle, v: T.handle, do: T.handle, lse: T.handle, delta: T.handle,
             dk: T.handle, dv: T.handle, head_class: T.handle, col_ptr: T.handle,
             row_idx: T.handle, full: T.handle, order: T.handle, scale: T.float32):
        T.func_attr({"tirx.noalias": True})
        Q = T.match_buffer(q, (Bv, Hv, Lqv, D), IO)
        K = T.match_buffer(k, (Bv, Hkv, Lkv, D), IO)
        V = T.match_buffer(v, (Bv, Hkv, Lkv, D), IO)
        DO = T.match_buffer(do, (Bv, Hv, Lqv, D), IO)
        LSE = T.match_buffer(lse, (Bv, Hv, Lqv), "float32")
        DELTA = T.match_buffer(delta, (Bv, Hv, Lqv), "float32")
        DK = T.match_buffer(dk, (Bv, Hkv, Lkv, D), IO)
        DV = T.match_buffer(dv, (Bv, Hkv, Lkv, D), IO)
        HC = T.match_buffer(head_class, (Bv, Hv), "int32")
        CP = T.match_buffer(col_ptr, (NCv,), "int64")
        RI = T.match_buffer(row_idx, (NNZv,), "int32")
        FL = T.match_buffer(full, (NNZv,), "uint8")
        ORD = T.match_buffer(order, (Bv * Hkv * ((Lkv + (BK - 1)) // BK),), "int32")
        n_kb: T.let = (Lkv + (BK - 1)) // BK
        group: T.let = Hv // Hkv
        for t in T.parallel(Bv * Hkv * n_kb):
            task: T.let = ORD[t]
            b: T.let = task // (Hkv * n_kb)
            hk: T.let = task // n_kb % Hkv
            kb: T.let = task % n_kb
            k0: T.let = kb * BK
            KTR = T.alloc_buffer((D, BK), "float32", annotations=STACK)
            VTR = T.alloc_buffer((D, BK), "float32", annotations=STACK)
            DKT = T.alloc_buffer((D, BK), "float32", annotations=STACK)
            DVT = T.alloc_buffer((D, BK), "float32", annotations=STACK)
            P = T.alloc_buffer((BQ, BK), "float32", annotations=STACK)
            DS = T.alloc_buffer((BQ, BK), "float32", annotations=STACK)
            LR = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            DR = T.alloc_buffer((BQ,), "float32", annotations=STACK)
            for d in T.serial(D):
                for j in T.vectorized(BK):
                    KTR[d, j] = T.Cast("float32", K[b, hk, T.min(k0 + j, Lkv - 1), d]) * scale
                    VTR[d, j] = T.Cast("float32", V[b, hk, T.min(k0 + j, Lkv - 1), d])
                    DKT[d, j] = T.float32(0)
                    DVT[d, j] = T.float32(0)
            for hh in T.serial(group):
                h: T.let = hk * group + hh
                col: T.let = HC[b, h] * (n_kb + 1) + kb
                for e in T.serial(T.Cast("int32", CP[col]), T.Cast("int32", CP[col + 1])):
                    q0: T.let = RI[e] * BQ
                    for i in T.serial(BQ):
                        LR[i] = LSE[b, h, T.min(q0 + i, Lqv - 1)] * T.float32(LOG2E)
                        LR[i] = T.Select(LR[i] == T.float32(NEG_INF), T.float32(float("inf")), LR[i])
                        DR[i] = DELTA[b, h, T.min(q0 + i, Lqv - 1)]
                    # S (queries x keys) and dP, register tile key_tile queries x block_k
                    for it in T.serial(BQ // QTL):
                        ACC = T.alloc_buffer((QTL, BK), "float32", annotations=STACK)
                        ACCP = T.alloc_buffer((QTL, BK), "float32", annotations=STACK)
                        for r in T.unroll(QTL):
                            for j in T.vectorized(BK):
                                ACC[r, j] = T.float32(0)
                                ACCP[r, j] = T.float32(0)
                        for d in T.serial(D):
                            for r in T.unroll(QTL):
                                for j in T.vectorized(BK):
                                    ACC[r, j] = ACC[r, j] + T.Cast("float32", Q[b, h, T.min(q0 + it * QTL + r, Lqv - 1), d]) * KTR[d, j]
                                    ACCP[r, j] = ACCP[r, j] + T.Cast("float32", DO[b, h, T.min(q0 + it * QTL + r, Lqv - 1), d]) * VTR[d, j]
                        for r in T.unroll(QTL):
                            for j in T.vectorized(BK):
                                P[it * QTL + r, j] = ACC[r, j]
                                DS[it * QTL + r, j] = ACCP[r, j]
                    if FL[e] == T.uint8(0):
                        for i in T.serial(BQ):
                            for j in T.vectorized(BK):
                                DS[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "partial", True)
                                P[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "partial", False)
                    elif k0 + BK > Lkv or q0 + BQ > Lqv:
                        for i in T.serial(BQ):
                            for j in T.vectorized(BK):
                                DS[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "edge", True)
                                P[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "edge", False)
                    else:
                        for i in T.serial(BQ):
                            for j in T.vectorized(BK):
                                DS[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "full", True)
                                P[i, j] = pds_value(b, h, q0 + i, k0 + j, P[i, j], DS[i, j], LR[i], DR[i], "full", False)
                    # dV^T += dO^T P and dK^T += Q^T dS, register tile dim_tile x block_k
                    for dt in T.serial(D // DT):
                        AV = T.alloc_buffer((DT, BK), "float32", annotations=STACK)
                        AK = T.alloc_buffer((DT, BK), "float32", annotations=STACK)
                        for r in T.unroll(DT):
                            for j in T.vectorized(BK):
                                AV[r, j] = DVT[dt * DT + r, j]
                                AK[r, j] = DKT[dt * DT + r, j]
                        for i in T.serial(BQ):
                            for r in T.unroll(DT):
                                for j in T.vectorized(BK):
                                    AV[r, j] = AV[r, j] + T.Cast("float32", DO[b, h, T.min(q0 + i, Lqv - 1), dt * DT + r]) * P[i, j]
                                    AK[r, j] = AK[r, j] + T.Cast("float32", Q[b, h, T.min(q0 + i, Lqv - 1), dt * DT + r]) * DS[i, j]
                        for r in T.unroll(DT):
                            for j in T.vectorized(BK):
                                DVT[dt * DT + r, j] = AV[r, j]
                                DKT[dt * DT + r, j] = AK[r, j]
            for j in T.serial(T.min(BK, Lkv - k0)):
                for d in T.serial(D):
                    DK[b, hk, k0 + j, d] = T.Cast(IO, DKT[d, j] * scale)
                    DV[b, hk, k0 + j, d] = T.Cast(IO, DVT[d, j])

    return attach_extra_params(dkdv, sig, "dkdv"), sig
