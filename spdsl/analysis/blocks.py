"""Block classification: each (batch, head, query block, key block) FULL, PARTIAL or EMPTY.

Found by interval analysis (spdsl/analysis/intervals.py), never by evaluating an Lq x Lk mask:

1. Heads (batches) that cannot differ share one analysis: a mask that does not read
   ``h`` (no ``h``, no random_blocks, no input indexed by ``h``) is analysed for head 0
   only.  Otherwise every head is analysed (all heads at once, vectorised) and
   identical layouts are stored once (``head_class[b, h]`` -> ``layouts[i]``).
2. Hierarchical: one region covers the whole block grid; regions are classified in
   depth-first batches of at most ``batches.REGIONS``; FULL and EMPTY regions are decided
   for every block they cover; PARTIAL ones are halved along their longer side (in
   blocks).  A sliding window costs O(n log n).
3. Blocks still PARTIAL are refined exactly, a batch at a time, by the element search
   (spdsl/analysis/element_search.py): a true and a false element, or a proof that there
   is none.  Work is capped; a block not decided within the cap stays PARTIAL, which is
   always safe.

The decided rectangles and blocks become the runs of the stored layout
(spdsl/analysis/block_layout.py) in a sweep down the query blocks; ``computed_elements``
sums their areas instead, for callers that need only the count (the token permutation's
decision over s x s class pairs, spdsl/analysis/permute.py).  Every step works in
batches of a fixed size (spdsl/analysis/batches.py), so its working memory beyond the
result is bounded whatever the lengths.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis import batches
from spdsl.analysis.block_layout import BlockLayout, LayoutClass
from spdsl.analysis.element_search import Problem, analysed_pairs, halve, pop_newest, search
from spdsl.analysis.intervals import FULL, PARTIAL, Context

REFINE_BUDGET = 1 << 22     # sub-regions + points examined per refinement call


def classify(mask: ir.Expr, *, Lq: int, Lk: int, H: int, B: int = 1, block_q: int,
             block_k: int, inputs: Mapping[str, Any] | None = None,
             refine_budget: int = REFINE_BUDGET) -> BlockLayout:
    """The block layout of a bool mask expression at the given sizes.

    FULL means every real element of the block is true, EMPTY that none is; both are
    proven.  PARTIAL blocks are exact (they hold a true and a false element) unless
    the refinement cap was hit (``layout.refined_incomplete`` counts those).  Memory
    follows the layout's runs (spdsl/analysis/block_layout.py), whatever the lengths.

    A mask over positions is read with the default offsets (``spdsl.ir.positions``);
    pass one rewritten by ``at_rows`` (and the offset inputs) for others.

    >>> from spdsl.ir.nodes import Binary, Var
    >>> causal = Binary("<=", Var("k"), Var("q"), "bool")
    >>> classify(causal, Lq=8, Lk=8, H=1, block_q=4, block_k=4).kinds().tolist()
    [[1, 0], [2, 1]]
    """
    found = _decide(mask, Lq, Lk, H, B, block_q, block_k, inputs, refine_budget)
    layout = found.layout
    if found.decided is None:
        layout.layouts = [_empty_class(layout.n_qb)]
        return layout
    # _build_classes empties found.decided, freeing the proofs as it goes
    classes, pair_class = _build_classes(found.decided, len(found.pb), layout.n_qb, layout.n_kb)
    layout.layouts = classes
    layout.head_class = _spread(pair_class, found.pb, found.ph, layout.B, layout.H,
                                layout.depends_on_b, layout.depends_on_h)
    layout.refined_incomplete = found.incomplete
    return layout


def computed_elements(mask: ir.Expr, *, Lq: int, Lk: int, H: int, B: int = 1, block_q: int,
                      block_k: int, inputs: Mapping[str, Any] | None = None,
                      refine_budget: int = REFINE_BUDGET) -> int:
    """The elements the kernels compute: those of every FULL and PARTIAL block over every
    (batch, head), the short last blocks at their real size. Equal to
    ``classify(...).visited_elements()`` (the same proofs decide the same blocks) but
    summed over the decided rectangles and blocks, without building and deduplicating a
    layout per (batch, head): what ``permute.evaluate`` needs for each of its s x s
    class pairs.

    >>> from spdsl.ir.nodes import Binary, Var
    >>> causal = Binary("<=", Var("k"), Var("q"), "bool")
    >>> computed_elements(causal, Lq=8, Lk=8, H=1, block_q=4, block_k=4)
    48
    """
    found = _decide(mask, Lq, Lk, H, B, block_q, block_k, inputs, refine_budget)
    if found.decided is None:
        return 0
    lay = found.layout
    # an analysed pair stands for every batch (head) when the mask does not read b (h)
    stands_for = (1 if lay.depends_on_b else lay.B) * (1 if lay.depends_on_h else lay.H)
    full_rects, full_blocks, partial = found.decided
    total = _area(full_rects, [1, 2, 3, 4], lay)
    for single in (full_blocks, partial):       # [pair, qb, kb]: a rectangle of one block
        total += _area(single, [1, 1, 2, 2], lay)
    return stands_for * total


@dataclass
class _Decided:
    """What the proofs found, before any layout is built: the layout's sizes (its
    classes still unset), the analysed (batch, head) pairs, ``decided`` = [FULL
    rectangles, FULL blocks, PARTIAL blocks] (``_hierarchical``, ``_refine_blocks``;
    None when there is nothing to analyse) and the blocks left undecided."""

    layout: BlockLayout
    pb: np.ndarray
    ph: np.ndarray
    decided: list | None
    incomplete: int = 0


def _decide(mask: ir.Expr, Lq, Lk, H, B, block_q, block_k, inputs, refine_budget) -> _Decided:
    """Check the arguments and prove FULL, PARTIAL and EMPTY (the shared first half of
    :func:`classify` and :func:`computed_elements`)."""
    from spdsl.ir.positions import at_rows, default_offsets
    mask = at_rows(mask, *default_offsets())
    Lq, Lk, H, B, bq, bk = (_size(v, n) for v, n in ((Lq, "Lq"), (Lk, "Lk"), (H, "H"),
                                                     (B, "B"), (block_q, "block_q"), (block_k, "block_k")))
    if bq <= 0 or bk <= 0:
        raise ValueError(f"block sizes must be positive, got ({bq}, {bk})")
    if mask.type != ir.BOOL:
        raise ValueError(f"a mask must be a bool expression, this one is {mask.type}")
    dep_b, dep_h = ir.depends_on(mask, "b"), ir.depends_on(mask, "h")
    layout = BlockLayout(Lq, Lk, H, B, bq, bk, [], np.zeros((B, H), np.int64), dep_b, dep_h)
    n_qb, n_kb = layout.n_qb, layout.n_kb
    pb, ph = analysed_pairs(B if dep_b else min(B, 1), H if dep_h else min(H, 1))
    if len(pb) == 0 or n_qb == 0 or n_kb == 0:
        return _Decided(layout, pb, ph, None)
    prob = Problem(mask, Lq, Lk, bq, bk, Context(dict(B=B, H=H, Lq=Lq, Lk=Lk), inputs), inputs)
    dtype = _index_dtype(max(n_qb, n_kb, len(pb)))
    full_rects, partial = _hierarchical(prob, pb, ph, n_qb, n_kb, dtype)
    full_blocks, partial, incomplete = _refine_blocks(prob, pb, ph, partial, refine_budget)
    return _Decided(layout, pb, ph, [full_rects, full_blocks, partial], incomplete)


def _area(rects: np.ndarray, bounds: list[int], lay: BlockLayout) -> int:
    """Elements of the block rectangles whose [qb0, qb1, kb0, kb1] (inclusive) are the
    rows ``bounds`` of ``rects``, the short last blocks at their real size,
    ``batches.BLOCKS`` rectangles at a time."""
    total = 0
    for s in range(0, rects.shape[1], batches.BLOCKS):
        qb0, qb1, kb0, kb1 = rects[bounds, s:s + batches.BLOCKS].astype(np.int64)
        rows = np.minimum((qb1 + 1) * lay.block_q, lay.Lq) - qb0 * lay.block_q
        cols = np.minimum((kb1 + 1) * lay.block_k, lay.Lk) - kb0 * lay.block_k
        total += int((rows * cols).sum())
    return total


def _size(v, name) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
        raise ValueError(f"{name} must be a non-negative int, got {v!r}")
    return int(v)


def _index_dtype(largest: int):
    return np.int32 if largest < 1 << 31 else np.int64


def _empty_class(n_qb: int) -> LayoutClass:
    return LayoutClass(np.zeros(n_qb + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int32),
                       np.zeros(0, bool))


def _concat(parts: list, rows: int, dtype) -> np.ndarray:
    return np.concatenate(parts, axis=1) if parts else np.zeros((rows, 0), dtype)


def _hierarchical(prob: Problem, pb, ph, n_qb: int, n_kb: int, dtype):
    """Classify block rectangles, halving the PARTIAL ones, until every rectangle is
    decided or a single block, depth first, ``batches.REGIONS`` rectangles at a time.
    Returns the FULL rectangles [pair, qb0, qb1, kb0, kb1] and the PARTIAL single blocks
    [pair, qb, kb] as ``dtype`` arrays (5 x n and 3 x m)."""
    P = len(pb)
    root = np.zeros((5, P), np.int64)
    root[0] = np.arange(P)
    root[2], root[4] = n_qb - 1, n_kb - 1
    stack, fulls, partials = [root], [], []
    while stack:
        rect = pop_newest(stack, batches.REGIONS)
        pair, qb0, qb1, kb0, kb1 = rect
        cls = prob.classify(pb[pair], ph[pair], *prob.element_box(qb0, qb1, kb0, kb1))
        fulls.append(rect[:, cls == FULL].astype(dtype))
        open_ = cls == PARTIAL
        single = open_ & (qb0 == qb1) & (kb0 == kb1)
        partials.append(rect[[0, 1, 3]][:, single].astype(dtype))
        split = open_ & ~single
        if split.any():
            stack.append(halve(rect[:, split]))
    return _concat(fulls, 5, dtype), _concat(partials, 3, dtype)


def _refine_blocks(prob: Problem, pb, ph, partial: np.ndarray, budget: int):
    """Decide single PARTIAL blocks exactly where possible, ``batches.REGIONS`` at a
    time under one shared budget: returns the blocks found FULL, the rest PARTIAL (those
    found EMPTY dropped), and how many stayed undecided."""
    n = partial.shape[1]
    full, still = np.zeros(n, bool), np.ones(n, bool)
    undecided = 0
    for s in range(0, n, batches.REGIONS):
        pair, qb, kb = partial[:, s:s + batches.REGIONS].astype(np.int64)
        q0, q1, k0, k1 = prob.element_box(qb, qb, kb, kb)
        has_true, has_false, incomplete, budget = search(
            prob, pb[pair], ph[pair], np.arange(len(pair)), q0, q1, k0, k1, len(pair), True, budget)
        f = has_true & ~has_false & ~incomplete
        e = has_false & ~has_true & ~incomplete
        full[s:s + batches.REGIONS] = f
        still[s:s + batches.REGIONS] = ~f & ~e
        undecided += int((~f & ~e & ~(has_true & has_false)).sum())
    return partial[:, full], partial[:, still], undecided


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

    A sweep down the query blocks, in row ranges of at most ``batches.BLOCKS`` row
    pieces: the rectangles that cross the range are cut into one piece a row, sorted with
    the single blocks by (row, key block), and adjacent pieces of one kind merged."""
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
        r1 = min(max(int(np.searchsorted(pieces[:n_qb], base + batches.BLOCKS, side="right")), r0 + 1), n_qb)
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
