"""Block-level control shared by the CUDA kernels, as TVMScript macros: the three kinds
of layout block, the cp.async pipeline of the tensor-core kernels, and the staged tiles
of the CUDA-core ones.

A macro cannot take a loop body, but it can take another macro (or a ``T.inline``
defined inside the caller's body, which sees the caller's variables) and call it: the
block step and the pipelined chunk are passed that way, like FlexAttention's
``forward_block_mn(..., IS_FULL_BLOCKS)`` is written once and called per kind.
"""

from __future__ import annotations

from tvm.script import tirx as T

from spdsl.codegen.cuda.config import CudaConfig, mma_chunk
from spdsl.codegen.cuda.tiles import tile_ops

KINDS = ("partial", "edge", "full")


@T.macro
def by_block_kind(partial, crosses, step, *args):
    """``step(kind, *args)`` for this block's kind: "partial" (a PARTIAL block: the mask
    runs), "edge" (a FULL block crossing Lq or Lk: the ranges are checked), "full"
    (nothing is checked)."""
    if partial:
        step("partial", *args)
    elif crosses:
        step("edge", *args)
    else:
        step("full", *args)


def pipeline(stages: int):
    """``pipelined(n_chunks, issue, compute)``: step c issues the cp.async copies of chunk
    c (``issue(c)``, into stage c % stages) and computes chunk c - stages + 1
    (``compute(cc)``), so the copy of the next chunk overlaps this one's products."""

    @T.macro
    def pipelined(n_chunks, issue, compute):
        for c in T.serial(n_chunks + (stages - 1)):
            T.tvm_storage_sync("shared")  # every warp is done with the stage reused here
            if c < n_chunks:
                issue(c)
            T.evaluate(T.ptx.cp.async_.commit_group())
            if c >= stages - 1:
                T.evaluate(T.ptx.cp.async_.wait_group(stages - 1))
                T.tvm_storage_sync("shared")  # every thread's copies of this chunk landed
                cc: T.let = c - (stages - 1)
                compute(cc)

    return pipelined


def key_chunks(cfg: CudaConfig, head_dim: int, threads: int, dtype: str, Lk,
               v_head_dim: int | None = None, paged=None):
    """(chunk, tile, v_tile, stream) of the tensor-core row kernels (forward, dQ): keys
    per chunk, elements per staged chunk of K and of V (V's rows ``v_head_dim`` wide,
    default ``head_dim``), and the macro
    ``stream(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, compute)`` that walks the row's
    key blocks rbeg .. rend - 1 in pipelined chunks, K and V copied into KS, VS, and
    calls ``compute(j, k0, so, sov)`` per chunk: its block j, first key k0, stage
    offsets so (K) and sov (V; the same variable where the head dims agree).

    ``paged`` (a ``common.paged.PagedKV``): K and V are its pages (the K, V arguments are
    not read), found through the block table; a chunk that starts at or past the
    sequence's end is neither copied nor computed (its keys are all masked), and no row
    past the end is read."""
    DV = head_dim if v_head_dim is None else v_head_dim
    KC = mma_chunk(cfg, head_dim, DV)      # keys per chunk (pipeline step)
    SPL, STG, BK = cfg.block_k // KC, cfg.stages, cfg.block_k  # chunks per layout block
    TILE, VTILE = KC * (head_dim + cfg.smem_pad), KC * (DV + cfg.smem_pad)
    copy_pair, _, _ = tile_ops(threads=threads, rows=KC, head_dim=head_dim,
                               stride=head_dim + cfg.smem_pad, dtype=dtype,
                               head_dim2=DV, stride2=DV + cfg.smem_pad)
    pipelined = pipeline(STG)

    @T.macro
    def stream(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, compute):
        n_ch: T.let = (rend - rbeg) * SPL

        @T.inline
        def issue(c):
            if paged is None:
                copy_pair(KS, VS, K, V, b, hk, CI[rbeg + T.truncdiv(c, SPL)] * BK + T.truncmod(c, SPL) * KC, Lk, T.truncmod(c, STG) * TILE, T.truncmod(c, STG) * VTILE, tx)
            else:
                kc: T.let = CI[rbeg + T.truncdiv(c, SPL)] * BK + T.truncmod(c, SPL) * KC
                if kc < paged.limit(b):
                    page, first, end = T.meta_var(paged.rows(b, kc))
                    copy_pair(KS, VS, paged.K, paged.V, page, hk, first, end, T.truncmod(c, STG) * TILE, T.truncmod(c, STG) * VTILE, tx)

        @T.inline
        def run(j, k0, so, sov):
            if paged is None:
                compute(j, k0, so, sov)
            else:
                if k0 < paged.limit(b):
                    compute(j, k0, so, sov)

        @T.inline
        def chunk(cc):
            j: T.let = rbeg + T.truncdiv(cc, SPL)
            k0: T.let = CI[j] * BK + T.truncmod(cc, SPL) * KC
            so: T.let = T.truncmod(cc, STG) * TILE
            if DV == head_dim:
                run(j, k0, so, so)
            else:
                sov: T.let = T.truncmod(cc, STG) * VTILE
                run(j, k0, so, sov)

        pipelined(n_ch, issue, chunk)

    return KC, TILE, VTILE, stream


def stage_pair(*, threads: int, rows: int, head_dim: int, head_dim2: int | None = None):
    """``stage(S1, S2, G1, G2, b, h, row0, limit, tx)``: rows row0 .. row0 + rows - 1 of
    two [B, heads, L, head_dim] tensors into float32 shared tiles S1, S2 [rows,
    head_dim] by all ``threads`` threads of the CUDA-core kernels; rows at or past
    ``limit`` are zero-filled, never read. ``head_dim2``: the second tensor's head dim
    where it differs (a v head dim): then each is staged in a loop of its own."""

    def select(G, b, h, row0, kr, kd, limit):
        return T.Select(row0 + kr < limit, T.Cast("float32", G[b, h, T.min(row0 + kr, limit - 1), kd]), T.float32(0))

    @T.macro
    def stage_one(S, G, b, h, row0, limit, tx, dim):
        for e in T.serial((rows * dim + threads - 1) // threads):
            if e * threads + tx < rows * dim:
                kr: T.let = T.truncdiv(e * threads + tx, dim)
                kd: T.let = T.truncmod(e * threads + tx, dim)
                S[kr, kd] = select(G, b, h, row0, kr, kd, limit)

    @T.macro
    def stage(S1, S2, G1, G2, b, h, row0, limit, tx):
        if head_dim2 is None or head_dim2 == head_dim:
            for e in T.serial((rows * head_dim + threads - 1) // threads):
                if e * threads + tx < rows * head_dim:
                    kr: T.let = T.truncdiv(e * threads + tx, head_dim)
                    kd: T.let = T.truncmod(e * threads + tx, head_dim)
                    S1[kr, kd] = select(G1, b, h, row0, kr, kd, limit)
                    S2[kr, kd] = select(G2, b, h, row0, kr, kd, limit)
        else:
            stage_one(S1, G1, b, h, row0, limit, tx, head_dim)
            stage_one(S2, G2, b, h, row0, limit, tx, head_dim2)

    return stage


def key_tiles(*, block_k: int, tile: int, threads: int, head_dim: int, Lk,
              v_head_dim: int | None = None, paged=None):
    """``tiles(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, compute)``: the CUDA-core row
    kernels' walk over the row's key blocks rbeg .. rend - 1, ``tile`` keys at a time
    staged (float32) into KS, VS (V ``v_head_dim`` wide, default ``head_dim``);
    ``compute(j, kc)`` per tile (block j, first key kc). ``paged``: as for
    :func:`key_chunks`, K and V read through the block table, tiles past the sequence's
    end skipped."""
    stage = stage_pair(threads=threads, rows=tile, head_dim=head_dim, head_dim2=v_head_dim)

    @T.macro
    def step(KS, VS, K, V, j, kc, gb, hk, row0, limit, tx, compute):
        T.tvm_storage_sync("shared")
        stage(KS, VS, K, V, gb, hk, row0, limit, tx)
        T.tvm_storage_sync("shared")
        compute(j, kc)

    @T.macro
    def tiles(KS, VS, K, V, CI, rbeg, rend, b, hk, tx, compute):
        for j in T.serial(rbeg, rend):
            for c in T.serial(block_k // tile):
                kc: T.let = CI[j] * block_k + c * tile
                if paged is None:
                    step(KS, VS, K, V, j, kc, b, hk, kc, Lk, tx, compute)
                else:
                    if kc < paged.limit(b):
                        page, first, end = T.meta_var(paged.rows(b, kc))
                        step(KS, VS, paged.K, paged.V, j, kc, page, hk, first, end, tx, compute)

    return tiles


def _at(buf, r, d):
    """Element d of a register row (1-D) or of row r of a staged tile (2-D)."""
    return buf[d] if len(buf.shape) == 1 else buf[r, d]


def row_dots(head_dim: int, head_dim2: int | None = None):
    """``dots(SR, PR, rows, A1, B1, A2, B2)``: SR[r] = <A1, B1> and PR[r] = <A2, B2> for
    the staged rows r < rows, each operand a register row or a staged tile (in the order
    given, so the generated products keep their operand order). ``head_dim2``: the
    length of the second pair where it differs (a v head dim): then a loop of its own."""
    dim2 = head_dim if head_dim2 is None else head_dim2

    @T.macro
    def dots(SR, PR, rows, A1, B1, A2, B2):
        for r in T.serial(rows):
            SR[r] = T.float32(0)
            PR[r] = T.float32(0)
            if dim2 == head_dim:
                for d in T.unroll(head_dim):
                    SR[r] = SR[r] + _at(A1, r, d) * _at(B1, r, d)
                    PR[r] = PR[r] + _at(A2, r, d) * _at(B2, r, d)
            else:
                for d in T.unroll(head_dim):
                    SR[r] = SR[r] + _at(A1, r, d) * _at(B1, r, d)
                for d in T.unroll(dim2):
                    PR[r] = PR[r] + _at(A2, r, d) * _at(B2, r, d)

    return dots
