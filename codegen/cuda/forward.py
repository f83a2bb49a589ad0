"""The block-sparse attention forward kernels for NVIDIA GPUs (loop-level TVMScript).

One thread block per (batch, head, query block) row of the block layout, taken in the
host-made order ``order`` (longest row first, see ``cuda.gpu_order``). The block walks
the row's nonzero key blocks (``layout.py``'s BSR) with an online softmax in base 2:

    s = score(scale * <q, k>) * log2 e     masked to -inf in PARTIAL blocks (mask
                                           expression) and past Lk; FULL blocks inside
                                           the key range evaluate no mask at all
    m, l, o    running max, sum and output, kept in registers

Two kernels:

``forward_simt_primfunc``  CUDA cores, any dtype (float32 arithmetic). One thread per
    query row; K and V staged in shared memory ``kv_tile`` keys at a time.
``forward_mma_primfunc``   tensor cores, float16 / bfloat16 (PTX ``mma.sync.m16n8k16``,
    fp32 accumulation). Each warp owns 16 query rows; Q stays in A fragments, K and V
    tiles are staged in shared memory, S and O accumulate in registers in the mma C layout
    (lane l holds rows l/4 and l/4+8, columns 2(l%4)+{0,1} of every 8-wide tile), the row
    max and sum reduce across the 4 lanes of a row with shuffles, and P is re-packed from
    the S accumulators into A fragments for O += P V without touching shared memory.

Out-of-range rows and keys are never read: indices are clamped (Q) or the loads replaced
by zero (K, V past Lk); those lanes are masked and never written.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.cuda.config import CudaConfig, mma_chunk, simt_kv_tile
from spdsl.codegen.cuda.tiles import MMA_DTYPE, a_frag_at, shfl_xor, tile_ops
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, attach_extra_params, make_signature
from spdsl.codegen.common.vecmath import LN2, LOG2E

# Loops left to nvcc's "#pragma unroll": TVM unrolling the mask / score code of every
# element made its simplifier take ~30 s on Longformer's mask; nvcc unrolls it in ~1 s.
NVCC_UNROLL = {"pragma_unroll_explicit": False}


class _Values:
    """Score-and-mask of one element, for the three block kinds (PARTIAL, FULL crossing
    Lk, FULL inside), in base 2. ``s`` is the raw float32 product <q, k>."""

    def __init__(self, ex: ExprLowerer, sv: SizeVars):
        self.ex, self.sv = ex, sv

    def _score(self, b, h, q, k, s, scale):
        sv = self.sv
        return self.ex.score_at(b, h, tirx.min(q, sv.Lq - 1), tirx.min(k, sv.Lk - 1), s * scale) \
            * tirx.const(LOG2E, "float32")

    def partial(self, b, h, q, k, s, scale):
        sv = self.sv
        keep = tirx.And(k < sv.Lk, self.ex.mask_at(b, h, tirx.min(q, sv.Lq - 1), tirx.min(k, sv.Lk - 1)))
        return tirx.Select(keep, self._score(b, h, q, k, s, scale), tirx.const(NEG_INF, "float32"))

    def edge(self, b, h, q, k, s, scale):
        return tirx.Select(k < self.sv.Lk, self._score(b, h, q, k, s, scale),
                           tirx.const(NEG_INF, "float32"))

    def full(self, b, h, q, k, s, scale):
        return self._score(b, h, q, k, s, scale)


def _setup(mask, score, input_decls):
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    return sv, sig, ex, _Values(ex, sv)


def forward_simt_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                          dtype: str = "float32"):
    """The CUDA-core forward kernel (any dtype; float32 arithmetic).

    Arguments: q k v out lse head_class row_ptr col_idx full order scale, then the inputs
    and random tables of :func:`make_signature` (the CPU kernel's ABI).
    """
    sv, sig, ex, val = _setup(mask, score, input_decls)
    Bv, Hv, Hkv, Lqv, Lkv = sv.B, sv.H, sv.Hk, sv.Lq, sv.Lk
    NRv, NNZv = tirx.Var("n_rows", "int32"), tirx.Var("nnz", "int32")
    D, BQ, BK, IO = head_dim, cfg.block_q, cfg.block_k, dtype
    KT = simt_kv_tile(cfg, head_dim)
    LOADS = (KT * D + BQ - 1) // BQ

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
        for t in T.thread_binding(Bv * Hv * ((Lqv + (BQ - 1)) // BQ), thread="blockIdx.x"):
            for tx in T.thread_binding(BQ, thread="threadIdx.x"):
                KS = T.alloc_buffer((KT, D), "float32", scope="shared")
                VS = T.alloc_buffer((KT, D), "float32", scope="shared")
                QR = T.alloc_buffer((D,), "float32", scope="local")
                OR = T.alloc_buffer((D,), "float32", scope="local")
                SR = T.alloc_buffer((KT,), "float32", scope="local")
                ST = T.alloc_buffer((4,), "float32", scope="local")  # m, l, mu, alpha
                n_qb: T.let = T.truncdiv(Lqv + (BQ - 1), BQ)
                task: T.let = ORD[t]
                b: T.let = T.truncdiv(task, Hv * n_qb)
                h: T.let = T.truncmod(T.truncdiv(task, n_qb), Hv)
                qb: T.let = T.truncmod(task, n_qb)
                hk: T.let = T.truncdiv(h, T.truncdiv(Hv, Hkv))
                qi: T.let = qb * BQ + tx
                row: T.let = HC[b, h] * (n_qb + 1) + qb
                rbeg: T.let = T.Cast("int32", RP[row])
                rend: T.let = T.Cast("int32", RP[row + 1])
                for d in T.unroll(D):
                    QR[d] = T.Cast("float32", Q[b, h, T.min(qi, Lqv - 1), d])
                    OR[d] = T.float32(0)
                ST[0] = T.float32(NEG_INF)
                ST[1] = T.float32(0)
                for j in T.serial(rbeg, rend):
                    for c in T.serial(BK // KT):
                        kc: T.let = CI[j] * BK + c * KT
                        T.tvm_storage_sync("shared")
                        for e in T.serial(LOADS):
                            if e * BQ + tx < KT * D:
                                kr: T.let = T.truncdiv(e * BQ + tx, D)
                                kd: T.let = T.truncmod(e * BQ + tx, D)
                                KS[kr, kd] = T.Select(kc + kr < Lkv, T.Cast("float32", K[b, hk, T.min(kc + kr, Lkv - 1), kd]), T.float32(0))
                                VS[kr, kd] = T.Select(kc + kr < Lkv, T.Cast("float32", V[b, hk, T.min(kc + kr, Lkv - 1), kd]), T.float32(0))
                        T.tvm_storage_sync("shared")
                        for r in T.serial(KT):
                            SR[r] = T.float32(0)
                            for d in T.unroll(D):
                                SR[r] = SR[r] + QR[d] * KS[r, d]
                        if FL[j] == T.uint8(0):
                            for r in T.serial(KT):
                                SR[r] = val.partial(b, h, qi, kc + r, SR[r], scale)
                        elif kc + KT > Lkv:
                            for r in T.serial(KT):
                                SR[r] = val.edge(b, h, qi, kc + r, SR[r], scale)
                        else:
                            for r in T.serial(KT):
                                SR[r] = val.full(b, h, qi, kc + r, SR[r], scale)
                        ST[2] = ST[0]
                        for r in T.serial(KT):
                            ST[2] = T.max(ST[2], SR[r])
                        ST[3] = T.exp2(ST[0] - T.Select(ST[2] == T.float32(NEG_INF), T.float32(0), ST[2]))
                        ST[0] = ST[2]
                        ST[2] = T.Select(ST[2] == T.float32(NEG_INF), T.float32(0), ST[2])
                        for r in T.serial(KT):
                            SR[r] = T.exp2(SR[r] - ST[2])
                        for d in T.unroll(D):
                            OR[d] = OR[d] * ST[3]
                        ST[1] = ST[1] * ST[3]
                        for r in T.serial(KT):
                            ST[1] = ST[1] + SR[r]
                            for d in T.unroll(D):
                                OR[d] = OR[d] + SR[r] * VS[r, d]
                if qi < Lqv:
                    ST[2] = T.Select(ST[1] > T.float32(0), T.float32(1) / ST[1], T.float32(0))
                    for d in T.unroll(D):
                        O[b, h, qi, d] = T.Cast(IO, OR[d] * ST[2])
                    LSE[b, h, qi] = T.Select(ST[1] > T.float32(0), (ST[0] + T.log2(ST[1])) * T.float32(LN2), T.float32(NEG_INF))

    return attach_extra_params(forward, sig, "forward"), sig


def forward_mma_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                         dtype: str = "float16"):
    """The tensor-core forward kernel (float16 / bfloat16 in and out, fp32 accumulation).

    Same arguments as :func:`forward_simt_primfunc`. ``cfg.block_q`` is 16 warps' rows.
    """
    if dtype not in MMA_DTYPE:
        raise ValueError(f"the tensor-core kernel takes float16 or bfloat16, not {dtype}")
    sv, sig, ex, val = _setup(mask, score, input_decls)
    Bv, Hv, Hkv, Lqv, Lkv = sv.B, sv.H, sv.Hk, sv.Lq, sv.Lk
    NRv, NNZv = tirx.Var("n_rows", "int32"), tirx.Var("nnz", "int32")
    D, BQ, BK, IO, AB = head_dim, cfg.block_q, cfg.block_k, dtype, MMA_DTYPE[dtype]
    NTH = 32 * cfg.mma_warps()
    STG = cfg.stages
    KC = mma_chunk(cfg, head_dim)      # keys per chunk (pipeline step)
    SPL = BK // KC                     # chunks per layout block
    KD, NS, KK, NO = D // 16, KC // 8, KC // 16, D // 8
    DP = D + cfg.smem_pad
    TILE = KC * DP                     # one staged K (or V) chunk
    copy_pair, products, accumulate = tile_ops(threads=NTH, rows=KC, head_dim=D, stride=DP, dtype=IO)

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
        for t in T.thread_binding(Bv * Hv * ((Lqv + (BQ - 1)) // BQ), thread="blockIdx.x"):
            for tx in T.thread_binding(NTH, thread="threadIdx.x"):
                KS = T.alloc_buffer((STG * TILE,), IO, scope="shared")  # rows padded to DP
                VS = T.alloc_buffer((STG * TILE,), IO, scope="shared")
                QF = T.alloc_buffer((KD * 8,), IO, scope="local")   # Q as A fragments
                SF = T.alloc_buffer((NS * 4,), "float32", scope="local")  # S, C layout
                PF = T.alloc_buffer((KK * 8,), IO, scope="local")   # P as A fragments
                OF = T.alloc_buffer((NO * 4,), "float32", scope="local")  # O, C layout
                BF = T.alloc_buffer((8,), IO, scope="local")        # B fragments of two n-tiles
                # per row (rr = 0, 1): m, l, max / shift, alpha
                ST = T.alloc_buffer((8,), "float32", scope="local")
                n_qb: T.let = T.truncdiv(Lqv + (BQ - 1), BQ)
                task: T.let = ORD[t]
                b: T.let = T.truncdiv(task, Hv * n_qb)
                h: T.let = T.truncmod(T.truncdiv(task, n_qb), Hv)
                qb: T.let = T.truncmod(task, n_qb)
                hk: T.let = T.truncdiv(h, T.truncdiv(Hv, Hkv))
                lane: T.let = T.truncmod(tx, 32)
                g: T.let = T.truncdiv(lane, 4)
                tq: T.let = T.truncmod(tx, 4)
                r0: T.let = qb * BQ + T.truncdiv(tx, 32) * 16 + g
                row: T.let = HC[b, h] * (n_qb + 1) + qb
                rbeg: T.let = T.Cast("int32", RP[row])
                rend: T.let = T.Cast("int32", RP[row + 1])
                for ks in T.unroll(KD):
                    for i in T.unroll(8):
                        ar, ac = T.meta_var(a_frag_at(r0, ks, tq, i))
                        QF[ks * 8 + i] = Q[b, h, T.min(ar, Lqv - 1), ac]
                for x in T.unroll(NO * 4):
                    OF[x] = T.float32(0)
                for rr in T.unroll(2):
                    ST[rr] = T.float32(NEG_INF)
                    ST[2 + rr] = T.float32(0)
                # step c copies chunk c (cp.async, into stage c % STG) and computes chunk
                # c - STG + 1: the copy of the next chunk overlaps this one's products
                n_ch: T.let = (rend - rbeg) * SPL
                for c in T.serial(n_ch + (STG - 1)):
                    T.tvm_storage_sync("shared")  # every warp is done with the stage reused here
                    if c < n_ch:
                        copy_pair(KS, VS, K, V, (b * Hkv + hk) * Lkv * D, CI[rbeg + T.truncdiv(c, SPL)] * BK + T.truncmod(c, SPL) * KC, Lkv, T.truncmod(c, STG) * TILE, tx)
                    T.evaluate(T.ptx.cp.async_.commit_group())
                    if c >= STG - 1:
                        T.evaluate(T.ptx.cp.async_.wait_group(STG - 1))
                        T.tvm_storage_sync("shared")  # every thread's copies of this chunk landed
                        cc: T.let = c - (STG - 1)
                        j: T.let = rbeg + T.truncdiv(cc, SPL)
                        k0: T.let = CI[j] * BK + T.truncmod(cc, SPL) * KC
                        so: T.let = T.truncmod(cc, STG) * TILE
                        # S = Q K^T (B fragments: K[key, d] by ldmatrix, two key tiles at a time)
                        products(QF, BF, KS, SF, lane, NS, KD, AB, so)
                        # score and mask; element x sits at row r0 + 8 * (x % 4 // 2),
                        # key k0 + 8 * (x // 4) + 2 * tq + x % 2
                        if FL[j] == T.uint8(0):
                            for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
                                SF[x] = val.partial(b, h, r0 + (x % 4 // 2) * 8, k0 + (x // 4) * 8 + tq * 2 + x % 2, SF[x], scale)
                        elif k0 + KC > Lkv:
                            for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
                                SF[x] = val.edge(b, h, r0 + (x % 4 // 2) * 8, k0 + (x // 4) * 8 + tq * 2 + x % 2, SF[x], scale)
                        else:
                            for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
                                SF[x] = val.full(b, h, r0 + (x % 4 // 2) * 8, k0 + (x // 4) * 8 + tq * 2 + x % 2, SF[x], scale)
                        # online softmax, base 2: rows reduce over the 4 lanes of a quad
                        for rr in T.unroll(2):
                            ST[4 + rr] = ST[rr]
                            for nt in T.unroll(NS):
                                for cc2 in T.unroll(2):
                                    ST[4 + rr] = T.max(ST[4 + rr], SF[nt * 4 + rr * 2 + cc2])
                            ST[4 + rr] = T.max(ST[4 + rr], shfl_xor(ST[4 + rr], 1))
                            ST[4 + rr] = T.max(ST[4 + rr], shfl_xor(ST[4 + rr], 2))
                            ST[6 + rr] = T.exp2(ST[rr] - T.Select(ST[4 + rr] == T.float32(NEG_INF), T.float32(0), ST[4 + rr]))
                            ST[rr] = ST[4 + rr]
                            ST[4 + rr] = T.Select(ST[4 + rr] == T.float32(NEG_INF), T.float32(0), ST[4 + rr])
                            ST[2 + rr] = ST[2 + rr] * ST[6 + rr]
                        # P: the C fragments of S tiles 2kk, 2kk+1 are the A fragment of step kk
                        for x in T.unroll(NS * 4):
                            SF[x] = T.exp2(SF[x] - ST[4 + x % 4 // 2])
                            ST[2 + x % 4 // 2] = ST[2 + x % 4 // 2] + SF[x]
                            PF[x] = T.Cast(IO, SF[x])
                        for x in T.unroll(NO * 4):
                            OF[x] = OF[x] * ST[6 + x % 4 // 2]
                        # O += P V (B fragments: V[key, d] by ldmatrix.trans, two d tiles at a time)
                        accumulate(PF, BF, VS, OF, lane, NO, KK, AB, so)
                for rr in T.unroll(2):
                    ST[2 + rr] = ST[2 + rr] + shfl_xor(ST[2 + rr], 1)
                    ST[2 + rr] = ST[2 + rr] + shfl_xor(ST[2 + rr], 2)
                    ST[4 + rr] = T.Select(ST[2 + rr] > T.float32(0), T.float32(1) / ST[2 + rr], T.float32(0))
                for rr in T.unroll(2):
                    if r0 + rr * 8 < Lqv:
                        for nt in T.unroll(NO):
                            for cc in T.unroll(2):
                                O[b, h, r0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, OF[nt * 4 + rr * 2 + cc] * ST[4 + rr])
                        if tq == 0:
                            LSE[b, h, r0 + rr * 8] = T.Select(ST[2 + rr] > T.float32(0), (ST[rr] + T.log2(ST[2 + rr])) * T.float32(LN2), T.float32(NEG_INF))

    return attach_extra_params(forward, sig, "forward"), sig


def forward_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                     dtype: str = "float32"):
    """(PrimFunc, KernelSignature) of the forward: tensor cores where ``cfg`` uses them for
    ``dtype``, CUDA cores otherwise."""
    make = forward_mma_primfunc if cfg.uses_tensor_cores(dtype) else forward_simt_primfunc
    return make(mask, score, head_dim, cfg, input_decls, dtype)
