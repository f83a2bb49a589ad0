"""The CPU kernels' shared loop nests as TVMScript macros, each written once: the parallel
task loop, task decoding, the block-kind dispatch, register-tile products and output
accumulation; and the stack scratch buffers they work in."""

from __future__ import annotations

from tvm.script import tirx as T

from spdsl.codegen.common.signature import STACK

# The name the bfloat16 dot-product kernels call in place of LLVM's
# ``llvm.x86.avx512bf16.dpbf16ps.512`` (16 float lanes += the dot of 16 bfloat16 pairs):
# TVM 0.27 cannot spell that intrinsic's ``<32 x bfloat>`` operands (its bfloat16
# legalisation turns them into float32), so the kernel calls this extern with ``<16 x i32>``
# operands and ``kernels.compile_primfunc`` renames the call in the LLVM IR, where LLVM's
# auto-upgrade of the intrinsic's old integer signature inserts the bitcasts.
DPBF16 = "spdsl_dpbf16ps"
DOT_ATTR = "spdsl.dpbf16"  # PrimFunc attribute: the kernel calls DPBF16
DOT_LANES = 16  # float32 lanes of one vdpbf16ps (zmm)


class Slot:
    """Slot ``base + off`` of a permuted axis, ``base`` a block start: kept apart so that
    the division by the slots per class is done once per block, never per lane
    (``RowMap``). ``slot + x`` moves the offset."""

    def __init__(self, base, off):
        self.base, self.off = base, off

    def __add__(self, x):
        return Slot(self.base, self.off + x)


class RowMap:
    """The rows of one axis (queries or keys) as a kernel walks them: slot ``i`` of the
    kernel's grid reads and writes tensor row :meth:`row` (``spdsl.analysis.permute``).

    In order (``stride`` 0) a slot is its row: ``row(i) = min(i, L - 1)`` (clamped, as
    every load always was) and the grid has L slots. Residue-major (``stride`` s > 0)
    slot i holds row ``(i % M) * s + i // M`` with ``M`` slots a class (``ceil(L / s)``
    rounded up to ``block``, so a block never spans two classes: its rows are ``base_row
    + off * s``, one division per block); slots past L are padding: :meth:`valid` is
    false there, their loads are clamped and their stores skipped. Every load and store
    of the CPU kernels goes through :meth:`at` / :meth:`store_at` (slots as :meth:`slot`),
    so a permuted kernel gathers in its loads and scatters in its stores and copies
    nothing; in order they are the expressions the kernels always had."""

    def __init__(self, length, stride: int = 0, block: int = 1, name: str = "M"):
        self.length, self.stride, self.block = length, int(stride), int(block)
        # M as a variable bound once at the kernel's top (:func:`bind_slots`), not an
        # expression of the length repeated in every index
        self.m = None
        if self.stride:
            from tvm import tirx

            self.m = tirx.Var(name, "int32")

    @property
    def slots(self):
        """The grid's slots along this axis (a multiple of the block when permuted)."""
        return self.length if not self.stride else self.stride * self.m

    def per_class(self):
        """M as an expression of the length (what :func:`bind_slots` binds ``m`` to)."""
        s, blk = self.stride, self.block
        return ((self.length + (s - 1)) // s + (blk - 1)) // blk * blk

    def slot(self, base, off):
        """Slot ``off`` of the block starting at ``base``: ``base + off`` in order."""
        if not self.stride:
            return base if isinstance(off, int) and off == 0 else base + off
        return Slot(base, off)

    def _orig(self, x):
        from tvm import tirx

        # slots are never negative: truncated division, without floor's sign fix-ups
        m = self.m
        base, off = (x.base, x.off) if isinstance(x, Slot) else (x, 0)
        return tirx.truncmod(base, m) * self.stride + tirx.truncdiv(base, m) + off * self.stride

    def row(self, x):
        """The tensor row slot ``x`` reads (clamped into the tensor)."""
        return T.min(x if not self.stride else self._orig(x), self.length - 1)

    def at(self, base, off):
        """:meth:`row` of :meth:`slot`."""
        return self.row(self.slot(base, off))

    def valid(self, x):
        """Whether slot ``x`` holds a real row."""
        return (x if not self.stride else self._orig(x)) < self.length

    def store_at(self, base, off):
        """The tensor row slot ``base + off`` writes (guarded by :meth:`stored`)."""
        return base + off if not self.stride else self._orig(Slot(base, off))

    def stored(self, base, off):
        """Whether to write that slot: always in order (the store loop stops at L)."""
        return True if not self.stride else self._orig(Slot(base, off)) < self.length

    def count(self, base, n: int):
        """Slots of the store loop from ``base``: ``min(n, L - base)`` in order, else ``n``."""
        return T.min(n, self.length - base) if not self.stride else n


def stack_buffers(shape, n: int):
    """``n`` float32 kernel-local buffers of ``shape`` kept on the stack (see
    ``signature.STACK``), for use inside TVMScript: ``QT, OT = stack_buffers((64, 64), 2)``."""
    return [T.alloc_buffer(shape, "float32", annotations=STACK) for _ in range(n)]


def stack_buffer(*shape):
    """One of :func:`stack_buffers`: ``ACC = stack_buffer(4, 64)``."""
    return stack_buffers(shape, 1)[0]


def stack_tiles(dims, width: int):
    """One [dim, width] stack buffer per entry of ``dims`` (head dims that may differ):
    ``QT, OT = stack_tiles((D, DV), 64)``."""
    return [stack_buffer(dim, width) for dim in dims]


def bind_slots(func, *maps: RowMap):
    """``func`` (a PrimFunc) with the slots-per-class variable of each permuted map
    bound at the top of its body."""
    from tvm import tirx

    binds = [tirx.Bind(m.m, m.per_class()) for m in maps if m.stride]
    return func.with_body(tirx.SeqStmt([*binds, func.body])) if binds else func


def over_slots(p, rows: RowMap, heads, block: int):
    """``p`` (``signature.KernelParams``) with its task order ``ORD`` sized for the slots
    of a permuted task axis ([B * heads * slots / block]); ``p`` itself in order."""
    if not rows.stride:
        return p
    from dataclasses import replace

    from tvm import tirx

    n = p.HC.shape[0] * heads * ((rows.stride * rows.per_class() + (block - 1)) // block)
    return replace(p, ORD=tirx.decl_buffer((n,), "int32", name="ORD"))


def load_row(limit, base, off):
    """A load's row, slot ``off`` of the block at ``base``: ``limit`` is a :class:`RowMap`
    or the axis length (clamped)."""
    return limit.at(base, off) if isinstance(limit, RowMap) else T.min(base + off, limit - 1)


def cpu_loops(p, sv, *, block_q: int, lanes: int, q_rows: RowMap | None = None):
    """The loop nests the CPU kernels share, as TVMScript macros over the buffers of ``p``
    (a :class:`~spdsl.codegen.common.signature.KernelParams`); ``lanes`` is the length of
    the vectorised axis (block_q for forward and dQ, block_k for dK/dV). The products take
    the head dim of each operand pair (``dim1``, ``dim2``: q/k's or v's, which may differ);
    a pair of equal dims shares one pass, different ones run a pass each:

    ``parallel_tasks(n_tasks, body, *args)``
        the parallel loop over the tasks in the order ``p.ORD``: ``body(task, *args)``
    ``row_tasks(body)``
        the tasks of forward and dQ, one per (batch, head, query block), decoded and
        their row of the layout looked up; runs ``body(b, h, hk, q0, rbeg, rend)`` (the
        task's nonzero blocks are ``p.IDX[rbeg:rend]``)
    ``block_kinds(flag, crosses_edge, with_full, step, *args)``
        ``step(variant, *args)`` for the block kind: "partial" (``flag`` is 0), "edge"
        (FULL, ``crosses_edge``), "full" (FULL inside; only if ``with_full``)
    ``products(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile, dim1, dim2)``
        ``Y1[r, i] = sum_d G1[b, head, min(base + r, limit - 1), d] X1[d, i]`` over d <
        dim1, for r < n_rows, ``tile`` rows of register accumulators at a time; Y2
        likewise from G2 and X2 over d < dim2 unless Y2 is None
    ``accumulate(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, alpha, dim1, tile1, dim2, tile2)``
        ``Y1[d, i] = Y1[d, i] (* alpha[i]) + sum_kk G1[b, head, min(base + kk, limit -
        1), d] X1[kk, i]`` over kk < n_red, for d < dim1, ``tile1`` rows of d at a time
        (a divisor of dim1); Y2 likewise over dim2, tile2 (never rescaled) unless None;
        alpha None: no rescaling

    ``limit`` is the axis length, or its :class:`RowMap` (rows read through it);
    ``q_rows`` the query axis's map, whose slots make the tasks of ``row_tasks``.
    """
    Bv, Hv, Hkv, Lqv = sv.B, sv.H, sv.Hk, sv.Lq
    HC, RP, ORD, W = p.HC, p.PTR, p.ORD, lanes
    q_slots = Lqv if q_rows is None else q_rows.slots

    @T.macro
    def parallel_tasks(n_tasks, body, *args):
        for t in T.parallel(n_tasks):
            task: T.let = ORD[t]
            body(task, *args)

    @T.macro
    def row_task(task, n_qb, group, body):
        b: T.let = T.truncdiv(task, Hv * n_qb)
        h: T.let = T.truncmod(T.truncdiv(task, n_qb), Hv)
        qb: T.let = T.truncmod(task, n_qb)
        hk: T.let = T.truncdiv(h, group)
        q0: T.let = qb * block_q
        row: T.let = HC[b, h] * (n_qb + 1) + qb
        rbeg: T.let = T.Cast("int32", RP[row])
        rend: T.let = T.Cast("int32", RP[row + 1])
        body(b, h, hk, q0, rbeg, rend)

    @T.macro
    def row_tasks(body):
        n_qb: T.let = T.truncdiv(q_slots + (block_q - 1), block_q)
        group: T.let = T.truncdiv(Hv, Hkv)
        parallel_tasks(Bv * Hv * n_qb, row_task, n_qb, group, body)

    @T.macro
    def block_kinds(flag, crosses_edge, with_full, step, *args):
        if flag == T.uint8(0):
            step("partial", *args)
        elif crosses_edge:
            step("edge", *args)
        elif with_full:
            step("full", *args)

    @T.macro
    def in_tiles(n_tiles, tile, Y1, Y2, fill, update, *args):
        """For each of ``n_tiles`` groups of ``tile`` rows of Y1 (and Y2 unless None): a
        register tile pair, ``fill(A, t, r, i)`` each element, ``update(A, t, *args)``, and
        the rows written back. ``A`` is [A1] or [A1, A2]."""
        for rt in T.serial(n_tiles):
            A = T.meta_var(stack_buffers((tile, W), 1 if Y2 is None else 2))
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    fill(A, rt, r, i)
            update(A, rt, *args)
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    Y1[rt * tile + r, i] = A[0][r, i]
                    if Y2 is not None:
                        Y2[rt * tile + r, i] = A[1][r, i]

    @T.macro
    def products_pass(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile, dim):
        @T.inline
        def zero(A, t, r, i):
            A[0][r, i] = T.float32(0)
            if Y2 is not None:
                A[1][r, i] = T.float32(0)

        @T.inline
        def dots(A, t):
            for d in T.serial(dim):
                for r in T.unroll(tile):
                    for i in T.vectorized(W):
                        A[0][r, i] = A[0][r, i] + T.Cast("float32", G1[b, head, load_row(limit, base + t * tile, r), d]) * X1[d, i]
                        if Y2 is not None:
                            A[1][r, i] = A[1][r, i] + T.Cast("float32", G2[b, head, load_row(limit, base + t * tile, r), d]) * X2[d, i]

        in_tiles(n_rows // tile, tile, Y1, Y2, zero, dots)

    @T.macro
    def products(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile, dim1, dim2):
        if Y2 is None or dim1 == dim2:
            products_pass(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_rows, tile, dim1)
        else:
            products_pass(Y1, G1, X1, None, None, None, b, head, base, limit, n_rows, tile, dim1)
            products_pass(Y2, G2, X2, None, None, None, b, head, base, limit, n_rows, tile, dim2)

    @T.macro
    def accumulate_pass(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, tile, alpha, dim):
        @T.inline
        def load(A, t, r, i):
            if alpha is not None:
                A[0][r, i] = Y1[t * tile + r, i] * alpha[i]
            else:
                A[0][r, i] = Y1[t * tile + r, i]
            if Y2 is not None:
                A[1][r, i] = Y2[t * tile + r, i]

        @T.inline
        def sums(A, t):
            for kk in T.serial(n_red):
                for r in T.unroll(tile):
                    for i in T.vectorized(W):
                        A[0][r, i] = A[0][r, i] + T.Cast("float32", G1[b, head, load_row(limit, base, kk), t * tile + r]) * X1[kk, i]
                        if Y2 is not None:
                            A[1][r, i] = A[1][r, i] + T.Cast("float32", G2[b, head, load_row(limit, base, kk), t * tile + r]) * X2[kk, i]

        in_tiles(dim // tile, tile, Y1, Y2, load, sums)

    @T.macro
    def accumulate(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, alpha, dim1, tile1, dim2, tile2):
        if Y2 is None or dim1 == dim2:
            accumulate_pass(Y1, G1, X1, Y2, G2, X2, b, head, base, limit, n_red, tile1, alpha, dim1)
        else:
            accumulate_pass(Y1, G1, X1, None, None, None, b, head, base, limit, n_red, tile1, alpha, dim1)
            accumulate_pass(Y2, G2, X2, None, None, None, b, head, base, limit, n_red, tile2, None, dim2)

    return parallel_tasks, row_tasks, block_kinds, products, accumulate


def pair_word(G, b, head, row, d):
    """``G[b, head, row, d]`` and ``G[b, head, row, d + 1]`` (bfloat16, adjacent) as one
    int32 word, :func:`bf16_pair`'s layout: one 32-bit load (two 16-bit loads combined
    made the LLVM build of the forward 2x slower)."""
    return T.reinterpret("int32", G.vload([b, head, row, d], "bfloat16x2"))


def bf16_bits(x):
    """The 16 bits of the bfloat16 element ``x`` (a buffer load) as a uint32."""
    return T.Cast("uint32", T.reinterpret("uint16", x))


def bf16_pair(lo, hi):
    """Two bfloat16 elements as one int32 word, ``lo`` in the low half: a vdpbf16ps pair."""
    return T.reinterpret("int32", bf16_bits(lo) | (bf16_bits(hi) << T.uint32(16)))


def round_pair(lo, hi):
    """Two float32 values rounded to bfloat16 (to nearest even) and packed as
    :func:`bf16_pair`: the softmax weights P and the backward's dS (any sign: the bits are
    sign and magnitude; a value past bfloat16's range becomes inf, a NaN stays a NaN unless
    its payload fills the low 16 bits)."""
    def rounded(x):
        u = T.reinterpret("uint32", x)
        return u + T.uint32(0x7FFF) + ((u >> T.uint32(16)) & T.uint32(1))
    return T.reinterpret("int32", (rounded(lo) >> T.uint32(16)) | (rounded(hi) & T.uint32(0xFFFF0000)))


def pair_buffers(*shapes):
    """One int32 stack buffer of bfloat16 pairs (:func:`bf16_pair`) per shape, for use
    inside TVMScript: ``QP, KP = pair_buffers((16, 64), (32, 64))``."""
    return [T.alloc_buffer(shape, "int32", annotations=STACK) for shape in shapes]


def dot_loops(lanes: int):
    """The block products of the bfloat16 kernels on vdpbf16ps (:data:`DPBF16`), as
    TVMScript macros over register tiles of ``tile`` x ``lanes`` float32 accumulators
    (``lanes`` a multiple of :data:`DOT_LANES`); pairs of bfloat16 are int32 words
    (:func:`bf16_pair`). Like ``cpu_loops``' products, each takes an optional second
    product (``Y2=`` ...) that shares the pass when both reduce over the same length, or
    runs a pass of its own:

    ``dot_products(Y, G, XP, b, head, base, limit, n_rows, tile, pairs, factor, Y2=, G2=, XP2=, pairs2=)``
        ``Y[r, i] = factor * sum_d G[b, head, min(base + r, limit - 1), d] X[d, i]`` over
        d < 2 pairs, with X packed as ``XP[d2, i]`` = (X[2 d2, i], X[2 d2 + 1, i]) and
        G's pair read as one word (:func:`pair_word`); Y2 likewise from G2 and XP2 over
        2 pairs2, unscaled
    ``dot_accumulate(Y, GP, XP, n_pairs, alpha, dim, tile, Y2=, GP2=, XP2=, dim2=, tile2=)``
        ``Y[d, i] = Y[d, i] (* alpha[i]) + sum_kk G[kk, d] X[kk, i]`` over kk < 2 n_pairs
        and d < dim, with both packed: ``GP[k2, d]`` and ``XP[k2, i]`` pairs along kk
        (alpha None: no rescaling); Y2 likewise over dim2, ``tile2`` rows at a time, never
        rescaled
    """
    W, DL = lanes, DOT_LANES
    NV = lanes // DOT_LANES
    dot = dpbf16

    def second(Y2, tile):
        """The second product's accumulators (None without one)."""
        return None if Y2 is None else stack_buffer(tile, W)

    @T.macro
    def products_pass(Y, G, XP, Y2, G2, XP2, b, head, base, limit, n_rows, tile, pairs, factor):
        for rt in T.serial(n_rows // tile):
            A = T.alloc_buffer((tile, W), "float32", annotations=STACK)
            A2 = T.meta_var(second(Y2, tile))
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    A[r, i] = T.float32(0)
                    if Y2 is not None:
                        A2[r, i] = T.float32(0)
            for d2 in T.serial(pairs):
                for r in T.unroll(tile):
                    row: T.let = load_row(limit, base + rt * tile, r)
                    word: T.let = pair_word(G, b, head, row, 2 * d2)
                    for v in T.unroll(NV):
                        A[r, T.ramp(v * DL, 1, DL)] = dot(A.vload([r, v * DL], "float32x16"), word,
                                                          XP.vload([d2, v * DL], "int32x16"))
                    if Y2 is not None:
                        word2: T.let = pair_word(G2, b, head, row, 2 * d2)
                        for v in T.unroll(NV):
                            A2[r, T.ramp(v * DL, 1, DL)] = dot(A2.vload([r, v * DL], "float32x16"), word2,
                                                               XP2.vload([d2, v * DL], "int32x16"))
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    Y[rt * tile + r, i] = A[r, i] * factor
                    if Y2 is not None:
                        Y2[rt * tile + r, i] = A2[r, i]

    @T.macro
    def dot_products(Y, G, XP, b, head, base, limit, n_rows, tile, pairs, factor, Y2=None, G2=None,
                     XP2=None, pairs2=0):
        if Y2 is None or pairs == pairs2:
            products_pass(Y, G, XP, Y2, G2, XP2, b, head, base, limit, n_rows, tile, pairs, factor)
        else:
            products_pass(Y, G, XP, None, None, None, b, head, base, limit, n_rows, tile, pairs, factor)
            products_pass(Y2, G2, XP2, None, None, None, b, head, base, limit, n_rows, tile, pairs2,
                          T.float32(1))

    @T.macro
    def accumulate_pass(Y, GP, XP, Y2, GP2, XP2, n_pairs, alpha, dim, tile):
        for dt in T.serial(dim // tile):
            A = T.alloc_buffer((tile, W), "float32", annotations=STACK)
            A2 = T.meta_var(second(Y2, tile))
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    if alpha is not None:
                        A[r, i] = Y[dt * tile + r, i] * alpha[i]
                    else:
                        A[r, i] = Y[dt * tile + r, i]
                    if Y2 is not None:
                        A2[r, i] = Y2[dt * tile + r, i]
            for k2 in T.serial(n_pairs):
                for r in T.unroll(tile):
                    for v in T.unroll(NV):
                        A[r, T.ramp(v * DL, 1, DL)] = dot(A.vload([r, v * DL], "float32x16"),
                                                          GP[k2, dt * tile + r],
                                                          XP.vload([k2, v * DL], "int32x16"))
                    if Y2 is not None:
                        for v in T.unroll(NV):
                            A2[r, T.ramp(v * DL, 1, DL)] = dot(A2.vload([r, v * DL], "float32x16"),
                                                               GP2[k2, dt * tile + r],
                                                               XP2.vload([k2, v * DL], "int32x16"))
            for r in T.unroll(tile):
                for i in T.vectorized(W):
                    Y[dt * tile + r, i] = A[r, i]
                    if Y2 is not None:
                        Y2[dt * tile + r, i] = A2[r, i]

    @T.macro
    def dot_accumulate(Y, GP, XP, n_pairs, alpha, dim, tile, Y2=None, GP2=None, XP2=None, dim2=0,
                       tile2=0):
        if Y2 is None or dim == dim2:
            accumulate_pass(Y, GP, XP, Y2, GP2, XP2, n_pairs, alpha, dim, tile)
        else:
            accumulate_pass(Y, GP, XP, None, None, None, n_pairs, alpha, dim, tile)
            accumulate_pass(Y2, GP2, XP2, None, None, None, n_pairs, None, dim2, tile2)

    return dot_products, dot_accumulate


def dpbf16(acc, a_word, b_words):
    """One vdpbf16ps (:data:`DPBF16`): ``acc`` (float32x16) += the dots of the bfloat16 pair
    ``a_word`` (an int32 word, broadcast) with the 16 pairs ``b_words`` (int32x16)."""
    return T.call_pure_extern("float32x16", DPBF16, acc, T.Broadcast(a_word, DOT_LANES), b_words)


def rounded_accumulate(dot_accumulate, lanes: int):
    """T.macro ``acc(Y, G, X, PG, PX, b, head, base, limit, n_red, alpha, dim, tile)``:
    ``Y[d, i] (* alpha[i]) += sum_kk G[b, head, min(base + kk, limit - 1), d] X[kk, i]`` on
    vdpbf16ps, with X (float32 [n_red, lanes]: P or dS) rounded to bfloat16 pairs into PX
    [n_red / 2, lanes] and G's rows (V or K) packed into PG [n_red / 2, dim], both in pairs
    along kk (the forward's P V, the dQ kernel's dS K)."""

    @T.macro
    def acc(Y, G, X, PG, PX, b, head, base, limit, n_red, alpha, dim, tile):
        for k2 in T.serial(n_red // 2):
            for i in T.vectorized(lanes):
                PX[k2, i] = round_pair(X[2 * k2, i], X[2 * k2 + 1, i])
        for k2 in T.serial(n_red // 2):
            for d in T.vectorized(dim):
                PG[k2, d] = bf16_pair(G[b, head, load_row(limit, base, 2 * k2), d],
                                      G[b, head, load_row(limit, base, 2 * k2 + 1), d])
        dot_accumulate(Y, PG, PX, n_red // 2, alpha, dim, tile)

    return acc
