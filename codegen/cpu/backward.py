"""The block-sparse attention backward kernels for the CPU (loop-level TVMScript).

Both recompute P from the forward's log-sum-exp instead of storing it:

    raw  = scale <Q[q], K[k]>,  s = score(raw),  P = exp(s - lse[q])
    dP   = <dO[q], V[k]>,  Delta[q] = <dO[q], O[q]> - dlse[q]
    dS   = P (dP - Delta[q]) * dscore/draw(raw)          (symbolic, ``derivative.py``)

(dlse: the gradient of the returned lse, zeros when it has none; d lse[q] / d s[q, k] =
P[q, k], so it enters only through Delta. A row with lse = -inf takes no dlse.)
    dQ   = scale * dS K,   dK = scale * dS^T Q,   dV = P^T dO

Tasks run in the host-made orders of ``PackedLayout.task_order`` / ``TransposedLayout.
task_order`` (load balance across threads).
``dq`` runs one task per (batch, head, query block) over the row layout, like the
forward, and also writes Delta (the dK/dV kernel reads it, so it runs second).
``dkdv`` runs one task per (batch, key head, key block) over the transposed layout
(``layout.transpose``), summing over the query heads of a grouped-query group.
The head dim D of q and k and the v head dim Dv may differ: S and dQ, dK run over D, dP,
Delta and dV over Dv (a fused pass of two products splits into one pass each).
A row with lse = -inf (empty mask) gets P = 0 and so zero gradients; masked elements
are selected to 0, never multiplied, and so is dS where P == 0 (a -inf score), so an
infinite derivative cannot leak a NaN. A row with a NaN lse (a NaN seen in the forward)
gets NaN P through ``exp2`` and so NaN gradients, as SDPA's would be.

The signature comes from ``signature.declare_kernel``; the task walk, the PARTIAL / edge /
FULL dispatch and the register-tile products are the macros of ``vecmath.cpu_loops``,
shared with the forward. Each kernel writes its per-element step once, taking the block
kind (``GradElement.keep``).

bfloat16 kernels for a CPU with AVX512-BF16 multiply on ``vdpbf16ps`` instead
(``uses_dot_products``, ``loops.dot_loops``; docs/cpu_precision.md), all sums and the
softmax / dS math in float32 (token-permuted rows too: the pair loads go through the
row maps; not the learnable-inputs variant, which keeps the float32 products):

    dQ    S = K Q^T and dP^T = V dO^T over pairs of D / Dv (Q and dO packed once per task);
          dQ^T += K^T dS^T over pairs of keys (dS rounded to pairs, K packed per block)
    dK/dV S and dP over pairs of D / Dv (K and V packed once per task); dV^T += dO^T P and
          dK^T += Q^T dS over pairs of queries (P, dS rounded to pairs, Q, dO packed per
          query block)
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.ir import nodes as ir

from spdsl.codegen.common.derivative import derivative
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, declare_kernel, make_signature
from spdsl.codegen.cpu.schedule import ScheduleConfig, dim_tile_for
from spdsl.codegen.common.vecmath import LOG2E, exp2
from spdsl.codegen.cpu import forward
from spdsl.codegen.cpu.loops import (DOT_ATTR, DOT_LANES, RowMap, bf16_pair, bind_slots, cpu_loops, dot_loops,
                                     dpbf16, over_slots, pair_buffers, pair_word, round_pair,
                                     rounded_accumulate, stack_buffer, stack_buffers, stack_tiles)

F0 = 0.0


class GradElement:
    """dS (and P) of one element as PrimExprs, in the three block variants. The GPU
    kernels reuse it with the hardware exp2 (``exp2_fn``)."""

    exp2_fn = staticmethod(exp2)  # the vectorisable polynomial: llvm's exp2 would be scalar calls

    def __init__(self, ex: ExprLowerer, sv: SizeVars, rows=None):
        self.ex, self.sv = ex, sv
        # (query, key) ``loops.RowMap``: the rows a (possibly permuted) grid slot reads
        self.rq, self.rk = rows or (RowMap(sv.Lq), RowMap(sv.Lk))
        self.dscore = None
        if ex.score is not None:
            d = derivative(ex.score)
            if not (isinstance(d, ir.Const) and float(d.value) == 1.0):
                self.dscore = d

    def _at(self, b, h, q, k):
        return b, h, self.rq.row(q), self.rk.row(k)

    def exponent(self, b, h, q, k, raw, lse2):
        """log2 P: ``score(raw) * log2 e - lse2``. The CPU kernels store it before taking
        ``exp2`` of it (:meth:`ds_from`): ``exp2`` binds its argument to a chain of Lets,
        and with a Select-heavy score inlined there the LLVM build of one kernel took
        minutes (``if qi in (0, 9) or ki in (3, 4) then -inf else score``: dQ 50 s -> 7 s)."""
        s = self.ex.score_at(*self._at(b, h, q, k), raw)
        return s * tirx.const(LOG2E, "float32") - lse2

    def p(self, b, h, q, k, raw, lse2):
        return self.exp2_fn(self.exponent(b, h, q, k, raw, lse2))

    def ds_from(self, b, h, q, k, raw, dp, t, delta):
        """dS of one element from its exponent ``t`` (:meth:`exponent`)."""
        if self.dscore is None:
            return self.exp2_fn(t) * (dp - delta)
        # P == 0 (a score of -inf, or an empty row) gives dS = 0 even where dscore is
        # infinite (log at 0); a NaN P still makes dS NaN
        pv = tirx.Var("p", "float32")
        val = pv * (dp - delta) * self.ex.expr_at(self.dscore, *self._at(b, h, q, k), raw)
        return tirx.Let(pv, self.exp2_fn(t), tirx.Select(pv == tirx.const(F0, "float32"), _zero(), val))

    def ds_from_p(self, b, h, q, k, raw, p, dp, delta):
        """dS of one element from its P ``p`` (0 where masked): 0 where P == 0 (a masked
        element, a score of -inf, an empty row) even if dP or dscore is not finite; a NaN
        P stays NaN."""
        val = p * (dp - delta)
        if self.dscore is not None:
            val = val * self.ex.expr_at(self.dscore, *self._at(b, h, q, k), raw)
        return tirx.Select(p == tirx.const(F0, "float32"), _zero(), val)

    def ds(self, b, h, q, k, raw, dp, lse2, delta):
        return self.ds_from(b, h, q, k, raw, dp, self.exponent(b, h, q, k, raw, lse2), delta)

    def keep(self, b, h, q, k, variant: str):
        """variant: "full" (nothing to check), "edge" (q < Lq and k < Lk), "partial"."""
        if variant == "full":
            return tirx.const(True, "bool")
        inside = tirx.And(self.rq.valid(q), self.rk.valid(k))
        if variant == "edge":
            return inside
        return tirx.And(inside, self.ex.mask_at(*self._at(b, h, q, k)))


def delta_start(lse, dlse):
    """What a row's Delta starts from before rowsum(dO O) is added: -dlse, or 0 where lse is
    -inf (a row that sees no key takes no lse gradient). The dQ and the fused kernels both
    start from it."""
    return tirx.Select(lse == tirx.const(NEG_INF, "float32"), _zero(), _zero() - dlse)


def _zero():
    return tirx.const(F0, "float32")


def uses_dot_products(dtype: str, cfg: ScheduleConfig, head_dim: int, v_head_dim: int | None = None) -> bool:
    """Whether the backward's block products run on vdpbf16ps: the forward's test
    (``forward.uses_dot_products``) plus an even v head dim (dP pairs along Dv) and
    block_k in whole 16-lane dot products (the dK/dV kernel's lanes are keys)."""
    dv = head_dim if v_head_dim is None else v_head_dim
    return (forward.uses_dot_products(dtype, cfg, head_dim) and dv % 2 == 0
            and cfg.block_k % DOT_LANES == 0)


def _with_dots(func, dots: bool):
    return func.with_attr(DOT_ATTR, True) if dots else func


def _setup(kind: str, mask, score, head_dim: int, cfg: ScheduleConfig, input_decls, dtype: str,
           v_head_dim: int, perm=(0, 0)):
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    rows = RowMap(sv.Lq, perm[0], cfg.block_q, "Mq"), RowMap(sv.Lk, perm[1], cfg.block_k, "Mk")
    g = GradElement(ExprLowerer(mask, score, sv, sig), sv, rows)
    p = declare_kernel(kind, sv, sig, head_dim=head_dim, block_q=cfg.block_q,
                       block_k=cfg.block_k, dtype=dtype, v_head_dim=v_head_dim)
    columns = kind in ("dkdv", "dqkv")
    lanes = cfg.block_k if columns else cfg.block_q
    if kind != "dqkv":  # the fused kernel's ORD holds its chunks' bounds, not a task order
        p = over_slots(p, *((rows[1], sv.Hk, cfg.block_k) if columns else (rows[0], sv.H, cfg.block_q)))
    loops = cpu_loops(p, sv, block_q=cfg.block_q, lanes=lanes, q_rows=rows[0])
    return sv, g, p, loops, exponent_row(g, lanes)


def exponent_row(g: GradElement, lanes: int):
    """T.macro: ``TT[l] = log2 P`` (:meth:`GradElement.exponent`) of the ``lanes`` elements
    of row ``o`` of the raw scores ``RAW``, element ``l`` at query ``q + l * q_lane``, key
    ``k + l * k_lane``, with lse2 ``LR[lr + l * lr_lane]`` (dQ: a key a row; dK/dV: a
    query a row)."""

    @T.macro
    def row(TT, RAW, o, LR, b, h, q, k, q_lane, k_lane, lr, lr_lane):
        for l in T.vectorized(lanes):
            TT[l] = g.exponent(b, h, q + l * q_lane, k + l * k_lane, RAW[o, l], LR[lr + l * lr_lane])

    return row


def dq_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                dtype: str = "float32", learn: bool = False, v_head_dim: int | None = None,
                perm=(0, 0)):
    """dQ (and Delta). Arguments: q k v o do lse dlse dq delta head_class row_ptr col_idx
    full order scale, then the pattern's inputs and random tables (:func:`declare_kernel`).
    q k v o do dq are ``dtype`` (float32, float16 or bfloat16); arithmetic, lse and delta
    are float32. ``learn`` makes the gradient variant ``dq_inputs``, which also
    accumulates the gradients of the float inputs the score reads into buffers appended
    to its arguments (``common/input_grads.py``, ``cpu/input_grads.py``). v, o and do
    have ``v_head_dim`` (default head_dim). ``perm``: as the forward's."""
    DV = head_dim if v_head_dim is None else v_head_dim
    sv, g, p, (_, row_tasks, block_kinds, products, accumulate), exponents = _setup(
        "dq", mask, score, head_dim, cfg, input_decls, dtype, DV, perm)
    rq, rk = g.rq, g.rk
    learn_step = None
    if learn and any(perm):
        raise ValueError("the gradient variant (learnable inputs) reads rows in order: "
                         "compile with permute=False")
    if learn:
        from spdsl.codegen.common.input_grads import plan as input_grad_plan
        from spdsl.codegen.cpu.input_grads import LearnStep

        learn_step = LearnStep(input_grad_plan(g.ex.score), g, p, sv, cfg.block_q, cfg.block_k)
    Q, K, V, O, DO, LSE, DLSE, DQ, DELTA = p.tensors.values()
    CI, FL, scale = p.IDX, p.FL, p.scale
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    KT, DT = cfg.bwd_key_tile, dim_tile_for(head_dim, cfg.dim_tile)
    dots = uses_dot_products(dtype, cfg, D, DV) and not learn
    if dots:
        dot_products, dot_accumulate = dot_loops(BQ)
        pair_accumulate = rounded_accumulate(dot_accumulate, BQ)

    @T.macro
    def delta_and_do(b, h, q0, DOT, DR, d, i):
        if DOT is None:  # dot path: dO is read as pairs
            DR[i] = DR[i] + T.Cast("float32", DO[b, h, rq.at(q0, i), d]) * T.Cast(
                "float32", O[b, h, rq.at(q0, i), d])
        else:
            DOT[d, i] = T.Cast("float32", DO[b, h, rq.at(q0, i), d])
            DR[i] = DR[i] + DOT[d, i] * T.Cast("float32", O[b, h, rq.at(q0, i), d])

    @T.macro
    def ds_block(variant, S, DP, LR, DR, b, h, q0, k0):
        TT = stack_buffer(BQ)
        for r in T.serial(BK):  # a key a row, queries across the lanes
            exponents(TT, S, r, LR, b, h, rq.slot(q0, 0), rk.slot(k0, r), 1, 0, 0, 1)
            for i in T.vectorized(BQ):
                S[r, i] = T.Select(g.keep(b, h, rq.slot(q0, i), rk.slot(k0, r), variant),
                                   g.ds_from(b, h, rq.slot(q0, i), rk.slot(k0, r), S[r, i], DP[r, i], TT[i], DR[i]), _zero())

    @T.macro
    def task(b, h, hk, q0, rbeg, rend):
        if dots:  # Q, dO as pairs along D / Dv; K and dS^T as pairs along keys
            QT, DOT = T.meta_var([None, None])
            QP, DOP, KP, DSP = pair_buffers((D // 2, BQ), (DV // 2, BQ), (BK // 2, D), (BK // 2, BQ))
            DQT = stack_buffer(D, BQ)
        else:
            QT, DOT, DQT = stack_tiles((D, DV, D), BQ)
        S, DP = stack_buffers((BK, BQ), 2)
        LR, DR = stack_buffers((BQ,), 2)
        # the task's rows, transposed into the tiles (serial loops: 64-lane gathers of
        # strided rows made this kernel's LLVM build several times slower, for nothing)
        for i in T.serial(BQ):
            LR[i] = LSE[b, h, rq.at(q0, i)] * T.float32(LOG2E)
            LR[i] = T.Select(LR[i] == T.float32(NEG_INF), T.float32(float("inf")), LR[i])
            DR[i] = delta_start(LSE[b, h, rq.at(q0, i)], DLSE[b, h, rq.at(q0, i)])
            for d in T.serial(D):
                if not dots:
                    QT[d, i] = T.Cast("float32", Q[b, h, rq.at(q0, i), d]) * scale
                if DV == D:
                    delta_and_do(b, h, q0, DOT, DR, d, i)
                DQT[d, i] = T.float32(0)
            if dots:  # unscaled: the scale multiplies S
                for d2 in T.serial(D // 2):
                    QP[d2, i] = pair_word(Q, b, h, rq.at(q0, i), 2 * d2)
                for d2 in T.serial(DV // 2):
                    DOP[d2, i] = pair_word(DO, b, h, rq.at(q0, i), 2 * d2)
        if DV != D:
            for i in T.serial(BQ):
                for d in T.serial(DV):
                    delta_and_do(b, h, q0, DOT, DR, d, i)
        for j in T.serial(rbeg, rend):
            k0: T.let = CI[j] * BK
            if dots:
                dot_products(S, K, QP, b, hk, k0, rk, BK, KT, D // 2, scale, Y2=DP, G2=V, XP2=DOP,
                             pairs2=DV // 2)
            else:
                products(S, K, QT, DP, V, DOT, b, hk, k0, rk, BK, KT, D, DV)
            if learn_step is not None:  # learnable inputs: reads the raw S, so before dS
                block_kinds(FL[j], k0 + BK > rk.slots or q0 + BQ > rq.slots, True, learn_step.block, S, DP, LR, DR, b, h, q0, k0, j)
            block_kinds(FL[j], k0 + BK > rk.slots or q0 + BQ > rq.slots, True, ds_block, S, DP, LR, DR, b, h, q0, k0)
            if dots:  # dS^T rounded to bfloat16 pairs and K packed, both along keys
                pair_accumulate(DQT, K, S, KP, DSP, b, hk, k0, rk, BK, None, D, DT)
            else:
                accumulate(DQT, K, S, None, None, None, b, hk, k0, rk, BK, None, D, DT, D, DT)
        for i in T.serial(rq.count(q0, BQ)):
            if rq.stored(q0, i):
                DELTA[b, h, rq.store_at(q0, i)] = DR[i]
                for d in T.serial(D):
                    DQ[b, h, rq.store_at(q0, i), d] = T.Cast(dtype, DQT[d, i] * scale)

    @T.prim_func(check_well_formed=False)
    def dq():
        row_tasks(task)

    if learn_step is not None:  # its buffers follow the pattern's inputs and random tables
        from dataclasses import replace

        sig = replace(p.sig, buffers=[*p.sig.buffers, *learn_step.buffers])
        return replace(p, sig=sig).primfunc(dq, "dq_inputs"), p.sig
    return _with_dots(bind_slots(p.primfunc(dq, "dq"), rq, rk), dots), p.sig


def fuses(dtype: str, cfg: ScheduleConfig, head_dim: int, v_head_dim: int | None = None) -> bool:
    """Whether the fused backward (:func:`dkdv_primfunc` with ``fused``) exists for this
    build: everywhere but, on the vdpbf16ps path, a head dim not in whole 16-lane dot
    products (its dQ tiles put the head dim across the lanes). Token-permuted rows fuse
    too: the dQ sums are kept per slot of the permuted grid."""
    return not uses_dot_products(dtype, cfg, head_dim, v_head_dim) or head_dim % DOT_LANES == 0


def dkdv_primfunc(mask, score, head_dim: int, cfg: ScheduleConfig, input_decls=None,
                  dtype: str = "float32", v_head_dim: int | None = None, perm=(0, 0),
                  fused: bool = False):
    """dK and dV. Arguments: q k v do lse delta dk dv head_class col_ptr row_idx full_t
    order scale, then the pattern's inputs and random tables (:func:`declare_kernel`).
    q k v do dk dv are ``dtype``; arithmetic, lse and delta are float32. v, do and dv
    have ``v_head_dim`` (default head_dim). ``perm``: as the forward's.

    ``fused`` makes the fused backward "dqkv" (only where :func:`fuses`): its tasks take
    the key blocks of one (batch, key head) in chunks (``kb``, int32 [C + 1]: the chunks'
    key-block bounds, made on the host so that the tasks balance) and also accumulate
    dQ = scale dS K from the dS they have, each chunk into its own slice of ``dqa``
    (float32 [C, B, H, n_qb * block_q, D], rows indexed by slot of the query grid, the
    permuted one under ``perm``): no two tasks touch one row, and a last pass adds the
    chunks in order and writes each slot's sum to its row (padding slots: nowhere), so the
    sums are deterministic. P and dP are computed once per block pair instead of twice (5
    block products instead of 7). Arguments: q k v o do lse dlse delta dq dk dv dqa
    head_class col_ptr row_idx full_t kb scale, then as dK/dV's; a first pass writes delta
    per tensor row (as the dQ kernel does; every later read goes through the row map)."""
    DV = head_dim if v_head_dim is None else v_head_dim
    if fused and not fuses(dtype, cfg, head_dim, DV):
        raise ValueError("the fused backward on vdpbf16ps needs a head dim in 16s")
    sv, g, p, (parallel_tasks, _, block_kinds, products, accumulate), exponents = _setup(
        "dqkv" if fused else "dkdv", mask, score, head_dim, cfg, input_decls, dtype, DV, perm)
    rq, rk = g.rq, g.rk
    if fused:
        Q, K, V, O, DO, LSE, DLSE, DELTA, DQ, DK, DVG, DQA = p.tensors.values()
    else:
        Q, K, V, DO, LSE, DELTA, DK, DVG = p.tensors.values()
        DQ = DQA = None
    HC, CP, RI, FL, scale = p.HC, p.PTR, p.IDX, p.FL, p.scale
    KBS = p.ORD  # the fused kernel's chunk bounds
    Bv, Hv, Hkv, Lqv = sv.B, sv.H, sv.Hk, sv.Lq
    D, BQ, BK = head_dim, cfg.block_q, cfg.block_k
    QTL, DT = cfg.bwd_key_tile, dim_tile_for(head_dim, cfg.dim_tile)
    DTV = dim_tile_for(DV, cfg.dim_tile)
    dots = uses_dot_products(dtype, cfg, D, DV)
    if dots:
        dot_products, dot_accumulate = dot_loops(BK)
        if DV == D:  # dV and dK share one pass: half the rows keep ~16 accumulators (as bwd_key_tile);
            # causal L=2048 D=64: dK/dV 90 -> 68 ms against dim_tile's 4 rows of each (spills)
            DT = DTV = dim_tile_for(D, max(1, cfg.dim_tile // 2))

    @T.macro
    def pds_block(variant, P, DS, LR, DR, b, h, q0, k0):
        TT = stack_buffer(BK)
        for i in T.serial(BQ):  # a query a row, keys across the lanes
            exponents(TT, P, i, LR, b, h, rq.slot(q0, i), rk.slot(k0, 0), 0, 1, i, 0)
            for j in T.vectorized(BK):  # P, once (0 where masked)
                TT[j] = T.Select(g.keep(b, h, rq.slot(q0, i), rk.slot(k0, j), variant), g.exp2_fn(TT[j]), _zero())
            for j in T.vectorized(BK):  # dS from that P; P over the raw scores dS read
                DS[i, j] = g.ds_from_p(b, h, rq.slot(q0, i), rk.slot(k0, j), P[i, j], TT[j], DS[i, j], DR[i])
                P[i, j] = TT[j]

    QRT = dim_tile_for(BQ, max(1, 256 // D))  # query rows per dQ register tile (~16 zmm at D=64)

    @T.macro
    def dq_block(DS, KPK, c, b, h, hk, q0, k0):
        """dQ += dS K of the block pair into ``dqa``: dQ rows in register tiles, the head
        dim across the lanes (dS is [queries, keys]: no transpose). K's rows are read in
        place, or on vdpbf16ps packed as pairs along keys (``KPK``, once per key block)
        against dS rounded to pairs (as the dQ kernel rounds it)."""
        for rt in T.serial(BQ // QRT):
            A = stack_buffer(QRT, D)
            for r in T.unroll(QRT):
                for d in T.vectorized(D):
                    A[r, d] = DQA[c, b, h, q0 + rt * QRT + r, d]
            if dots:
                for j2 in T.serial(BK // 2):
                    for r in T.unroll(QRT):
                        word: T.let = round_pair(DS[rt * QRT + r, 2 * j2], DS[rt * QRT + r, 2 * j2 + 1])
                        for v in T.unroll(D // DOT_LANES):
                            A[r, T.ramp(v * DOT_LANES, 1, DOT_LANES)] = dpbf16(
                                A.vload([r, v * DOT_LANES], "float32x16"), word,
                                KPK.vload([j2, v * DOT_LANES], "int32x16"))
            else:
                for j in T.serial(BK):
                    for r in T.unroll(QRT):
                        for d in T.vectorized(D):
                            A[r, d] = A[r, d] + DS[rt * QRT + r, j] * T.Cast("float32", K[b, hk, rk.at(k0, j), d])
            for r in T.unroll(QRT):
                for d in T.vectorized(D):
                    DQA[c, b, h, q0 + rt * QRT + r, d] = A[r, d]

    @T.macro
    def key_block(b, hk, kb, n_kb, group, c):
        k0: T.let = kb * BK
        if dots:  # K, V as pairs along D / Dv; Q, dO, P, dS as pairs along queries
            KP, VP, QP, DOP, PP, DSP = pair_buffers((D // 2, BK), (DV // 2, BK), (BQ // 2, D), (BQ // 2, DV),
                                                    (BQ // 2, BK), (BQ // 2, BK))
            DKT, DVT = stack_tiles((D, DV), BK)
        else:
            KTR, VTR, DKT, DVT = stack_tiles((D, DV, D, DV), BK)
        P, DS = stack_buffers((BQ, BK), 2)
        LR, DR = stack_buffers((BQ,), 2)
        for d in T.serial(D):
            for j in T.vectorized(BK):
                if not dots:
                    KTR[d, j] = T.Cast("float32", K[b, hk, rk.at(k0, j), d]) * scale
                    if DV == D:
                        VTR[d, j] = T.Cast("float32", V[b, hk, rk.at(k0, j), d])
                DKT[d, j] = T.float32(0)
                if DV == D:
                    DVT[d, j] = T.float32(0)
        if DV != D:
            for d in T.serial(DV):
                for j in T.vectorized(BK):
                    if not dots:
                        VTR[d, j] = T.Cast("float32", V[b, hk, rk.at(k0, j), d])
                    DVT[d, j] = T.float32(0)
        KPK = T.meta_var(pair_buffers((BK // 2, D))[0] if dots and fused else None)
        if dots:  # unscaled: the scale multiplies S
            for j in T.serial(BK):
                for d2 in T.serial(D // 2):
                    KP[d2, j] = pair_word(K, b, hk, rk.at(k0, j), 2 * d2)
                for d2 in T.serial(DV // 2):
                    VP[d2, j] = pair_word(V, b, hk, rk.at(k0, j), 2 * d2)
            if fused:  # the fused dQ's K: pairs along keys
                for j2 in T.serial(BK // 2):
                    for d in T.vectorized(D):
                        KPK[j2, d] = bf16_pair(K[b, hk, rk.at(k0, 2 * j2), d],
                                               K[b, hk, rk.at(k0, 2 * j2 + 1), d])
        for hh in T.serial(group):
            h: T.let = hk * group + hh
            col: T.let = HC[b, h] * (n_kb + 1) + kb
            for e in T.serial(T.Cast("int32", CP[col]), T.Cast("int32", CP[col + 1])):
                q0: T.let = RI[e] * BQ
                for i in T.serial(BQ):
                    LR[i] = LSE[b, h, rq.at(q0, i)] * T.float32(LOG2E)
                    LR[i] = T.Select(LR[i] == T.float32(NEG_INF), T.float32(float("inf")), LR[i])
                    DR[i] = DELTA[b, h, rq.at(q0, i)]
                # S (queries x keys) and dP, register tile key_tile queries x block_k
                if dots:
                    dot_products(P, Q, KP, b, h, q0, rq, BQ, QTL, D // 2, scale, Y2=DS, G2=DO, XP2=VP,
                                 pairs2=DV // 2)
                else:
                    products(P, Q, KTR, DS, DO, VTR, b, h, q0, rq, BQ, QTL, D, DV)
                block_kinds(FL[e], k0 + BK > rk.slots or q0 + BQ > rq.slots, True, pds_block, P, DS, LR, DR, b, h, q0, k0)
                # dV^T += dO^T P and dK^T += Q^T dS, register tile dim_tile x block_k
                if dots:  # P, dS rounded to bfloat16 and Q, dO packed, all in pairs along queries
                    for q2 in T.serial(BQ // 2):
                        for j in T.vectorized(BK):
                            PP[q2, j] = round_pair(P[2 * q2, j], P[2 * q2 + 1, j])
                            DSP[q2, j] = round_pair(DS[2 * q2, j], DS[2 * q2 + 1, j])
                    for q2 in T.serial(BQ // 2):
                        for d in T.vectorized(D):
                            QP[q2, d] = bf16_pair(Q[b, h, rq.at(q0, 2 * q2), d],
                                                  Q[b, h, rq.at(q0, 2 * q2 + 1), d])
                        for d in T.vectorized(DV):
                            DOP[q2, d] = bf16_pair(DO[b, h, rq.at(q0, 2 * q2), d],
                                                   DO[b, h, rq.at(q0, 2 * q2 + 1), d])
                    dot_accumulate(DVT, DOP, PP, BQ // 2, None, DV, DTV, Y2=DKT, GP2=QP, XP2=DSP, dim2=D,
                                   tile2=DT)
                else:
                    accumulate(DVT, DO, P, DKT, Q, DS, b, h, q0, rq, BQ, None, DV, DTV, D, DT)
                if fused:
                    dq_block(DS, KPK, c, b, h, hk, q0, k0)
        for j in T.serial(rk.count(k0, BK)):
            if rk.stored(k0, j):
                for d in T.serial(D):
                    DK[b, hk, rk.store_at(k0, j), d] = T.Cast(dtype, DKT[d, j] * scale)
                    if DV == D:
                        DVG[b, hk, rk.store_at(k0, j), d] = T.Cast(dtype, DVT[d, j])
                if DV != D:
                    for d in T.serial(DV):
                        DVG[b, hk, rk.store_at(k0, j), d] = T.Cast(dtype, DVT[d, j])

    @T.macro
    def key_task(task, n_kb, group):
        b: T.let = T.truncdiv(task, Hkv * n_kb)
        hk: T.let = T.truncmod(T.truncdiv(task, n_kb), Hkv)
        kb: T.let = T.truncmod(task, n_kb)
        key_block(b, hk, kb, n_kb, group, 0)

    @T.macro
    def delta_task(t):
        """The fused backward's first pass: Delta of one (batch, head), summed as the dQ
        kernel sums it."""
        b: T.let = T.truncdiv(t, Hv)
        h: T.let = T.truncmod(t, Hv)
        DRS = stack_buffer(1)
        for r in T.serial(Lqv):
            DRS[0] = delta_start(LSE[b, h, r], DLSE[b, h, r])
            for d in T.serial(DV):
                DRS[0] = DRS[0] + T.Cast("float32", DO[b, h, r, d]) * T.Cast("float32", O[b, h, r, d])
            DELTA[b, h, r] = DRS[0]

    @T.macro
    def chunk_task(task, n_kb, group):
        """The fused backward's task: chunk c of the key blocks of one (batch, key head)."""
        c: T.let = T.truncdiv(task, Bv * Hkv)
        b: T.let = T.truncdiv(T.truncmod(task, Bv * Hkv), Hkv)
        hk: T.let = T.truncmod(task, Hkv)
        for hh in T.serial(group):
            for r in T.serial(DQA.shape[3]):
                for d in T.vectorized(D):
                    DQA[c, b, hk * group + hh, r, d] = T.float32(0)
        for kb in T.serial(KBS[c], KBS[c + 1]):
            key_block(b, hk, kb, n_kb, group, c)

    @T.macro
    def dq_task(t, n_qb):
        """The fused backward's last pass: dQ of one (batch, head, query block of slots),
        the chunks' sums added in order, each slot written to its row."""
        b: T.let = T.truncdiv(t, Hv * n_qb)
        h: T.let = T.truncmod(T.truncdiv(t, n_qb), Hv)
        q0: T.let = T.truncmod(t, n_qb) * BQ
        ACC = stack_buffer(D)
        for r in T.serial(rq.count(q0, BQ)):
            if rq.stored(q0, r):
                for d in T.vectorized(D):
                    ACC[d] = DQA[0, b, h, q0 + r, d]
                for c in T.serial(1, DQA.shape[0]):
                    for d in T.vectorized(D):
                        ACC[d] = ACC[d] + DQA[c, b, h, q0 + r, d]
                for d in T.vectorized(D):
                    DQ[b, h, rq.store_at(q0, r), d] = T.Cast(dtype, ACC[d] * scale)

    @T.prim_func(check_well_formed=False)
    def dkdv():
        # one task per (batch, key head, key block), over the heads of its query group
        n_kb: T.let = T.truncdiv(rk.slots + (BK - 1), BK)
        group: T.let = T.truncdiv(Hv, Hkv)
        parallel_tasks(Bv * Hkv * n_kb, key_task, n_kb, group)

    if fused:
        @T.prim_func(check_well_formed=False)
        def dqkv():
            # Delta; then a task per (chunk of key blocks, batch, key head), over the heads of
            # its group; then dQ from the chunks' sums
            n_kb: T.let = T.truncdiv(rk.slots + (BK - 1), BK)
            group: T.let = T.truncdiv(Hv, Hkv)
            for t in T.parallel(Bv * Hv):
                delta_task(t)
            for t in T.parallel(DQA.shape[0] * Bv * Hkv):
                chunk_task(t, n_kb, group)
            n_qb: T.let = T.truncdiv(DQA.shape[3], BQ)
            for t in T.parallel(Bv * Hv * n_qb):
                dq_task(t, n_qb)

        return _with_dots(bind_slots(p.primfunc(dqkv, "dqkv"), rq, rk), dots), p.sig
    return _with_dots(bind_slots(p.primfunc(dkdv, "dkdv"), rq, rk), dots), p.sig
