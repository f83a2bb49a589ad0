"""The block layout: each (batch, head, query block, key block) FULL, PARTIAL or EMPTY.

Found by interval analysis (spdsl/analysis/intervals.py), never by evaluating an Lq x Lk mask:

1. Heads (batches) that cannot differ share one analysis: a mask that does not read
   ``h`` (no ``h``, no random_blocks, no input indexed by ``h``) is analysed for head 0
   only.  Otherwise every head is analysed (all heads at once, vectorised) and
   identical layouts are stored once (``head_class[b, h]`` -> ``layouts[i]``).
2. Hierarchical: one region covers the whole block grid; regions are classified in
   depth-first batches of at most ``_CHUNK``; FULL and EMPTY regions are decided for
   every block they cover; PARTIAL ones are halved along their longer side (in blocks).
   A sliding window costs O(n log n).
3. Blocks still PARTIAL are refined exactly, a batch at a time: sample points (corners,
   their neighbours, the centre) find a true and a false element for most; the rest
   are split into sub-rectangles (down to enumerating a few points) until a true and a
   false element, or a proof that there is none, is found.  Work is capped; a block not
   decided within the cap stays PARTIAL, which is always safe.

A layout is stored as runs: per query block, its maximal runs of FULL and of PARTIAL key
blocks.  Memory follows the number of runs, not of blocks (causal is two runs a row at
any length), and every statistic of ``spdsl explain`` is computed from the runs.  The
BSR arrays the kernels read, per layout class ``row_ptr`` [n_qb + 1], ``col_idx`` (sorted
key blocks of each query block) and ``full`` (True FULL, False PARTIAL; EMPTY is absent),
are built from the runs on first use.  Every step works in batches of a fixed size, so
its working memory beyond the result is bounded whatever the lengths.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis.evaluate import evaluate_points
from spdsl.analysis.intervals import EMPTY, FULL, PARTIAL, Context, Regions, classify_regions

REFINE_BUDGET = 1 << 22     # sub-regions + points examined per refinement call
ROW_SEARCH_BUDGET = 1 << 26  # regions + points the empty-row count may examine (seconds)
_ENUMERATE_AREA = 64        # a PARTIAL sub-region this small is evaluated point by point
_POINT_CHUNK = 1 << 18      # points per evaluate_points call: bounds peak memory (~2 MB an array)
_CHUNK = 1 << 16            # regions per interval analysis, runs per batch
_BLOCK_CHUNK = 1 << 20      # blocks (or row pieces) expanded at once: ~8 MB an index array
_N_SAMPLES = 13             # sample points per rectangle (_sample_points)


# ---------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------
@dataclass(eq=False)
class LayoutClass:
    """One distinct block layout, as runs: for each query block, its maximal runs of
    FULL and of PARTIAL key blocks, sorted by key block (EMPTY blocks are absent).

    ``row_ptr``, ``col_idx`` and ``full`` (compressed sparse rows, one entry a block)
    are built on first use; the statistics never need them."""

    run_ptr: np.ndarray     # int64 [n_qb + 1]: query block r's runs are run_ptr[r]:run_ptr[r + 1]
    run_kb: np.ndarray      # int32 [n_runs]: first key block of each run
    run_width: np.ndarray   # int32 [n_runs]: key blocks in each run
    run_full: np.ndarray    # bool  [n_runs]: True FULL, False PARTIAL

    @property
    def n_qb(self) -> int:
        return len(self.run_ptr) - 1

    @property
    def n_runs(self) -> int:
        return len(self.run_kb)

    @cached_property
    def nnz(self) -> int:
        """Non-empty blocks."""
        return sum(int(w.sum(dtype=np.int64)) for w in _slices(self.run_width))

    @cached_property
    def n_full(self) -> int:
        """FULL blocks."""
        return sum(int(w[f].sum(dtype=np.int64)) for w, f in
                   zip(_slices(self.run_width), _slices(self.run_full)))

    @property
    def csr_nbytes(self) -> int:
        """Bytes of ``row_ptr``, ``col_idx`` and ``full`` (whether built or not)."""
        return 8 * (self.n_qb + 1) + 5 * self.nnz

    def row_chunks(self) -> Iterator[tuple[int, int]]:
        """Consecutive query-block ranges [r0, r1) of at most ``_CHUNK`` runs each (or
        one query block)."""
        ptr, n, r0 = self.run_ptr, self.n_qb, 0
        while r0 < n:
            r1 = int(np.searchsorted(ptr, ptr[r0] + _CHUNK, side="right")) - 1
            r1 = min(max(r1, r0 + 1), n)
            yield r0, r1
            r0 = r1

    def runs(self, r0: int, r1: int):
        """(query block, first key block, width, is FULL) of the runs of rows [r0, r1)."""
        s0, s1 = int(self.run_ptr[r0]), int(self.run_ptr[r1])
        qb = np.repeat(np.arange(r0, r1, dtype=np.int64), np.diff(self.run_ptr[r0:r1 + 1]))
        return qb, self.run_kb[s0:s1], self.run_width[s0:s1], self.run_full[s0:s1]

    def row_counts(self, r0: int = 0, r1: int | None = None, full_only: bool = False) -> np.ndarray:
        """Non-empty (``full_only``: FULL) blocks of each query block in [r0, r1) (int64)."""
        r1 = self.n_qb if r1 is None else r1
        s0, s1 = int(self.run_ptr[r0]), int(self.run_ptr[r1])
        w = self.run_width[s0:s1].astype(np.int64)
        if full_only:
            w[~self.run_full[s0:s1]] = 0
        cum = np.zeros(len(w) + 1, np.int64)
        np.cumsum(w, out=cum[1:])
        ends = cum[self.run_ptr[r0:r1 + 1] - s0]
        return np.diff(ends)

    @cached_property
    def row_ptr(self) -> np.ndarray:
        """int64 [n_qb + 1]: query block r's blocks are col_idx[row_ptr[r]:row_ptr[r + 1]]."""
        out = np.zeros(self.n_qb + 1, np.int64)
        base = 0
        for r0, r1 in self.row_chunks():
            np.cumsum(self.row_counts(r0, r1), out=out[r0 + 1:r1 + 1])
            out[r0 + 1:r1 + 1] += base
            base = int(out[r1])
        return out

    @property
    def col_idx(self) -> np.ndarray:
        """int32 [nnz]: the key block of every non-empty block, sorted within each row."""
        return self._csr[0]

    @property
    def full(self) -> np.ndarray:
        """bool [nnz]: True FULL, False PARTIAL, one entry per ``col_idx`` entry."""
        return self._csr[1]

    @cached_property
    def _csr(self) -> tuple[np.ndarray, np.ndarray]:
        col = np.empty(self.nnz, np.int32)
        full = np.empty(self.nnz, bool)
        off = 0
        for r0, r1 in self.row_chunks():
            _, kb, width, is_full = self.runs(r0, r1)
            for i, j, counts, kbs in run_blocks(kb, width):
                col[off:off + len(kbs)] = kbs
                full[off:off + len(kbs)] = np.repeat(is_full[i:j], counts)
                off += len(kbs)
        return col, full

    def rows(self) -> np.ndarray:
        """The query block of every stored block (int64 [nnz])."""
        counts = np.diff(self.row_ptr)
        return np.repeat(np.arange(len(counts), dtype=np.int64), counts)


def _slices(a: np.ndarray) -> Iterator[np.ndarray]:
    for s in range(0, len(a), _BLOCK_CHUNK):
        yield a[s:s + _BLOCK_CHUNK]


def run_blocks(kb0: np.ndarray, width: np.ndarray, limit: int | None = None):
    """The blocks of runs, in order, at most ``limit`` (default ``_BLOCK_CHUNK``) at a
    time: ``(i, j, counts, kb)`` for runs i..j-1, ``counts`` blocks from each (a run
    wider than the limit comes in pieces) and their key blocks (int64).  A value per
    run becomes a value per block with ``np.repeat(value[i:j], counts)``."""
    limit = limit or _BLOCK_CHUNK
    width = np.asarray(width, np.int64)
    end = np.cumsum(width)
    i, n = 0, len(width)
    steps = np.arange(min(limit, int(end[-1]) if n else 0), dtype=np.int64)
    while i < n:
        base = int(end[i] - width[i])
        j = int(np.searchsorted(end, base + limit, side="right"))
        if j > i:
            w = width[i:j]
            kb = np.repeat(kb0[i:j].astype(np.int64) - (end[i:j] - w - base), w)
            kb += steps[:len(kb)]
            yield i, j, w, kb
            i = j
            continue
        w = int(width[i])
        for s in range(0, w, limit):
            m = min(limit, w - s)
            yield i, i + 1, np.array([m]), int(kb0[i]) + s + np.arange(m, dtype=np.int64)
        i += 1


@dataclass
class BlockLayout:
    Lq: int
    Lk: int
    H: int
    B: int
    block_q: int
    block_k: int
    layouts: list[LayoutClass]
    head_class: np.ndarray            # int64 [B, H] -> index into layouts
    depends_on_b: bool = False
    depends_on_h: bool = False
    refined_incomplete: int = 0       # blocks left PARTIAL because the work cap was hit

    @property
    def n_qb(self) -> int:
        return -(-self.Lq // self.block_q)

    @property
    def n_kb(self) -> int:
        return -(-self.Lk // self.block_k)

    def layout(self, b: int = 0, h: int = 0) -> LayoutClass:
        return self.layouts[int(self.head_class[b, h])]

    def kinds(self, b: int = 0, h: int = 0) -> np.ndarray:
        """int8 [n_qb, n_kb]: 0 EMPTY, 1 PARTIAL, 2 FULL (dense; for small sizes)."""
        lay = self.layout(b, h)
        out = np.zeros((self.n_qb, self.n_kb), np.int8)
        out[lay.rows(), lay.col_idx] = np.where(lay.full, FULL, PARTIAL)
        return out

    def multiplicity(self) -> np.ndarray:
        """How many (b, h) use each layout class."""
        return np.bincount(self.head_class.ravel(), minlength=len(self.layouts))

    def counts(self) -> dict[str, int]:
        """FULL / PARTIAL / EMPTY block totals over every (b, h)."""
        mult = self.multiplicity()
        full = sum(int(m) * l.n_full for m, l in zip(mult, self.layouts))
        nnz = sum(int(m) * l.nnz for m, l in zip(mult, self.layouts))
        total = self.B * self.H * self.n_qb * self.n_kb
        return {"full": full, "partial": nnz - full, "empty": total - nnz}

    def row_counts(self, b: int = 0, h: int = 0) -> np.ndarray:
        """Non-empty blocks per query block (int64 [n_qb])."""
        return self.layout(b, h).row_counts()

    def load_imbalance(self) -> float:
        """max / mean of the non-empty blocks per (b, h, query block); 1.0 is even."""
        mult = self.multiplicity()
        peak, total = 0, 0
        for m, lay in zip(mult, self.layouts):
            if m:
                for r0, r1 in lay.row_chunks():
                    peak = max(peak, int(lay.row_counts(r0, r1).max(initial=0)))
                total += int(m) * lay.nnz
        rows = self.B * self.H * self.n_qb
        return peak / (total / rows) if total else 1.0

    def element_counts(self, lay: LayoutClass) -> tuple[int, int]:
        """(elements in FULL blocks, elements in PARTIAL blocks) of one layout class,
        the short last blocks counted at their real size."""
        full = partial = 0
        for r0, r1 in lay.row_chunks():
            qb, kb, width, is_full = lay.runs(r0, r1)
            rows = np.minimum((qb + 1) * self.block_q, self.Lq) - qb * self.block_q
            kb = kb.astype(np.int64)
            cols = np.minimum((kb + width) * self.block_k, self.Lk) - kb * self.block_k
            area = rows * cols
            f = int(area[is_full].sum())
            full += f
            partial += int(area.sum()) - f
        return full, partial

    def visited_elements(self) -> int:
        """Elements of every non-empty block over every (b, h): what the kernels compute."""
        return sum(int(m) * sum(self.element_counts(l))
                   for m, l in zip(self.multiplicity(), self.layouts) if m)

    @property
    def nbytes(self) -> int:
        """Bytes of the layout as the kernels read it (head_class and each class's
        row_ptr, col_idx and full), computed without building it."""
        return int(self.head_class.nbytes) + sum(l.csr_nbytes for l in self.layouts)


# ---------------------------------------------------------------------------
# classification
# ---------------------------------------------------------------------------
@dataclass
class _Problem:
    """The mask, its sizes and the cached tables, shared by every step of one call."""

    mask: ir.Expr
    Lq: int
    Lk: int
    bq: int
    bk: int
    ctx: Context
    inputs: Mapping[str, Any] | None
    tables: dict = field(default_factory=dict)   # random_blocks cache for evaluate_points

    def classify(self, b, h, q0, q1, k0, k1) -> np.ndarray:
        regions = Regions(b, b, h, h, q0, q1, k0, k1)
        return classify_regions(self.mask, regions, self.ctx)

    def points(self, b, h, q, k) -> np.ndarray:
        out = np.empty(len(q), bool)
        for s in range(0, len(q), _POINT_CHUNK):
            sl = slice(s, s + _POINT_CHUNK)
            out[sl] = evaluate_points(self.mask, b[sl], h[sl], q[sl], k[sl], self.ctx.sizes,
                                      self.inputs, random_tables=self.tables)
        return out

    def element_box(self, qb0, qb1, kb0, kb1):
        """Block ranges to element ranges, clipped to the real lengths."""
        q0, k0 = qb0 * self.bq, kb0 * self.bk
        q1 = np.minimum((qb1 + 1) * self.bq, self.Lq) - 1
        k1 = np.minimum((kb1 + 1) * self.bk, self.Lk) - 1
        return q0, q1, k0, k1


def classify(mask: ir.Expr, *, Lq: int, Lk: int, H: int, B: int = 1, block_q: int,
             block_k: int, inputs: Mapping[str, Any] | None = None,
             refine_budget: int = REFINE_BUDGET) -> BlockLayout:
    """The block layout of a bool mask expression at the given sizes.

    FULL means every real element of the block is true, EMPTY that none is; both are
    proven.  PARTIAL blocks are exact (they hold a true and a false element) unless
    the refinement cap was hit (``layout.refined_incomplete`` counts those).  Memory
    follows the layout's runs (see the module's docstring), whatever the lengths.

    >>> from spdsl.ir.nodes import Binary, Var
    >>> causal = Binary("<=", Var("k"), Var("q"), "bool")
    >>> classify(causal, Lq=8, Lk=8, H=1, block_q=4, block_k=4).kinds().tolist()
    [[1, 0], [2, 1]]
    """
    Lq, Lk, H, B, bq, bk = (_size(v, n) for v, n in ((Lq, "Lq"), (Lk, "Lk"), (H, "H"),
                                                     (B, "B"), (block_q, "block_q"), (block_k, "block_k")))
    if bq <= 0 or bk <= 0:
        raise ValueError(f"block sizes must be positive, got ({bq}, {bk})")
    if mask.type != ir.BOOL:
        raise ValueError(f"a mask must be a bool expression, this one is {mask.type}")
    dep_b, dep_h = ir.depends_on(mask, "b"), ir.depends_on(mask, "h")
    layout = BlockLayout(Lq, Lk, H, B, bq, bk, [], np.zeros((B, H), np.int64), dep_b, dep_h)
    n_qb, n_kb = layout.n_qb, layout.n_kb
    pb, ph = _pairs(B if dep_b else min(B, 1), H if dep_h else min(H, 1))
    if len(pb) == 0 or n_qb == 0 or n_kb == 0:
        layout.layouts = [_empty_class(n_qb)]
        return layout
    prob = _Problem(mask, Lq, Lk, bq, bk, Context(dict(B=B, H=H, Lq=Lq, Lk=Lk), inputs), inputs)
    dtype = _index_dtype(max(n_qb, n_kb, len(pb)))
    full_rects, partial = _hierarchical(prob, pb, ph, n_qb, n_kb, dtype)
    full_blocks, partial, incomplete = _refine_blocks(prob, pb, ph, partial, refine_budget)
    decided = [full_rects, full_blocks, partial]
    del full_rects, full_blocks, partial     # _build_classes frees them as it goes
    classes, pair_class = _build_classes(decided, len(pb), n_qb, n_kb)
    layout.layouts = classes
    layout.head_class = _spread(pair_class, pb, ph, B, H, dep_b, dep_h)
    layout.refined_incomplete = incomplete
    return layout


def _size(v, name) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
        raise ValueError(f"{name} must be a non-negative int, got {v!r}")
    return int(v)


def _index_dtype(largest: int):
    return np.int32 if largest < 1 << 31 else np.int64


def _pairs(nb: int, nh: int):
    pb, ph = np.meshgrid(np.arange(nb, dtype=np.int64), np.arange(nh, dtype=np.int64), indexing="ij")
    return pb.ravel(), ph.ravel()


def _empty_class(n_qb: int) -> LayoutClass:
    return LayoutClass(np.zeros(n_qb + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int32),
                       np.zeros(0, bool))


def _pop(stack: list, n: int) -> np.ndarray:
    """The last ``n`` (or fewer) columns of the last array on the stack, removed from it:
    working on the newest rectangles first keeps the stack to about ``n`` a level."""
    top = stack[-1]
    if top.shape[1] <= n:
        return stack.pop()
    stack[-1] = top[:, :-n]
    return top[:, -n:]


def _concat(parts: list, rows: int, dtype) -> np.ndarray:
    return np.concatenate(parts, axis=1) if parts else np.zeros((rows, 0), dtype)


def _hierarchical(prob: _Problem, pb, ph, n_qb: int, n_kb: int, dtype):
    """Classify block rectangles, halving the PARTIAL ones, until every rectangle is
    decided or a single block, depth first, ``_CHUNK`` rectangles at a time.  Returns
    the FULL rectangles [pair, qb0, qb1, kb0, kb1] and the PARTIAL single blocks
    [pair, qb, kb] as ``dtype`` arrays (5 x n and 3 x m)."""
    P = len(pb)
    root = np.zeros((5, P), np.int64)
    root[0] = np.arange(P)
    root[2], root[4] = n_qb - 1, n_kb - 1
    stack, fulls, partials = [root], [], []
    while stack:
        rect = _pop(stack, _CHUNK)
        pair, qb0, qb1, kb0, kb1 = rect
        cls = prob.classify(pb[pair], ph[pair], *prob.element_box(qb0, qb1, kb0, kb1))
        fulls.append(rect[:, cls == FULL].astype(dtype))
        open_ = cls == PARTIAL
        single = open_ & (qb0 == qb1) & (kb0 == kb1)
        partials.append(rect[[0, 1, 3]][:, single].astype(dtype))
        split = open_ & ~single
        if split.any():
            stack.append(_halve(rect[:, split]))
    return _concat(fulls, 5, dtype), _concat(partials, 3, dtype)


def _halve(rect: np.ndarray) -> np.ndarray:
    """Split each rectangle [owner, a0, a1, c0, c1] in two along its longer side."""
    own, a0, a1, c0, c1 = rect
    along_q = (a1 - a0) >= (c1 - c0)
    mid_q, mid_k = (a0 + a1) // 2, (c0 + c1) // 2
    first = np.stack([own, a0, np.where(along_q, mid_q, a1), c0, np.where(along_q, c1, mid_k)])
    second = np.stack([own, np.where(along_q, mid_q + 1, a0), a1, np.where(along_q, c0, mid_k + 1), c1])
    return np.concatenate([first, second], axis=1)


def _refine_blocks(prob: _Problem, pb, ph, partial: np.ndarray, budget: int):
    """Decide single PARTIAL blocks exactly where possible, ``_CHUNK`` at a time under one
    shared budget: returns the blocks found FULL, the rest PARTIAL (those found EMPTY
    dropped), and how many stayed undecided."""
    n = partial.shape[1]
    full, still = np.zeros(n, bool), np.ones(n, bool)
    undecided = 0
    for s in range(0, n, _CHUNK):
        pair, qb, kb = partial[:, s:s + _CHUNK].astype(np.int64)
        q0, q1, k0, k1 = prob.element_box(qb, qb, kb, kb)
        has_true, has_false, incomplete, budget = _search(
            prob, pb[pair], ph[pair], np.arange(len(pair)), q0, q1, k0, k1, len(pair), True, budget)
        f = has_true & ~has_false & ~incomplete
        e = has_false & ~has_true & ~incomplete
        full[s:s + _CHUNK] = f
        still[s:s + _CHUNK] = ~f & ~e
        undecided += int((~f & ~e & ~(has_true & has_false)).sum())
    return partial[:, full], partial[:, still], undecided


def _search(prob: _Problem, ob, oh, owner, q0, q1, k0, k1, n_owners, need_false, budget,
            charge_samples=False):
    """Look for true (and, with ``need_false``, false) elements of every owner's
    rectangles, depth first, ``_CHUNK`` rectangles at a time.  Returns per owner: a true
    element exists, a false one exists, and whether the search stopped before it was
    complete; then the budget left.  ``charge_samples``: the first look at each
    rectangle (13 sample points) is charged to the budget too."""
    has_true = np.zeros(n_owners, bool)
    has_false = np.zeros(n_owners, bool)
    incomplete = np.zeros(n_owners, bool)
    for s in range(0, len(owner), _CHUNK):
        sl = slice(s, s + _CHUNK)
        idx, qs, ks = _sample_points(owner[sl], q0[sl], q1[sl], k0[sl], k1[sl])
        o = owner[sl][idx]
        _record(prob.points(ob[o], oh[o], qs, ks), o, has_true, has_false)
    if charge_samples:
        budget -= _N_SAMPLES * len(owner)
    stack = [np.stack([owner, q0, q1, k0, k1])]
    while stack:
        rect = _pop(stack, _CHUNK)
        done = has_true & (has_false | (not need_false))
        rect = rect[:, ~done[rect[0]]]
        own, a0, a1, c0, c1 = rect
        if len(own) == 0:
            continue
        if budget <= 0:
            for r in [rect] + stack:
                incomplete[r[0][~done[r[0]]]] = True
            break
        budget -= len(own)
        cls = prob.classify(ob[own], oh[own], a0, a1, c0, c1)
        has_true[own[cls == FULL]] = True
        has_false[own[cls == EMPTY]] = True
        area = (a1 - a0 + 1) * (c1 - c0 + 1)
        small = (cls == PARTIAL) & (area <= _ENUMERATE_AREA)
        if small.any():
            budget -= _enumerate(prob, ob, oh, rect[:, small], has_true, has_false)
        big = (cls == PARTIAL) & ~small
        if big.any():
            stack.append(_halve(rect[:, big]))
    return has_true, has_false, incomplete, budget


def _enumerate(prob: _Problem, ob, oh, rect, has_true, has_false) -> int:
    """Evaluate every point of small rectangles [owner, q0, q1, k0, k1]; returns how many."""
    step = max(1, _POINT_CHUNK // _ENUMERATE_AREA)
    n = 0
    for s in range(0, rect.shape[1], step):
        own, a0, a1, c0, c1 = rect[:, s:s + step]
        idx, qs, ks = _rect_points(a0, a1, c0, c1)
        o = own[idx]
        _record(prob.points(ob[o], oh[o], qs, ks), o, has_true, has_false)
        n += len(qs)
    return n


def _record(values, owner, has_true, has_false):
    has_true[owner[values]] = True
    has_false[owner[~values]] = True


def _sample_points(owner, q0, q1, k0, k1):
    """Corners, the neighbours of the corners one step inwards, and the centre."""
    qm, km = (q0 + q1) // 2, (k0 + k1) // 2
    qi0, qi1 = np.minimum(q0 + 1, q1), np.maximum(q1 - 1, q0)
    ki0, ki1 = np.minimum(k0 + 1, k1), np.maximum(k1 - 1, k0)
    choices = [(q0, k0), (q0, k1), (q1, k0), (q1, k1), (qi0, k0), (q0, ki0), (qi1, k1),
               (q1, ki1), (qi0, k1), (q0, ki1), (qi1, k0), (q1, ki0), (qm, km)]
    n = len(owner)
    idx = np.tile(np.arange(n), len(choices))
    qs = np.concatenate([c[0] for c in choices])
    ks = np.concatenate([c[1] for c in choices])
    return idx, qs, ks


def _rect_points(q0, q1, k0, k1):
    """Every point of every rectangle: (rectangle index, q, k), vectorised."""
    w = k1 - k0 + 1
    area = (q1 - q0 + 1) * w
    idx = np.repeat(np.arange(len(q0)), area)
    start = np.cumsum(area) - area
    off = np.arange(int(area.sum()), dtype=np.int64) - start[idx]
    return idx, q0[idx] + off // w[idx], k0[idx] + off % w[idx]


# ---------------------------------------------------------------------------
# from decided rectangles to runs
# ---------------------------------------------------------------------------
def _build_classes(decided: list, n_pairs: int, n_qb: int, n_kb: int):
    """One LayoutClass per distinct layout from ``decided`` = [FULL rectangles, FULL
    blocks, PARTIAL blocks] (emptied); ``pair_class[i]`` is pair i's class."""
    full_rects, full_blocks, partial = decided
    decided.clear()
    rects = _sorted_by_row(full_rects, n_qb)
    # single blocks as [pair, qb, kb, is FULL]
    singles = np.concatenate([
        np.concatenate([full_blocks, np.ones((1, full_blocks.shape[1]), full_blocks.dtype)]),
        np.concatenate([partial, np.zeros((1, partial.shape[1]), partial.dtype)])], axis=1)
    del full_rects, full_blocks, partial
    singles = _sorted_by_row(singles, n_qb)
    rect_bounds = np.searchsorted(rects[0], np.arange(n_pairs + 1))
    single_bounds = np.searchsorted(singles[0], np.arange(n_pairs + 1))
    classes: list[LayoutClass] = []
    seen: dict[bytes, list[int]] = {}
    pair_class = np.zeros(n_pairs, np.int64)
    for p in range(n_pairs):
        lay = _runs_of(rects[1:, rect_bounds[p]:rect_bounds[p + 1]],
                       singles[1:, single_bounds[p]:single_bounds[p + 1]], n_qb, n_kb)
        key = _digest(lay) if n_pairs > 1 else b""
        for c in seen.get(key, []):
            if _same(classes[c], lay):
                pair_class[p] = c
                break
        else:
            seen.setdefault(key, []).append(len(classes))
            pair_class[p] = len(classes)
            classes.append(lay)
    return classes, pair_class


def _sorted_by_row(a: np.ndarray, n_qb: int) -> np.ndarray:
    """The columns of [pair, qb, ...] sorted by (pair, qb), one row at a time."""
    if a.shape[1] == 0:
        return a
    key = a[0].astype(np.int64) * n_qb + a[1]
    order = np.argsort(key, kind="stable")
    del key
    for i in range(a.shape[0]):
        a[i] = a[i][order]
    return a


def _runs_of(rects: np.ndarray, singles: np.ndarray, n_qb: int, n_kb: int) -> LayoutClass:
    """The runs of one layout from its FULL rectangles [qb0, qb1, kb0, kb1] (sorted by
    qb0) and single blocks [qb, kb, is FULL] (sorted by qb), which cover disjoint blocks.

    A sweep down the query blocks, in row ranges of at most ``_BLOCK_CHUNK`` row pieces:
    the rectangles that cross the range are cut into one piece a row, sorted with the
    single blocks by (row, key block), and adjacent pieces of one kind merged."""
    dt = _index_dtype(n_kb)
    pieces = np.bincount(rects[0], minlength=n_qb + 1)
    pieces -= np.bincount(rects[1] + 1, minlength=n_qb + 1)
    np.cumsum(pieces, out=pieces)
    pieces[:n_qb] += np.bincount(singles[0], minlength=n_qb)
    np.cumsum(pieces, out=pieces)        # pieces[r]: pieces in rows 0..r
    run_count = np.zeros(n_qb + 1, np.int64)
    kbs, widths, fulls = [], [], []
    active = np.zeros((4, 0), np.int64)
    j = s = r0 = 0
    while r0 < n_qb:
        base = int(pieces[r0 - 1]) if r0 else 0
        r1 = min(max(int(np.searchsorted(pieces[:n_qb], base + _BLOCK_CHUNK, side="right")), r0 + 1), n_qb)
        j1 = int(np.searchsorted(rects[0], r1))
        active = np.concatenate([active[:, active[1] >= r0], rects[:, j:j1].astype(np.int64)], axis=1)
        s1 = int(np.searchsorted(singles[0], r1))
        row, kb, width, full = _pieces(active, r0, r1, singles[:, s:s1].astype(np.int64))
        j, s = j1, s1
        start = np.ones(len(row), bool)      # a piece that starts a run
        start[1:] = (row[1:] != row[:-1]) | (full[1:] != full[:-1]) | (kb[:-1] + width[:-1] != kb[1:])
        first = np.flatnonzero(start)
        run_count[r0 + 1:r1 + 1] = np.bincount(row[first] - r0, minlength=r1 - r0)
        kbs.append(kb[first].astype(dt))
        widths.append(np.add.reduceat(width, first).astype(dt) if len(first) else width[:0].astype(dt))
        fulls.append(full[first])
        r0 = r1
    del pieces, active
    np.cumsum(run_count, out=run_count)
    cat = lambda parts, d: np.concatenate(parts) if parts else np.zeros(0, d)
    return LayoutClass(run_count, cat(kbs, dt), cat(widths, dt), cat(fulls, bool))


def _pieces(active: np.ndarray, r0: int, r1: int, singles: np.ndarray):
    """(row, kb0, width, is FULL) of the rows [r0, r1) of the rectangles ``active`` and of
    the single blocks, sorted by row then key block."""
    qb0, qb1, kb0, kb1 = active
    lo, hi = np.maximum(qb0, r0), np.minimum(qb1, r1 - 1)
    height = hi - lo + 1
    rid = np.repeat(np.arange(len(lo)), height)
    row = lo[rid] + (np.arange(len(rid), dtype=np.int64) - (np.cumsum(height) - height)[rid])
    row = np.concatenate([row, singles[0]])
    kb = np.concatenate([kb0[rid], singles[1]])
    width = np.concatenate([(kb1 - kb0 + 1)[rid], np.ones(singles.shape[1], np.int64)])
    full = np.concatenate([np.ones(len(rid), bool), singles[2] != 0])
    order = np.argsort((row - r0) * (kb.max(initial=0) + 1) + kb, kind="stable")
    return row[order], kb[order], width[order], full[order]


def _digest(lay: LayoutClass) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for a in (lay.run_ptr, lay.run_kb, lay.run_width, lay.run_full):
        h.update(np.ascontiguousarray(a))
    return h.digest()


def _same(a: LayoutClass, b: LayoutClass) -> bool:
    return all(np.array_equal(x, y) for x, y in
               ((a.run_ptr, b.run_ptr), (a.run_kb, b.run_kb), (a.run_width, b.run_width),
                (a.run_full, b.run_full)))


def _spread(pair_class, pb, ph, B, H, dep_b, dep_h) -> np.ndarray:
    """head_class [B, H] from the analysed pairs (a shared b or h broadcasts)."""
    grid = pair_class.reshape(B if dep_b else min(B, 1), H if dep_h else min(H, 1))
    return np.ascontiguousarray(np.broadcast_to(grid, (B, H))).astype(np.int64)


# ---------------------------------------------------------------------------
# statistics for `spdsl explain`
# ---------------------------------------------------------------------------
@dataclass
class LayoutStats:
    elements: int                 # B * H * Lq * Lk
    nonzero: float                # true elements of the mask
    nonzero_is_estimate: bool     # True: sampled from the PARTIAL blocks
    empty_rows: int               # (b, h, q) rows with no key at all
    empty_rows_is_exact: bool     # False where the work cap left rows undecided
    blocks: dict                  # FULL / PARTIAL / EMPTY block totals
    load_imbalance: float         # max / mean blocks per (b, h, query block)

    @property
    def density(self) -> float:
        return self.nonzero / self.elements if self.elements else 0.0


def layout_stats(mask: ir.Expr, layout: BlockLayout, inputs: Mapping[str, Any] | None = None,
                 *, exact_limit: int = 1 << 25, sample_blocks: int = 4096,
                 seed: int = 0, refine_budget: int = ROW_SEARCH_BUDGET) -> LayoutStats:
    """Density, empty rows and load balance of ``mask`` under ``layout`` (made by
    :func:`classify` from the same mask, sizes and inputs), without an Lq x Lk mask.

    FULL blocks count their real area; PARTIAL blocks are evaluated element by element
    when their total area is at most ``exact_limit``, else estimated from
    ``sample_blocks`` PARTIAL blocks drawn at random.  Empty rows are exact unless their
    search needs more than ``refine_budget`` units of work (then ``empty_rows_is_exact``
    is False).  Memory: the layout's runs, plus fixed-size batches."""
    L = layout
    prob = _Problem(mask, L.Lq, L.Lk, L.block_q, L.block_k,
                    Context(dict(B=L.B, H=L.H, Lq=L.Lq, Lk=L.Lk), inputs), inputs)
    reps = _representatives(L)
    nonzero, estimate = _count_nonzero(prob, L, reps, exact_limit, sample_blocks, seed)
    empty, exact = _count_empty_rows(prob, L, reps, refine_budget)
    return LayoutStats(L.B * L.H * L.Lq * L.Lk, nonzero, estimate, empty, exact,
                       L.counts(), L.load_imbalance())


def _representatives(L: BlockLayout):
    """(b, h, how many (b, h) it stands for) for each distinct mask slice."""
    nb = L.B if L.depends_on_b else min(L.B, 1)
    nh = L.H if L.depends_on_h else min(L.H, 1)
    weight = (1 if L.depends_on_b else L.B) * (1 if L.depends_on_h else L.H)
    pb, ph = _pairs(nb, nh)
    return pb, ph, weight


def block_extent(L: BlockLayout, qb, kb):
    """Real rows and columns of blocks (qb, kb): the last blocks are short."""
    rows = np.minimum((qb + 1) * L.block_q, L.Lq) - qb * L.block_q
    cols = np.minimum((kb + 1) * L.block_k, L.Lk) - kb * L.block_k
    return rows, cols


def _partial_blocks(L: BlockLayout, pb, ph):
    """The PARTIAL blocks of the representatives in order (rep index, qb, kb), in
    batches of at most ``_BLOCK_CHUNK``: (offset of the batch, rep, qb, kb)."""
    offset = 0
    for i, (b, h) in enumerate(zip(pb, ph)):
        lay = L.layout(b, h)
        for r0, r1 in lay.row_chunks():
            qb, kb, width, is_full = lay.runs(r0, r1)
            part = ~is_full
            qb, kb, width = qb[part], kb[part], width[part]
            for a, z, counts, kbs in run_blocks(kb, width):
                yield offset, np.full(len(kbs), i, np.int64), np.repeat(qb[a:z], counts), kbs
                offset += len(kbs)


def _count_nonzero(prob, L, reps, exact_limit, sample_blocks, seed):
    pb, ph, weight = reps
    full_area = partial_area = n_partial = 0
    for b, h in zip(pb, ph):
        lay = L.layout(b, h)
        f, p = L.element_counts(lay)
        full_area += f
        partial_area += p
        n_partial += lay.nnz - lay.n_full
    estimate = partial_area > exact_limit
    pick = None
    if estimate:
        pick = np.random.default_rng(seed).choice(n_partial, size=min(sample_blocks, n_partial),
                                                  replace=False)
        scale = n_partial / len(pick)
        pick = np.sort(pick)
    true_count = 0
    for offset, rep, qb, kb in _partial_blocks(L, pb, ph):
        if pick is not None:
            sel = pick[(pick >= offset) & (pick < offset + len(rep))] - offset
            rep, qb, kb = rep[sel], qb[sel], kb[sel]
        true_count += _true_in_blocks(prob, pb, ph, rep, qb, kb)
    partial = true_count * scale if estimate else true_count
    return (full_area + partial) * weight, estimate


def _true_in_blocks(prob, pb, ph, rep, qb, kb) -> int:
    """Exact number of true elements in the given blocks, in bounded chunks."""
    q0, q1, k0, k1 = prob.element_box(qb, qb, kb, kb)
    ends = np.cumsum((q1 - q0 + 1) * (k1 - k0 + 1))
    total, start = 0, 0
    while start < len(rep):
        base = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + _POINT_CHUNK)))
        sl = slice(start, stop)
        idx, qs, ks = _rect_points(q0[sl], q1[sl], k0[sl], k1[sl])
        r = rep[sl][idx]
        total += int(prob.points(pb[r], ph[r], qs, ks).sum())
        start = stop
    return total


def _count_empty_rows(prob, L, reps, budget):
    """Rows of query blocks with no blocks, plus rows of query blocks with only PARTIAL
    blocks that a search over their single-row regions proves empty.  The search shares
    one budget; once it is spent the count is not exact."""
    pb, ph, weight = reps
    empty = 0
    for b, h in zip(pb, ph):
        lay = L.layout(b, h)
        for r0, r1 in lay.row_chunks():
            counts = lay.row_counts(r0, r1)
            n_full = lay.row_counts(r0, r1, full_only=True)
            qbs = np.arange(r0, r1, dtype=np.int64)
            rows = np.minimum((qbs + 1) * L.block_q, L.Lq) - qbs * L.block_q
            empty += int(rows[counts == 0].sum())
            only_partial = (counts > 0) & (n_full == 0)
            if not only_partial.any():
                continue
            found, budget = _empty_rows_in(prob, L, lay, b, h, qbs[only_partial],
                                           counts[only_partial], budget)
            if found is None:
                return empty * weight, False
            empty += found
    return empty * weight, True


def _empty_rows_in(prob, L, lay, b, h, qbs, counts, budget):
    """Rows of the query blocks ``qbs`` (holding ``counts`` blocks, all PARTIAL) with no
    true element, searched ``_CHUNK`` (row, block) rectangles at a time.  Returns (the
    count, or None where the budget ran out first, the budget left)."""
    found = 0
    for batch in _row_batches(L, qbs, counts):
        if budget <= 0:
            return None, budget
        q, owner, k0, k1 = _row_rects(L, lay, *batch)
        n = len(q)
        has_true, _, incomplete, budget = _search(
            prob, np.full(n, b, np.int64), np.full(n, h, np.int64), owner, q[owner], q[owner],
            k0, k1, n, False, budget, charge_samples=True)
        if (incomplete & ~has_true).any():
            return None, budget
        found += int((~has_true).sum())
    return found, budget


def _row_batches(L, qbs, counts):
    """(query blocks, their block counts, first row, last row) holding at most about
    ``_CHUNK`` (row, block) pairs a batch; a query block with more is cut by rows."""
    q_lo = qbs * L.block_q
    q_hi = np.minimum((qbs + 1) * L.block_q, L.Lq) - 1
    cost = np.cumsum((q_hi - q_lo + 1) * counts)
    i = 0
    while i < len(qbs):
        base = int(cost[i - 1]) if i else 0
        j = max(int(np.searchsorted(cost, base + _CHUNK, side="right")), i + 1)
        if j > i + 1 or cost[i] - base <= _CHUNK:
            yield qbs[i:j], counts[i:j], q_lo[i:j], q_hi[i:j]
        else:
            step = max(1, _CHUNK // int(counts[i]))
            for lo in range(int(q_lo[i]), int(q_hi[i]) + 1, step):
                hi = min(lo + step - 1, int(q_hi[i]))
                yield qbs[i:i + 1], counts[i:i + 1], np.array([lo]), np.array([hi])
        i = j


def _row_rects(L, lay, qb, counts, q_lo, q_hi):
    """Each row q of the ranges meets each block of its query block: (the rows, the row
    index of each rectangle, its k0, its k1)."""
    n_rows = q_hi - q_lo + 1
    q = _ranges(q_lo, n_rows)
    unit = np.repeat(np.arange(len(qb)), n_rows)          # the query block of each row
    run = _ranges(lay.run_ptr[qb], lay.run_ptr[qb + 1] - lay.run_ptr[qb])
    kb = _ranges(lay.run_kb[run], lay.run_width[run])     # the blocks of each query block
    per_row = counts[unit]
    owner = np.repeat(np.arange(len(q)), per_row)
    kbs = kb[_ranges((np.cumsum(counts) - counts)[unit], per_row)]
    k0 = kbs * L.block_k
    k1 = np.minimum((kbs + 1) * L.block_k, L.Lk) - 1
    return q, owner, k0, k1


def _ranges(starts, lengths) -> np.ndarray:
    """The concatenation of arange(s, s + n) for each (s, n), as int64."""
    lengths = np.asarray(lengths, np.int64)
    offsets = np.cumsum(lengths) - lengths
    return (np.repeat(np.asarray(starts, np.int64) - offsets, lengths)
            + np.arange(int(lengths.sum()), dtype=np.int64))
