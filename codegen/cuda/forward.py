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

Each kernel is a body macro placed in ``frame.kernel``'s frame (arguments, grid, task
decoding); its score step is written once and dispatched per block kind by
``blocks.by_block_kind``, and its walk over the row's keys is ``blocks.key_tiles``
(CUDA cores) or the cp.async pipeline ``blocks.key_chunks`` (tensor cores).

Out-of-range rows and keys are never read: indices are clamped (Q) or the loads replaced
by zero (K, V past Lk); those lanes are masked and never written.

v (and the output) may have a head dim Dv other than q's and k's D: S reduces over D,
O = P V runs over Dv; V is staged in tiles of its own width.

``paged=True`` (either kernel) reads K and V through a block table instead
(``common/paged.py``, ``paged.py``): the walks find each tile's page with one table read,
skip tiles past the sequence's end, and the FULL-crossing check uses its length.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.cuda.blocks import by_block_kind, key_chunks, key_tiles
from spdsl.codegen.cuda.config import CudaConfig, simt_kv_tile
from spdsl.codegen.cuda.frame import kernel
from spdsl.codegen.cuda.tiles import MMA_DTYPE, a_fragments, shfl_xor, tile_ops, warp_rows
from spdsl.codegen.common.paged import PagedKV
from spdsl.codegen.common.signature import NEG_INF, ExprLowerer, SizeVars, make_signature
from spdsl.codegen.common.vecmath import LN2, LOG2E

# Loops left to nvcc's "#pragma unroll": TVM unrolling the mask / score code of every
# element made its simplifier take ~30 s on Longformer's mask; nvcc unrolls it in ~1 s.
NVCC_UNROLL = {"pragma_unroll_explicit": False}


class _Values:
    """Score-and-mask of one element for a block kind (``blocks.KINDS``: PARTIAL, FULL
    crossing the keys' end, FULL inside), in base 2. ``s`` is the raw float32 product
    <q, k>. The keys' end is Lk, or for a paged kernel (``kv``) the sequence's length: a
    layout built for a longer sequence (``runtime.paged`` reuses one over decoding steps)
    may list a FULL block that crosses it."""

    def __init__(self, ex: ExprLowerer, sv: SizeVars, kv=None):
        self.ex, self.sv, self.kv = ex, sv, kv

    def key_end(self, b):
        return self.sv.Lk if self.kv is None else self.kv.limit(b)

    def __call__(self, kind: str, b, h, q, k, s, scale):
        sv = self.sv
        value = self.ex.score_at(b, h, tirx.min(q, sv.Lq - 1), tirx.min(k, sv.Lk - 1), s * scale) \
            * tirx.const(LOG2E, "float32")
        if kind == "full":
            return value
        keep = k < self.key_end(b)
        if kind == "partial":
            keep = tirx.And(keep, self.ex.mask_at(b, h, tirx.min(q, sv.Lq - 1), tirx.min(k, sv.Lk - 1)))
        return tirx.Select(keep, value, tirx.const(NEG_INF, "float32"))


def _setup(mask, score, input_decls, paged: bool, head_dim: int, v_head_dim, dtype: str):
    """(size vars, signature, expression lowerer, element values, paged K/V addressing or
    None) of a forward kernel."""
    sv = SizeVars.fresh()
    sig = make_signature(mask, score, sv, input_decls)
    ex = ExprLowerer(mask, score, sv, sig)
    dv = head_dim if v_head_dim is None else v_head_dim
    kv = PagedKV(sv, ex.inputs, head_dim=head_dim, v_head_dim=dv, dtype=dtype) if paged else None
    return sv, sig, ex, _Values(ex, sv, kv), kv


def forward_simt_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                          dtype: str = "float32", v_head_dim: int | None = None,
                          paged: bool = False):
    """The CUDA-core forward kernel (any dtype; float32 arithmetic).

    Arguments: q k v out lse head_class row_ptr col_idx full order scale, then the inputs
    and random tables of :func:`make_signature` (the CPU kernel's ABI). ``paged``: K and
    V read through a block table (``common/paged.py``, its arguments).
    """
    sv, sig, ex, val, kv = _setup(mask, score, input_decls, paged, head_dim, v_head_dim, dtype)
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, BK, IO = head_dim, cfg.block_q, cfg.block_k, dtype
    DV = D if v_head_dim is None else v_head_dim
    KT = simt_kv_tile(cfg, head_dim, DV)
    tiles = key_tiles(block_k=BK, tile=KT, threads=BQ, head_dim=D, Lk=Lkv, v_head_dim=DV, paged=kv)

    @T.macro
    def scores(kind, SR, b, h, qi, kc, scale):
        for r in T.serial(KT):
            SR[r] = val(kind, b, h, qi, kc + r, SR[r], scale)

    @T.macro
    def body(Q, K, V, O, LSE, HC, RP, CI, FL, scale, tx, n_qb, b, h, qb, hk):
        KS = T.alloc_buffer((KT, D), "float32", scope="shared")
        VS = T.alloc_buffer((KT, DV), "float32", scope="shared")
        QR = T.alloc_buffer((D,), "float32", scope="local")
        OR = T.alloc_buffer((DV,), "float32", scope="local")
        SR = T.alloc_buffer((KT,), "float32", scope="local")
        ST = T.alloc_buffer((4,), "float32", scope="local")  # m, l, mu, alpha
        qi: T.let = qb * BQ + tx
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])
        for d in T.unroll(D):
            QR[d] = T.Cast("float32", Q[b, h, T.min(qi, Lqv - 1), d])
            if DV == D:
                OR[d] = T.float32(0)
        if DV != D:
            for d in T.unroll(DV):
                OR[d] = T.float32(0)
        ST[0] = T.float32(NEG_INF)
        ST[1] = T.float32(0)

        @T.inline
        def tile(j, kc):
            for r in T.serial(KT):
                SR[r] = T.float32(0)
                for d in T.unroll(D):
                    SR[r] = SR[r] + QR[d] * KS[r, d]
            by_block_kind(FL[j] == T.uint8(0), kc + KT > val.key_end(b), scores, SR, b, h, qi, kc, scale)
            ST[2] = ST[0]
            for r in T.serial(KT):
                ST[2] = T.max(ST[2], SR[r])
            ST[3] = T.exp2(ST[0] - T.Select(ST[2] == T.float32(NEG_INF), T.float32(0), ST[2]))
            ST[0] = ST[2]
            ST[2] = T.Select(ST[2] == T.float32(NEG_INF), T.float32(0), ST[2])
            for r in T.serial(KT):
                SR[r] = T.exp2(SR[r] - ST[2])
            for d in T.unroll(DV):
                OR[d] = OR[d] * ST[3]
            ST[1] = ST[1] * ST[3]
            for r in T.serial(KT):
                ST[1] = ST[1] + SR[r]
                for d in T.unroll(DV):
                    OR[d] = OR[d] + SR[r] * VS[r, d]

        tiles(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, tile)
        if qi < Lqv:
            ST[2] = T.Select(ST[1] == T.float32(0), T.float32(0), T.float32(1) / ST[1])
            for d in T.unroll(DV):
                O[b, h, qi, d] = T.Cast(IO, OR[d] * ST[2])
            LSE[b, h, qi] = T.Select(ST[1] == T.float32(0), T.float32(NEG_INF), (ST[0] + T.log2(ST[1])) * T.float32(LN2))

    return _addressed(kernel("forward", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg,
                             threads=BQ, v_head_dim=DV), kv), sig


def forward_mma_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                         dtype: str = "float16", v_head_dim: int | None = None,
                         paged: bool = False):
    """The tensor-core forward kernel (float16 / bfloat16 in and out, fp32 accumulation).

    Same arguments as :func:`forward_simt_primfunc`. ``cfg.block_q`` is 16 warps' rows.
    """
    if dtype not in MMA_DTYPE:
        raise ValueError(f"the tensor-core kernel takes float16 or bfloat16, not {dtype}")
    sv, sig, ex, val, kv = _setup(mask, score, input_decls, paged, head_dim, v_head_dim, dtype)
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, IO, AB = head_dim, cfg.block_q, dtype, MMA_DTYPE[dtype]
    DV = D if v_head_dim is None else v_head_dim
    NTH = 32 * cfg.mma_warps()
    STG = cfg.stages
    KC, TILE, VTILE, stream = key_chunks(cfg, D, NTH, IO, Lkv, DV, kv)  # keys per chunk, staged chunks
    KD, NS, KK, NO = D // 16, KC // 8, KC // 16, DV // 8
    _, products, _ = tile_ops(threads=NTH, rows=KC, head_dim=D, stride=D + cfg.smem_pad, dtype=IO)
    _, _, accumulate = tile_ops(threads=NTH, rows=KC, head_dim=DV, stride=DV + cfg.smem_pad, dtype=IO)

    @T.macro
    def scores(kind, SF, b, h, r0, k0, tq, scale):
        # element x sits at row r0 + 8 * (x % 4 // 2), key k0 + 8 * (x // 4) + 2 * tq + x % 2
        for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
            SF[x] = val(kind, b, h, r0 + (x % 4 // 2) * 8, k0 + (x // 4) * 8 + tq * 2 + x % 2, SF[x], scale)

    @T.macro
    def body(Q, K, V, O, LSE, HC, RP, CI, FL, scale, tx, n_qb, b, h, qb, hk):
        KS = T.alloc_buffer((STG * TILE,), IO, scope="shared")  # rows padded to D + smem_pad
        VS = T.alloc_buffer((STG * VTILE,), IO, scope="shared")  # rows padded to Dv + smem_pad
        QF = T.alloc_buffer((KD * 8,), IO, scope="local")   # Q as A fragments
        SF = T.alloc_buffer((NS * 4,), "float32", scope="local")  # S, C layout
        PF = T.alloc_buffer((KK * 8,), IO, scope="local")   # P as A fragments
        OF = T.alloc_buffer((NO * 4,), "float32", scope="local")  # O, C layout
        BF = T.alloc_buffer((8,), IO, scope="local")        # B fragments of two n-tiles
        # per row (rr = 0, 1): m, l, max / shift, alpha
        ST = T.alloc_buffer((8,), "float32", scope="local")
        lane, tq, r0 = T.meta_var(warp_rows(tx, qb * BQ, "r0"))
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])

        @T.inline
        def load_q(ks, i, ar, ac):
            QF[ks * 8 + i] = Q[b, h, T.min(ar, Lqv - 1), ac]

        a_fragments(r0, tq, KD, load_q)
        for x in T.unroll(NO * 4):
            OF[x] = T.float32(0)
        for rr in T.unroll(2):
            ST[rr] = T.float32(NEG_INF)
            ST[2 + rr] = T.float32(0)

        @T.inline
        def chunk(j, k0, so, sov):
            # S = Q K^T (B fragments: K[key, d] by ldmatrix, two key tiles at a time)
            products(QF, BF, KS, SF, lane, NS, KD, AB, so)
            by_block_kind(FL[j] == T.uint8(0), k0 + KC > val.key_end(b), scores, SF, b, h, r0, k0, tq, scale)
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
            accumulate(PF, BF, VS, OF, lane, NO, KK, AB, sov)

        stream(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, chunk)
        for rr in T.unroll(2):
            ST[2 + rr] = ST[2 + rr] + shfl_xor(ST[2 + rr], 1)
            ST[2 + rr] = ST[2 + rr] + shfl_xor(ST[2 + rr], 2)
            ST[4 + rr] = T.Select(ST[2 + rr] == T.float32(0), T.float32(0), T.float32(1) / ST[2 + rr])
        for rr in T.unroll(2):
            if r0 + rr * 8 < Lqv:
                for nt in T.unroll(NO):
                    for cc in T.unroll(2):
                        O[b, h, r0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, OF[nt * 4 + rr * 2 + cc] * ST[4 + rr])
                if tq == 0:
                    LSE[b, h, r0 + rr * 8] = T.Select(ST[2 + rr] == T.float32(0), T.float32(NEG_INF), (ST[rr] + T.log2(ST[2 + rr])) * T.float32(LN2))

    return _addressed(kernel("forward", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg,
                             threads=NTH, v_head_dim=DV), kv), sig


def forward_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                     dtype: str = "float32", v_head_dim: int | None = None, paged: bool = False):
    """(PrimFunc, KernelSignature) of the forward: tensor cores where ``cfg`` uses them for
    ``dtype``, CUDA cores otherwise. ``v_head_dim``: v's and the output's head dim (None:
    head_dim). ``paged``: the paged-KV variant (K and V read through a block table; its
    mask must read the hidden ``paged_seq_lens``, ``common/paged.py``), named
    ``forward_paged``."""
    make = forward_mma_primfunc if cfg.uses_tensor_cores(dtype) else forward_simt_primfunc
    return make(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim, paged)


def _addressed(func, kv):
    """The kernel as built, or with the paged arguments (``PagedKV.params``)."""
    if kv is None:
        return func
    scale = next(p for p in func.params if p.name == "scale")
    return kv.params(func, scale).with_attr("global_symbol", "forward_paged")
