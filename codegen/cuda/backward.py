"""The block-sparse attention backward kernels for NVIDIA GPUs (loop-level TVMScript,
CUDA cores, float32 arithmetic; tensors float32, float16 or bfloat16).

The math is the CPU kernels' (``cpu/backward.py``): P is recomputed from the forward's
log-sum-exp instead of being stored,

    raw  = scale <Q[q], K[k]>,  s = score(raw),  P = exp(s - lse[q])
    dP   = <dO[q], V[k]>,  Delta[q] = <dO[q], O[q]> - dlse[q]
    dS   = P (dP - Delta[q]) * dscore/draw(raw)          (symbolic, ``derivative.py``)
    dQ   = scale * dS K,   dK = scale * dS^T Q,   dV = P^T dO

Two kernels, launched one after the other on the same stream:

``dq_simt_primfunc``    one thread block per (batch, head, query block) row of the block
    layout (order: longest row first, ``cuda.gpu_order``), one thread per query row. Q,
    dO and the dQ accumulator stay in registers; K and V are staged in shared memory
    ``tile`` keys at a time. Also writes Delta (float32 [B, H, Lq]).
``dkdv_simt_primfunc``  one thread block per (batch, key head, key block) column of the
    transposed layout (``layout.transpose``), one thread per key. K, V and the dK / dV
    accumulators stay in registers; Q, dO, lse and Delta are staged in shared memory
    ``tile`` queries at a time. The query heads of a grouped-query group are summed in
    the block, so there are no atomics.

v (with dO, O and dV) may have a head dim Dv other than q's and k's D: S, dQ and dK run
over D, dP, Delta and dV over Dv, each staged in tiles of its own width.

Both are body macros in ``frame.kernel``'s frame; the dS / P step is written once and
dispatched per block kind by ``blocks.by_block_kind``, the staging and the two row
products are ``blocks.stage_pair`` and ``blocks.row_dots``.

The mask is evaluated only in PARTIAL blocks; FULL blocks that cross Lq or Lk check
the ranges only. Masked and out-of-range elements are selected to 0, never multiplied,
and a row with lse = -inf (empty mask) gets P = exp2(s - inf) = 0, so gradients of
empty rows are 0, never NaN; dS is 0 where P is 0 (a -inf score) whatever the score's
derivative; a NaN lse (a row that saw a NaN) gives NaN P and NaN gradients. Rows and keys past Lq / Lk are never read (indices clamped,
staged tiles zero-filled) and never written.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.cpu.backward import GradElement
from spdsl.codegen.cuda.blocks import by_block_kind, key_tiles, row_dots, stage_pair
from spdsl.codegen.cuda.config import SHARED_LIMIT, CudaConfig
from spdsl.codegen.cuda.frame import kernel
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, make_signature
from spdsl.codegen.common.vecmath import LOG2E

POS_INF = float("inf")
MAX_THREADS = 1024


def backward_tile(cfg: CudaConfig, block: int, head_dim: int, v_head_dim: int | None = None,
                  extra: tuple[int, int] = (0, 0)) -> int:
    """Rows per shared-memory tile of the backward kernels (keys for dQ, queries for
    dK/dV): the largest divisor of ``block`` that is <= ``cfg.kv_tile`` and whose two
    float32 tiles (K and V, or Q and dO: the second ``v_head_dim`` wide, default
    ``head_dim``; plus lse and Delta) fit 48 KiB. ``extra``: (bytes per row, fixed
    bytes) of more shared memory (the gradient variant's scratch, ``input_grads.py``)."""
    dv = head_dim if v_head_dim is None else v_head_dim
    for t in range(min(cfg.kv_tile, block), 0, -1):
        if block % t == 0 and t * (head_dim + dv + 2) * 4 + t * extra[0] + extra[1] <= SHARED_LIMIT:
            return t
    dims = f"head_dim {head_dim}" if dv == head_dim else f"head_dims {head_dim} (q, k) and {dv} (v)"
    raise ValueError(f"{dims} is too large for the CUDA-core backward kernels")


def check_backward(cfg: CudaConfig, head_dim: int, v_head_dim: int | None = None) -> None:
    """Raise ValueError when the backward kernels cannot be built for ``cfg``."""
    for name in ("block_q", "block_k", "kv_tile"):
        if getattr(cfg, name) <= 0:
            raise ValueError(f"CudaConfig.{name} must be positive")
    if max(cfg.block_q, cfg.block_k) > MAX_THREADS:
        raise ValueError("CUDA-core backward: block_q and block_k (threads) must be <= 1024")
    backward_tile(cfg, cfg.block_k, head_dim, v_head_dim)
    # the dK/dV kernel's block_k threads stage lse and Delta, one query each
    if backward_tile(cfg, cfg.block_q, head_dim, v_head_dim) > cfg.block_k:
        raise ValueError("CUDA-core backward: the query tile must not exceed block_k")


class _Grad(GradElement):
    """P and dS of one element (base-2 exponentials, float32), with CUDA's exp2."""

    exp2_fn = staticmethod(tirx.exp2)

    def ds_value(self, b, h, q, k, raw, dp, lse2, delta, variant):
        return tirx.Select(self.keep(b, h, q, k, variant),
                           self.ds(b, h, q, k, raw, dp, lse2, delta), tirx.const(0.0, "float32"))

    def ds_from_p(self, b, h, q, k, raw, p, dp, delta, variant):
        """dS given this element's P (already 0 where masked or out of range)."""
        val = p * (dp - delta)
        if self.dscore is None:
            return val
        val = val * self.ex.expr_at(self.dscore, *self._at(b, h, q, k), raw)
        # P == 0 (-inf score): dS = 0 even where dscore is infinite; a NaN P stays NaN
        keep = tirx.And(self.keep(b, h, q, k, variant), p != tirx.const(0.0, "float32"))
        return tirx.Select(keep, val, tirx.const(0.0, "float32"))

    def p_value(self, b, h, q, k, raw, lse2, variant):
        return tirx.Select(self.keep(b, h, q, k, variant), self.p(b, h, q, k, raw, lse2),
                           tirx.const(0.0, "float32"))


def setup(mask, score, input_decls):
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    return sv, sig, _Grad(ex, sv)


def lse2(x):
    """lse in base 2, with -inf (an empty row) turned into +inf so that P = 0."""
    y = x * tirx.const(LOG2E, "float32")
    return tirx.Select(y == tirx.const(NEG_INF, "float32"), tirx.const(POS_INF, "float32"), y)


def no_dlse_if_empty(lse2_value, dlse):
    """lse's gradient as the dQ kernels fold it into Delta: 0 for a row that sees no key
    (lse2 turned into +inf), whose lse is constant, so that no dlse (not even a NaN one)
    reaches its zero P."""
    return tirx.Select(lse2_value == tirx.const(POS_INF, "float32"), tirx.const(0.0, "float32"), dlse)


def dq_simt_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                     dtype: str = "float32", v_head_dim: int | None = None, learn: bool = False):
    """dQ and Delta. Arguments: q k v o do lse dlse dq delta head_class row_ptr col_idx
    full order scale, then the pattern's inputs and random tables (the CPU dq kernel's ABI).
    ``learn`` makes the gradient variant ``dq_inputs`` (``input_grads.py``): the
    learnable inputs' accumulation buffers follow, as the CPU variant's."""
    sv, sig, g = setup(mask, score, input_decls)
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, BK, IO = head_dim, cfg.block_q, cfg.block_k, dtype
    DV = D if v_head_dim is None else v_head_dim
    learn_step, finish = None, None
    if learn:
        from spdsl.codegen.common.input_grads import plan as input_grad_plan
        from spdsl.codegen.cuda.input_grads import CudaLearnStep

        learner = CudaLearnStep(input_grad_plan(g.ex.score), g, sv, BQ, BK)
        KT = backward_tile(cfg, BK, head_dim, DV, learner.shared)
        scratch, zero_acc, learn_step, finish = learner.macros(KT)
    else:
        KT = backward_tile(cfg, BK, head_dim, DV)

        def scratch():
            return (None,) * 5
    tiles = key_tiles(block_k=BK, tile=KT, threads=BQ, head_dim=D, Lk=Lkv, v_head_dim=DV)
    dots = row_dots(D, DV)

    @T.macro
    def grads(kind, SR, PR, ST, b, h, qi, kc):
        for r in T.serial(KT):
            SR[r] = g.ds_value(b, h, qi, kc + r, SR[r], PR[r], ST[0], ST[1], kind)

    @T.macro
    def body(Q, K, V, O, DO, LSE, DLSE, DQ, DELTA, HC, RP, CI, FL, scale, tx, n_qb, b, h, qb, hk):
        KS = T.alloc_buffer((KT, D), "float32", scope="shared")
        VS = T.alloc_buffer((KT, DV), "float32", scope="shared")
        QR = T.alloc_buffer((D,), "float32", scope="local")    # scale * Q row
        DOR = T.alloc_buffer((DV,), "float32", scope="local")
        DQR = T.alloc_buffer((D,), "float32", scope="local")
        SR = T.alloc_buffer((KT,), "float32", scope="local")   # raw, then dS
        PR = T.alloc_buffer((KT,), "float32", scope="local")   # dP
        ST = T.alloc_buffer((2,), "float32", scope="local")    # lse2, Delta
        GR, ACC, CS, XS, RED = T.meta_var(scratch())           # the gradient variant's
        qi: T.let = qb * BQ + tx
        qc: T.let = T.min(qi, Lqv - 1)
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])
        ST[0] = lse2(LSE[b, h, qc])
        ST[1] = T.float32(0) - no_dlse_if_empty(ST[0], DLSE[b, h, qc])
        for d in T.unroll(D):
            QR[d] = T.Cast("float32", Q[b, h, qc, d]) * scale
            if DV == D:
                DOR[d] = T.Cast("float32", DO[b, h, qc, d])
                ST[1] = ST[1] + DOR[d] * T.Cast("float32", O[b, h, qc, d])
            DQR[d] = T.float32(0)
        if DV != D:
            for d in T.unroll(DV):
                DOR[d] = T.Cast("float32", DO[b, h, qc, d])
                ST[1] = ST[1] + DOR[d] * T.Cast("float32", O[b, h, qc, d])
        if learn_step is not None:
            zero_acc(ACC)

        @T.inline
        def tile(j, kc):
            dots(SR, PR, KT, QR, KS, DOR, VS)
            if learn_step is not None:  # learnable inputs: reads the raw SR, so before dS
                learn_step(FL[j] == T.uint8(0), kc + KT > Lkv, GR, ACC, CS, XS, SR, PR, ST, HC, RP, CI, b, h, qi, qb, n_qb, j, kc, tx)
            by_block_kind(FL[j] == T.uint8(0), kc + KT > Lkv, grads, SR, PR, ST, b, h, qi, kc)
            for r in T.serial(KT):
                for d in T.unroll(D):
                    DQR[d] = DQR[d] + SR[r] * KS[r, d]

        tiles(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, tile)
        if finish is not None:
            finish(ACC, RED, b, h, qi, qb, n_qb, tx)
        if qi < Lqv:
            DELTA[b, h, qi] = ST[1]
            for d in T.unroll(D):
                DQ[b, h, qi, d] = T.Cast(IO, DQR[d] * scale)

    if learn:  # its buffers follow the pattern's inputs and random tables
        from dataclasses import replace

        return kernel("dq", body, sv=sv, sig=replace(sig, buffers=[*sig.buffers, *learner.buffers]),
                      head_dim=D, dtype=IO, cfg=cfg, threads=BQ, v_head_dim=DV, symbol="dq_inputs"), sig
    return kernel("dq", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg, threads=BQ,
                  v_head_dim=DV), sig


def dkdv_simt_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                       dtype: str = "float32", v_head_dim: int | None = None):
    """dK and dV. Arguments: q k v do lse delta dk dv head_class col_ptr row_idx full_t
    order scale, then the pattern's inputs and random tables (the CPU dkdv kernel's ABI).
    ``order`` is int32 [B * Hk * n_kb]."""
    sv, sig, g = setup(mask, score, input_decls)
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, BK, IO = head_dim, cfg.block_q, cfg.block_k, dtype
    VD = D if v_head_dim is None else v_head_dim  # (DV is the body's dV buffer)
    QT = backward_tile(cfg, BQ, head_dim, VD)
    stage = stage_pair(threads=BK, rows=QT, head_dim=D, head_dim2=VD)
    dots = row_dots(D, VD)

    @T.macro
    def grads(kind, SR, PR, LS, DLS, b, h, qc, kj):
        for r in T.serial(QT):
            PR[r] = g.ds_value(b, h, qc + r, kj, SR[r], PR[r], LS[r], DLS[r], kind)
            SR[r] = g.p_value(b, h, qc + r, kj, SR[r], LS[r], kind)

    @T.macro
    def body(Q, K, V, DO, LSE, DELTA, DK, DV, HC, CP, RI, FL, scale, tx, n_kb, group, b, hk, kb):
        QS = T.alloc_buffer((QT, D), "float32", scope="shared")
        DOS = T.alloc_buffer((QT, VD), "float32", scope="shared")
        LS = T.alloc_buffer((QT,), "float32", scope="shared")   # lse2
        DLS = T.alloc_buffer((QT,), "float32", scope="shared")  # Delta
        KR = T.alloc_buffer((D,), "float32", scope="local")     # scale * K row
        VR = T.alloc_buffer((VD,), "float32", scope="local")
        DKR = T.alloc_buffer((D,), "float32", scope="local")
        DVR = T.alloc_buffer((VD,), "float32", scope="local")
        SR = T.alloc_buffer((QT,), "float32", scope="local")    # raw, then P
        PR = T.alloc_buffer((QT,), "float32", scope="local")    # dP, then dS
        kj: T.let = kb * BK + tx
        kcl: T.let = T.min(kj, Lkv - 1)
        for d in T.unroll(D):
            KR[d] = T.Cast("float32", K[b, hk, kcl, d]) * scale
            if VD == D:
                VR[d] = T.Cast("float32", V[b, hk, kcl, d])
            DKR[d] = T.float32(0)
            if VD == D:
                DVR[d] = T.float32(0)
        if VD != D:
            for d in T.unroll(VD):
                VR[d] = T.Cast("float32", V[b, hk, kcl, d])
                DVR[d] = T.float32(0)
        for hh in T.serial(group):
            h: T.let = hk * group + hh
            col: T.let = HC[b, h] * (n_kb + 1) + kb
            for e in T.serial(T.Cast("int32", CP[col]), T.Cast("int32", CP[col + 1])):
                for c in T.serial(BQ // QT):
                    qc: T.let = RI[e] * BQ + c * QT
                    T.tvm_storage_sync("shared")
                    stage(QS, DOS, Q, DO, b, h, qc, Lqv, tx)
                    if tx < QT:
                        LS[tx] = lse2(LSE[b, h, T.min(qc + tx, Lqv - 1)])
                        DLS[tx] = DELTA[b, h, T.min(qc + tx, Lqv - 1)]
                    T.tvm_storage_sync("shared")
                    dots(SR, PR, QT, QS, KR, DOS, VR)
                    by_block_kind(FL[e] == T.uint8(0), qc + QT > Lqv or kb * BK + BK > Lkv, grads, SR, PR, LS, DLS, b, h, qc, kj)
                    for r in T.serial(QT):
                        if VD == D:
                            for d in T.unroll(D):
                                DVR[d] = DVR[d] + SR[r] * DOS[r, d]
                                DKR[d] = DKR[d] + PR[r] * QS[r, d]
                        else:
                            for d in T.unroll(VD):
                                DVR[d] = DVR[d] + SR[r] * DOS[r, d]
                            for d in T.unroll(D):
                                DKR[d] = DKR[d] + PR[r] * QS[r, d]
        if kj < Lkv:
            for d in T.unroll(D):
                DK[b, hk, kj, d] = T.Cast(IO, DKR[d] * scale)
                if VD == D:
                    DV[b, hk, kj, d] = T.Cast(IO, DVR[d])
            if VD != D:
                for d in T.unroll(VD):
                    DV[b, hk, kj, d] = T.Cast(IO, DVR[d])

    return kernel("dkdv", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg, threads=BK,
                  v_head_dim=VD), sig
