"""The tensor-core backward kernels (float16 / bfloat16; PTX ``mma.sync.m16n8k16``, fp32
accumulation). Same math, arguments and launch order as the CUDA-core
kernels (``backward.py``), which they replace for 16-bit dtypes:

    raw = scale <q, k>,  P = exp2(score(raw) log2 e - lse2[q]),  dP = <dO[q], V[k]>
    dS  = P (dP - Delta[q]) dscore/draw(raw),  dQ = scale dS K,  dK = scale dS^T Q,  dV = P^T dO

``dq_mma_primfunc``    one thread block per (batch, head, query block) row, taken longest
    row first; each warp owns 16 query rows. Q and dO stay in A fragments, K and V tiles
    are staged in shared memory, S = Q K^T and dP = dO V^T accumulate in registers (mma C
    layout), dS is re-packed from them into A fragments for dQ += dS K. Delta = rowsum(dO O)
    - dlse is reduced across the 4 lanes of a row with shuffles and written for the dK/dV
    kernel.
``dkdv_mma_primfunc``  one thread block per (batch, key head, key block) column of the
    transposed layout; each warp owns 16 keys (so block_k = 16 * warps of this kernel). K
    and V stay in A fragments, Q and dO are staged ``tile`` queries at a time with their
    lse and Delta; S^T = K Q^T and dP^T = V dO^T give P^T and dS^T, which are re-packed
    into A fragments for dV += P^T dO and dK += dS^T Q. The query heads of a grouped-query
    group are summed in the block: no atomics.

The mask runs only in PARTIAL blocks; FULL blocks that cross Lq or Lk check the ranges
only. P and dS are 0 where masked or out of range (selected, never multiplied), and an
empty row's lse = -inf is turned into +inf, so its P is 0 and its gradients are 0.
v (with dO, O and dV) may have a head dim Dv other than q's and k's D: V and dO are
staged in tiles of their own width, their fragments and accumulators sized by Dv.
Fragment buffers avoid the letter D in their names: TVM 0.27's mma.sync printer replaces
"D" in operand text with the D operand (a buffer ``DOF`` became ``PF_ptr + 0OF``).
Each kernel is a body macro in ``frame.kernel``'s frame (arguments, grid, task); the
element step is written once and dispatched per block kind by ``blocks.by_block_kind``,
and the pipelined copy / compute loop is ``blocks.pipeline`` (dQ: ``blocks.key_chunks``,
the forward's). Fragment layouts are the forward's (``forward.py``): lane l holds C rows l/4 and
l/4 + 8, columns 2 (l%4) + {0, 1} of every 8-wide tile; B fragments come from shared
memory by ``ldmatrix.x4`` (``.trans`` where the tile's rows are the k dimension), two
n-tiles at a time.
"""

from __future__ import annotations

from tvm.script import tirx as T

from spdsl.codegen.cuda.backward import lse2, no_dlse_if_empty
from spdsl.codegen.cuda.blocks import by_block_kind, key_chunks, pipeline
from spdsl.codegen.cuda.config import SHARED_LIMIT, CudaConfig, mma_chunk
from spdsl.codegen.cuda.forward import NVCC_UNROLL
from spdsl.codegen.cuda.frame import kernel
from spdsl.codegen.cuda.tiles import (MMA_DTYPE, load_fragment_pair, shfl_xor, tile_ops, warp_rows,
                                      zero_pair)


def mma_backward_tile(cfg: CudaConfig, head_dim: int, v_head_dim: int | None = None) -> int:
    """Queries per shared tile of the tensor-core dK/dV kernel: the largest multiple of 16
    dividing block_q, at most max(16, kv_tile) and 4096 / (head_dim + v_head_dim)
    (registers: the dK and dV accumulators take head_dim + v_head_dim per thread, the
    S^T and dP^T tiles the tile; at head_dim 128 a 32-query tile spilled 148 bytes, a
    16-query one 12), whose ``stages`` Q and dO tiles (dO ``v_head_dim`` wide, default
    ``head_dim``; with lse and Delta) fit 48 KiB."""
    dv = head_dim if v_head_dim is None else v_head_dim
    cap = min(max(cfg.kv_tile, 16), cfg.block_q, max(16, 4096 // (head_dim + dv)))
    for t in range(cap // 16 * 16, 0, -16):
        if cfg.block_q % t == 0 and \
                cfg.stages * (t * (head_dim + dv + 2 * cfg.smem_pad) * 2 + 8 * t) <= SHARED_LIMIT:
            return t
    dims = f"head_dim {head_dim}" if dv == head_dim else f"head_dims {head_dim} (q, k) and {dv} (v)"
    raise ValueError(f"{dims} is too large for the tensor-core backward kernels")


def check_mma_backward(cfg: CudaConfig, head_dim: int, dtype: str, v_head_dim: int | None = None) -> None:
    """Raise ValueError when the tensor-core backward kernels cannot be built for ``cfg``."""
    dv = head_dim if v_head_dim is None else v_head_dim
    if dtype not in MMA_DTYPE:
        raise ValueError(f"the tensor-core kernels take float16 or bfloat16, not {dtype}")
    if cfg.block_q % 16 or cfg.block_k % 16 or head_dim % 16:
        raise ValueError("tensor-core backward: block_q, block_k and head_dim must be multiples of 16")
    if dv % 16:
        raise ValueError("tensor-core backward: v_head_dim must be a multiple of 16")
    if not 16 <= cfg.block_k <= 512:
        raise ValueError("tensor-core backward: block_k must be 16..512 (16 keys per warp)")
    mma_chunk(cfg, head_dim, dv)  # the dQ kernel's K and V chunks, as the forward's
    mma_backward_tile(cfg, head_dim, dv)


def _quad_sum(x):
    x = x + shfl_xor(x, 1)
    return x + shfl_xor(x, 2)


def dq_mma_primfunc(head_dim: int, cfg: CudaConfig, grad, sig, sv,
                    dtype: str = "float16", v_head_dim: int | None = None):
    """dQ and Delta on tensor cores; the CUDA-core dq kernel's arguments."""
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, IO, AB = head_dim, cfg.block_q, dtype, MMA_DTYPE[dtype]
    DV = D if v_head_dim is None else v_head_dim
    NTH = 32 * (BQ // 16)
    STG = cfg.stages
    KC, TILE, VTILE, stream = key_chunks(cfg, D, NTH, IO, Lkv, DV)  # the forward's chunks of keys
    KD, NS, KK, NO, KDV = D // 16, KC // 8, KC // 16, D // 8, DV // 16
    _, products, accumulate = tile_ops(threads=NTH, rows=KC, head_dim=D, stride=D + cfg.smem_pad, dtype=IO)
    _, products_v, _ = tile_ops(threads=NTH, rows=KC, head_dim=DV, stride=DV + cfg.smem_pad, dtype=IO)
    g = grad

    def elem(x, r0, k0, tq):
        """(query, key) of C element x of this lane."""
        return r0 + (x % 4 // 2) * 8, k0 + (x // 4) * 8 + tq * 2 + x % 2

    @T.macro
    def grads(kind, SF, PF, PT, EF, ST, b, h, r0, k0, tq, scale):
        for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
            PT[0] = g.p_value(b, h, *elem(x, r0, k0, tq), SF[x] * scale, ST[x % 4 // 2], kind)
            EF[x] = T.Cast(IO, g.ds_from_p(b, h, *elem(x, r0, k0, tq), SF[x] * scale, PT[0], PF[x], ST[2 + x % 4 // 2], kind))

    @T.macro
    def body(Q, K, V, O, DO, LSE, DLSE, DQ, DELTA, HC, RP, CI, FL, scale, tx, n_qb, b, h, qb, hk):
        KS = T.alloc_buffer((STG * TILE,), IO, scope="shared")
        VS = T.alloc_buffer((STG * VTILE,), IO, scope="shared")
        QF = T.alloc_buffer((KD * 8,), IO, scope="local")    # Q as A fragments
        GF = T.alloc_buffer((KDV * 8,), IO, scope="local")   # dO as A fragments
        SF = T.alloc_buffer((NS * 4,), "float32", scope="local")   # S
        PT = T.alloc_buffer((1,), "float32", scope="local")        # P of one element
        PF = T.alloc_buffer((NS * 4,), "float32", scope="local")   # dP
        EF = T.alloc_buffer((KK * 8,), IO, scope="local")   # dS as A fragments
        QG = T.alloc_buffer((NO * 4,), "float32", scope="local")  # dQ, C layout
        BF = T.alloc_buffer((8,), IO, scope="local")        # B fragments of two n-tiles
        ST = T.alloc_buffer((4,), "float32", scope="local")  # lse2 x2, Delta x2
        lane, tq, r0 = T.meta_var(warp_rows(tx, qb * BQ, "r0"))
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])
        ST[2] = T.float32(0)
        ST[3] = T.float32(0)

        @T.inline
        def delta_sum(ks, i, ar, ac):  # Delta's partial sums, rowsum(dO O)
            ST[2 + i // 2 % 2] = ST[2 + i // 2 % 2] + T.Cast("float32", GF[ks * 8 + i]) * T.Cast("float32", O[b, h, T.min(ar, Lqv - 1), ac])

        load_fragment_pair(QF, Q, KD, GF, DO, KDV, b, h, r0, Lqv, tq, delta_sum)
        for rr in T.unroll(2):
            ST[rr] = lse2(LSE[b, h, T.min(r0 + rr * 8, Lqv - 1)])
            ST[2 + rr] = _quad_sum(ST[2 + rr]) - no_dlse_if_empty(ST[rr], DLSE[b, h, T.min(r0 + rr * 8, Lqv - 1)])
        for x in T.unroll(NO * 4):
            QG[x] = T.float32(0)

        @T.inline
        def chunk(j, k0, so, sov):
            # S = Q K^T and dP = dO V^T (B fragments: K / V[key, d] by ldmatrix)
            products(QF, BF, KS, SF, lane, NS, KD, AB, so)
            products_v(GF, BF, VS, PF, lane, NS, KDV, AB, sov)
            # P, then dS into A fragments (C tiles 2kk, 2kk+1 are A step kk)
            by_block_kind(FL[j] == T.uint8(0), k0 + KC > Lkv, grads, SF, PF, PT, EF, ST, b, h, r0, k0, tq, scale)
            # dQ += dS K (B fragments: K[key, d] by ldmatrix.trans)
            accumulate(EF, BF, KS, QG, lane, NO, KK, AB, so)

        stream(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, chunk)
        for rr in T.unroll(2):
            if r0 + rr * 8 < Lqv:
                for nt in T.unroll(NO):
                    for cc in T.unroll(2):
                        DQ[b, h, r0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, QG[nt * 4 + rr * 2 + cc] * scale)
                if tq == 0:
                    DELTA[b, h, r0 + rr * 8] = ST[2 + rr]

    return kernel("dq", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg, threads=NTH,
                  v_head_dim=DV)


def dkdv_mma_primfunc(head_dim: int, cfg: CudaConfig, grad, sig, sv,
                      dtype: str = "float16", v_head_dim: int | None = None):
    """dK and dV on tensor cores; the CUDA-core dkdv kernel's arguments."""
    Lqv, Lkv = sv.Lq, sv.Lk
    D, BQ, BK, IO, AB = head_dim, cfg.block_q, cfg.block_k, dtype, MMA_DTYPE[dtype]
    VD = D if v_head_dim is None else v_head_dim  # (DV is the body's dV buffer)
    NTH = 32 * (BK // 16)
    QT = mma_backward_tile(cfg, head_dim, VD)
    STG, QSPL = cfg.stages, BQ // QT
    KD, NS, KK, NO, KDV, NOV = D // 16, QT // 8, QT // 16, D // 8, VD // 16, VD // 8
    QTILE, GTILE = QT * (D + cfg.smem_pad), QT * (VD + cfg.smem_pad)
    copy_pair, products, accumulate = tile_ops(threads=NTH, rows=QT, head_dim=D, stride=D + cfg.smem_pad, dtype=IO,
                                               head_dim2=VD, stride2=VD + cfg.smem_pad)
    _, products_v, accumulate_v = tile_ops(threads=NTH, rows=QT, head_dim=VD, stride=VD + cfg.smem_pad, dtype=IO)
    pipelined = pipeline(STG)
    g = grad

    def elem(x, k0, qc, tq):
        """(query, key) of C element x (rows are keys, columns queries)."""
        return qc + (x // 4) * 8 + tq * 2 + x % 2, k0 + (x % 4 // 2) * 8

    def col(x, tq):
        """The staged query (0 .. QT-1) of C element x."""
        return (x // 4) * 8 + tq * 2 + x % 2

    @T.macro
    def grads(kind, SF, PF, PT, EA, PA, LS, DLS, lo, b, h, k0, qc, tq, scale):
        for x in T.unroll(NS * 4, annotations=NVCC_UNROLL):
            PT[0] = g.p_value(b, h, *elem(x, k0, qc, tq), SF[x] * scale, LS[lo + col(x, tq)], kind)
            EA[x] = T.Cast(IO, g.ds_from_p(b, h, *elem(x, k0, qc, tq), SF[x] * scale, PT[0], PF[x], DLS[lo + col(x, tq)], kind))
            PA[x] = T.Cast(IO, PT[0])

    @T.macro
    def body(Q, K, V, DO, LSE, DELTA, DK, DV, HC, CP, RI, FL, scale, tx, n_kb, group, b, hk, kb):
        QS = T.alloc_buffer((STG * QTILE,), IO, scope="shared")
        DOS = T.alloc_buffer((STG * GTILE,), IO, scope="shared")
        LS = T.alloc_buffer((STG * QT,), "float32", scope="shared")   # lse2
        DLS = T.alloc_buffer((STG * QT,), "float32", scope="shared")  # Delta
        KF = T.alloc_buffer((KD * 8,), IO, scope="local")    # K as A fragments
        VF = T.alloc_buffer((KDV * 8,), IO, scope="local")    # V as A fragments
        SF = T.alloc_buffer((NS * 4,), "float32", scope="local")   # S^T
        PT = T.alloc_buffer((1,), "float32", scope="local")        # P of one element
        PF = T.alloc_buffer((NS * 4,), "float32", scope="local")   # dP^T
        PA = T.alloc_buffer((KK * 8,), IO, scope="local")    # P^T as A fragments
        EA = T.alloc_buffer((KK * 8,), IO, scope="local")   # dS^T as A fragments
        KG = T.alloc_buffer((NO * 4,), "float32", scope="local")
        VG = T.alloc_buffer((NOV * 4,), "float32", scope="local")
        BF = T.alloc_buffer((8,), IO, scope="local")        # B fragments of two n-tiles
        lane, tq, k0 = T.meta_var(warp_rows(tx, kb * BK, "k0"))
        load_fragment_pair(KF, K, KD, VF, V, KDV, b, hk, k0, Lkv, tq, None)
        zero_pair(KG, NO * 4, VG, NOV * 4)
        for hh in T.serial(group):
            h: T.let = hk * group + hh
            cidx: T.let = HC[b, h] * (n_kb + 1) + kb
            ebeg: T.let = T.Cast("int32", CP[cidx])
            n_t: T.let = (T.Cast("int32", CP[cidx + 1]) - ebeg) * QSPL

            @T.inline
            def issue(c):
                ql: T.let = RI[ebeg + T.truncdiv(c, QSPL)] * BQ + T.truncmod(c, QSPL) * QT
                copy_pair(QS, DOS, Q, DO, b, h, ql, Lqv, T.truncmod(c, STG) * QTILE, T.truncmod(c, STG) * GTILE, tx)
                for x in T.serial((QT + NTH - 1) // NTH):
                    if x * NTH + tx < QT:
                        LS[T.truncmod(c, STG) * QT + x * NTH + tx] = lse2(LSE[b, h, T.min(ql + x * NTH + tx, Lqv - 1)])
                        DLS[T.truncmod(c, STG) * QT + x * NTH + tx] = DELTA[b, h, T.min(ql + x * NTH + tx, Lqv - 1)]

            @T.inline
            def tile(ct):
                e: T.let = ebeg + T.truncdiv(ct, QSPL)
                qc: T.let = RI[e] * BQ + T.truncmod(ct, QSPL) * QT
                so: T.let = T.truncmod(ct, STG) * QTILE
                lo: T.let = T.truncmod(ct, STG) * QT
                # S^T = K Q^T and dP^T = V dO^T (B: Q / dO[query, d] by ldmatrix)
                products(KF, BF, QS, SF, lane, NS, KD, AB, so)
                if VD == D:
                    products_v(VF, BF, DOS, PF, lane, NS, KDV, AB, so)
                else:
                    sov: T.let = T.truncmod(ct, STG) * GTILE
                    products_v(VF, BF, DOS, PF, lane, NS, KDV, AB, sov)
                by_block_kind(FL[e] == T.uint8(0), qc + QT > Lqv or kb * BK + BK > Lkv, grads, SF, PF, PT, EA, PA, LS, DLS, lo, b, h, k0, qc, tq, scale)
                # dV += P^T dO and dK += dS^T Q (B: dO / Q[query, d] by ldmatrix.trans)
                if VD == D:
                    accumulate_v(PA, BF, DOS, VG, lane, NOV, KK, AB, so)
                else:
                    accumulate_v(PA, BF, DOS, VG, lane, NOV, KK, AB, sov)
                accumulate(EA, BF, QS, KG, lane, NO, KK, AB, so)

            pipelined(n_t, issue, tile)
        for rr in T.unroll(2):
            if k0 + rr * 8 < Lkv:
                for nt in T.unroll(NO):
                    for cc in T.unroll(2):
                        DK[b, hk, k0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, KG[nt * 4 + rr * 2 + cc] * scale)
                        if VD == D:
                            DV[b, hk, k0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, VG[nt * 4 + rr * 2 + cc])
                if VD != D:
                    for nt in T.unroll(NOV):
                        for cc in T.unroll(2):
                            DV[b, hk, k0 + rr * 8, nt * 8 + tq * 2 + cc] = T.Cast(IO, VG[nt * 4 + rr * 2 + cc])

    return kernel("dkdv", body, sv=sv, sig=sig, head_dim=D, dtype=IO, cfg=cfg, threads=NTH,
                  v_head_dim=VD)


__all__ = ["check_mma_backward", "dkdv_mma_primfunc", "dq_mma_primfunc", "mma_backward_tile"]


def backward_primfuncs(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None,
                       dtype: str = "float32", v_head_dim: int | None = None):
    """((dq PrimFunc, dkdv PrimFunc), KernelSignature): tensor cores for float16 / bfloat16
    where ``cfg`` uses them, CUDA cores (float32 arithmetic) otherwise. ``v_head_dim``:
    v's (and dO's, O's, dV's) head dim (None: head_dim)."""
    from spdsl.codegen.cuda import backward as cb

    if cfg.uses_tensor_cores(dtype):
        check_mma_backward(cfg, head_dim, dtype, v_head_dim)
        sv, sig, grad = cb.setup(mask, score, input_decls)
        return (dq_mma_primfunc(head_dim, cfg, grad, sig, sv, dtype, v_head_dim),
                dkdv_mma_primfunc(head_dim, cfg, grad, sig, sv, dtype, v_head_dim)), sig
    cb.check_backward(cfg, head_dim, v_head_dim)
    dq, sig = cb.dq_simt_primfunc(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim)
    return (dq, dkdv_primfunc(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim)[0]), sig


def dkdv_primfunc(mask, score, head_dim: int, cfg: CudaConfig, input_decls=None, dtype: str = "float32",
                  v_head_dim: int | None = None):
    """(dkdv PrimFunc, KernelSignature) alone, as :func:`backward_primfuncs` makes it (the
    learnable-inputs variant pairs it with a dQ kernel of its own)."""
    from spdsl.codegen.cuda import backward as cb

    if cfg.uses_tensor_cores(dtype):
        check_mma_backward(cfg, head_dim, dtype, v_head_dim)
        sv, sig, grad = cb.setup(mask, score, input_decls)
        return dkdv_mma_primfunc(head_dim, cfg, grad, sig, sv, dtype, v_head_dim), sig
    cb.check_backward(cfg, head_dim, v_head_dim)
    return cb.dkdv_simt_primfunc(mask, score, head_dim, cfg, input_decls, dtype, v_head_dim)
