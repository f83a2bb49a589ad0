"""Warp-level pieces shared by the tensor-core kernels (``forward.py``,
``backward_mma.py``): PTX intrinsics, a warp's rows, and TVMScript macros over them.

Fragments follow ``mma.sync.m16n8k16.row.col`` (fp32 accumulation): an A fragment is 8
16-bit values per lane, a B fragment 4, a C fragment 4 floats; lane l holds C rows l/4
and l/4 + 8, columns 2 (l%4) + {0, 1}. Shared tiles are row-major with ``stride``
(padded) elements per row.
"""

from __future__ import annotations

from tvm import tirx
from tvm.script import tirx as T

from spdsl.codegen.cuda.frame import let

MMA_DTYPE = {"float16": "fp16", "bfloat16": "bf16"}
FULL_MASK = 0xFFFFFFFF
VEC = 8  # 16-bit elements per 16-byte copy


def a_frag_at(row0, ks, tq, i):
    """(row, column) of element i (0..7) of a lane's A fragment for k step ks: rows row0
    and row0 + 8 (row0 = this warp's first row + lane / 4), columns 2 tq + {0, 1} and
    2 tq + 8 + {0, 1} of the 16-wide step."""
    return row0 + (i // 2 % 2) * 8, ks * 16 + tq * 2 + i % 2 + (i // 4) * 8


@T.macro
def a_fragments(row0, tq, k_steps, step):
    """``step(ks, i, row, col)`` for element i of this lane's A fragment of each k step
    ks < k_steps (rows from ``row0``, :func:`a_frag_at`): a fragment's loads, written once."""
    for ks in T.unroll(k_steps):
        for i in T.unroll(8):
            ar, ac = T.meta_var(a_frag_at(row0, ks, tq, i))
            step(ks, i, ar, ac)


@T.macro
def a_fragment_pair(row0, tq, k1, step1, k2, step2):
    """:func:`a_fragments` of two operands (q/k's head dim, then v's): one pass where their
    k steps agree, a pass each where the head dims differ."""
    if k1 == k2:
        for ks in T.unroll(k1):
            for i in T.unroll(8):
                ar, ac = T.meta_var(a_frag_at(row0, ks, tq, i))
                step1(ks, i, ar, ac)
                step2(ks, i, ar, ac)
    else:
        a_fragments(row0, tq, k1, step1)
        a_fragments(row0, tq, k2, step2)


@T.macro
def load_fragment_pair(F1, G1, k1, F2, G2, k2, b, h, row0, limit, tq, also):
    """A fragments F1 (k1 steps) of G1 and F2 (k2 steps) of G2, [B, heads, L, dim] tensors
    read at rows row0 .. (clamped below ``limit``), by :func:`a_fragment_pair`;
    ``also(ks, i, row, col)`` after each element of F2 unless None."""

    @T.inline
    def first(ks, i, ar, ac):
        F1[ks * 8 + i] = G1[b, h, T.min(ar, limit - 1), ac]

    @T.inline
    def second(ks, i, ar, ac):
        F2[ks * 8 + i] = G2[b, h, T.min(ar, limit - 1), ac]
        if also is not None:
            also(ks, i, ar, ac)

    a_fragment_pair(row0, tq, k1, first, k2, second)


@T.macro
def zero_pair(A, n_a, B, n_b):
    """A[:n_a] = 0 and B[:n_b] = 0 (register accumulators); one loop when n_a == n_b."""
    if n_a == n_b:
        for x in T.unroll(n_a):
            A[x] = T.float32(0)
            B[x] = T.float32(0)
    else:
        for x in T.unroll(n_a):
            A[x] = T.float32(0)
        for x in T.unroll(n_b):
            B[x] = T.float32(0)


def warp_rows(tx, first_row, name: str):
    """(lane, tq, row): this thread's lane, its column pair tq = lane % 4, and its first C
    row ``name`` (the warp owns 16 rows from ``first_row`` + 16 * warp; the lane holds
    rows row and row + 8), bound as lets."""
    lane = let("lane", tirx.truncmod(tx, 32))
    g = let("g", tirx.truncdiv(lane, 4))
    tq = let("tq", tirx.truncmod(tx, 4))
    return lane, tq, let(name, first_row + tirx.truncdiv(tx, 32) * 16 + g)


def mma(a_buf, a_off, b_buf, c_buf, c_off, ab: str, b_off=0):
    """One ``mma.sync.m16n8k16.row.col`` with fp32 accumulation, in place on ``c_buf``."""
    return T.ptx_legacy.mma("m16n8k16", "row", "col", ab, ab, "fp32", a_buf.data, a_off,
                            b_buf.data, b_off, c_buf.data, c_off, False, dtype="float32")


def ldsm_b(smem, frags, lane, stride: int, k0, n0, k_major: bool, dtype: str, base=0):
    """B fragments of two adjacent n-tiles (n0, n0 + 8) for one k step (k0 .. k0 + 15) by
    one ``ldmatrix.x4`` from a shared tile starting at element ``base``: ``frags[0:4]`` for
    n-tile n0, ``frags[4:8]`` for n0 + 8. Matrix m (lanes 8m .. 8m+7 give its row
    addresses) is the n-tile m / 2, k half m % 2.

    ``k_major`` False: the tile's rows are n and its columns k (K[key, d] as the B of
    Q K^T), loaded as is. True: rows are k and columns n (V[key, d] as the B of P V),
    loaded with ``.trans``. The pointer goes through ``access_ptr``: with a raw data
    pointer, TVM 0.27 may retype the tile to uint4 (16-byte stores fill it) without
    rescaling the offset."""
    r, m = tirx.truncmod(lane, 8), tirx.truncdiv(lane, 8)
    if k_major:
        off = (k0 + tirx.truncmod(m, 2) * 8 + r) * stride + n0 + tirx.truncdiv(m, 2) * 8
    else:
        off = (n0 + tirx.truncdiv(m, 2) * 8 + r) * stride + k0 + tirx.truncmod(m, 2) * 8
    return T.ptx_legacy.ldmatrix(k_major, 4, ".b16", frags.data, 0,
                                 smem.access_ptr("r", offset=base + off), 0, dtype=dtype)


def cp_async16(dst, dst_off, src, src_off, dtype: str):
    """One 16-byte ``cp.async.cg`` from global ``src`` to shared ``dst`` (flat element
    offsets)."""
    return T.s_tir.cp_async_raw.legacy(dst.access_ptr("w", offset=dst_off), 0,
                                       src.access_ptr("r", offset=src_off), 0, 16, dtype=dtype)


def row_offset(buf, b, h, row):
    """The flat element offset of ``buf[b, h, row, 0]`` by the buffer's own strides (the
    head_dim tensors are strided, ``signature.declare_kernel``)."""
    s0, s1, s2 = buf.strides[:3]
    return b * s0 + h * s1 + row * s2


def shfl_xor(x, lane_mask):
    return tirx.call_intrin("float32", "tirx.tvm_warp_shuffle_xor",
                            tirx.const(FULL_MASK, "uint32"), x, lane_mask, 32, 32)


def tile_ops(*, threads: int, rows: int, head_dim: int, stride: int, dtype: str,
             head_dim2: int | None = None, stride2: int | None = None):
    """TVMScript macros for ``rows`` x ``head_dim`` tiles staged ``stride`` apart:

    ``copy_pair(S1, S2, G1, G2, b, h, row0, limit, soff, soff2, tx)``
        rows row0 .. row0 + rows - 1 of (batch b, head h) of two [B, heads, L, head_dim]
        global tensors (each by its own strides: rows 16-byte aligned, see
        ``kernels.aligned_rows``) into shared S1, S2 at element ``soff``, by cp.async; rows at
        or past ``limit`` are zero-filled (plain stores). Where the second tensor's head
        dim differs (``head_dim2``, a v head dim), its rows are ``stride2`` apart in S2
        and start at ``soff2``, copied in a loop of their own; otherwise ``soff2`` is
        unused
    ``products(A, B, S, C, lane, n_tiles, k_steps, ab, soff)``
        C (fp32, C layout) = A B^T over n_tiles 8-row tiles of the shared tile S (its rows
        are the n dimension), k_steps 16-wide steps of A's register fragments
    ``accumulate(A, B, S, C, lane, n_tiles, k_steps, ab, soff)``
        C += A S, S's rows being the k dimension (ldmatrix.trans)
    """
    chunks = head_dim // VEC
    loads = (rows * chunks + threads - 1) // threads
    zero = tirx.Cast(dtype, tirx.const(0.0, "float32"))
    same = head_dim2 is None or (head_dim2 == head_dim and stride2 == stride)

    @T.macro
    def copy_one(S, G, b, h, row0, limit, soff, tx, n_chunks, row_stride):
        for e in T.serial((rows * n_chunks + threads - 1) // threads):
            if e * threads + tx < rows * n_chunks:
                tr: T.let = T.truncdiv(e * threads + tx, n_chunks)
                tc: T.let = T.truncmod(e * threads + tx, n_chunks) * VEC
                if row0 + tr < limit:
                    T.evaluate(cp_async16(S, soff + tr * row_stride + tc, G, row_offset(G, b, h, row0 + tr) + tc, dtype))
                else:
                    for vv in T.vectorized(VEC):
                        S[soff + tr * row_stride + tc + vv] = zero

    @T.macro
    def copy_pair(S1, S2, G1, G2, b, h, row0, limit, soff, soff2, tx):
        if same:
            for e in T.serial(loads):
                if e * threads + tx < rows * chunks:
                    tr: T.let = T.truncdiv(e * threads + tx, chunks)
                    tc: T.let = T.truncmod(e * threads + tx, chunks) * VEC
                    if row0 + tr < limit:
                        T.evaluate(cp_async16(S1, soff + tr * stride + tc, G1, row_offset(G1, b, h, row0 + tr) + tc, dtype))
                        T.evaluate(cp_async16(S2, soff + tr * stride + tc, G2, row_offset(G2, b, h, row0 + tr) + tc, dtype))
                    else:
                        for vv in T.vectorized(VEC):
                            S1[soff + tr * stride + tc + vv] = zero
                            S2[soff + tr * stride + tc + vv] = zero
        else:
            copy_one(S1, G1, b, h, row0, limit, soff, tx, chunks, stride)
            copy_one(S2, G2, b, h, row0, limit, soff2, tx, head_dim2 // VEC, stride2)

    @T.macro
    def products(A, B, S, C, lane, n_tiles, k_steps, ab, soff):
        for x in T.unroll(n_tiles * 4):
            C[x] = T.float32(0)
        for np in T.unroll(n_tiles // 2):
            for ks in T.unroll(k_steps):
                T.evaluate(ldsm_b(S, B, lane, stride, ks * 16, np * 16, False, dtype, soff))
                T.evaluate(mma(A, ks * 8, B, C, np * 8, ab))
                T.evaluate(mma(A, ks * 8, B, C, np * 8 + 4, ab, 4))

    @T.macro
    def accumulate(A, B, S, C, lane, n_tiles, k_steps, ab, soff):
        for np in T.unroll(n_tiles // 2):
            for kk in T.unroll(k_steps):
                T.evaluate(ldsm_b(S, B, lane, stride, kk * 16, np * 16, True, dtype, soff))
                T.evaluate(mma(A, kk * 8, B, C, np * 8, ab))
                T.evaluate(mma(A, kk * 8, B, C, np * 8 + 4, ab, 4))

    return copy_pair, products, accumulate
