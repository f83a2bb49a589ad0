"""The statistics of ``spdsl explain`` from a block layout: element density, empty rows,
block totals and load balance, without an Lq x Lk mask.

FULL blocks count their real area from the layout's runs; PARTIAL blocks are evaluated
element by element, or sampled; rows are proven empty by the element search
(spdsl/analysis/element_search.py) under a work cap.  Memory: the layout's runs, plus
fixed-size batches (spdsl/analysis/batches.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis import batches
from spdsl.analysis.block_layout import BlockLayout, run_blocks
from spdsl.analysis.element_search import Problem, analysed_pairs, rect_points, search
from spdsl.analysis.intervals import Context

ROW_SEARCH_BUDGET = 1 << 26  # regions + points the empty-row count may examine (seconds)


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
    :func:`spdsl.analysis.blocks.classify` from the same mask, sizes and inputs),
    without an Lq x Lk mask.

    FULL blocks count their real area; PARTIAL blocks are evaluated element by element
    when their total area is at most ``exact_limit``, else estimated from
    ``sample_blocks`` PARTIAL blocks drawn at random.  Empty rows are exact unless their
    search needs more than ``refine_budget`` units of work (then ``empty_rows_is_exact``
    is False).  Memory: the layout's runs, plus fixed-size batches.  A mask over positions
    is read with the default offsets, as ``classify`` reads it (``spdsl.ir.positions``)."""
    from spdsl.ir.positions import at_rows, default_offsets

    mask = at_rows(mask, *default_offsets())
    L = layout
    prob = Problem(mask, L.Lq, L.Lk, L.block_q, L.block_k,
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
    pb, ph = analysed_pairs(nb, nh)
    return pb, ph, weight


def block_extent(L: BlockLayout, qb, kb):
    """Real rows and columns of blocks (qb, kb): the last blocks are short."""
    rows = np.minimum((qb + 1) * L.block_q, L.Lq) - qb * L.block_q
    cols = np.minimum((kb + 1) * L.block_k, L.Lk) - kb * L.block_k
    return rows, cols


def _partial_blocks(L: BlockLayout, pb, ph):
    """The PARTIAL blocks of the representatives in order (rep index, qb, kb), in
    batches of at most ``batches.BLOCKS``: (offset of the batch, rep, qb, kb)."""
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
        stop = max(start + 1, int(np.searchsorted(ends, base + batches.POINTS)))
        sl = slice(start, stop)
        idx, qs, ks = rect_points(q0[sl], q1[sl], k0[sl], k1[sl])
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
    true element, searched ``batches.REGIONS`` (row, block) rectangles at a time.
    Returns (the count, or None where the budget ran out first, the budget left)."""
    found = 0
    for batch in _row_batches(L, qbs, counts):
        if budget <= 0:
            return None, budget
        q, owner, k0, k1 = _row_rects(L, lay, *batch)
        n = len(q)
        has_true, _, incomplete, budget = search(
            prob, np.full(n, b, np.int64), np.full(n, h, np.int64), owner, q[owner], q[owner],
            k0, k1, n, False, budget, charge_samples=True)
        if (incomplete & ~has_true).any():
            return None, budget
        found += int((~has_true).sum())
    return found, budget


def _row_batches(L, qbs, counts):
    """(query blocks, their block counts, first row, last row) holding at most about
    ``batches.REGIONS`` (row, block) pairs a batch; a query block with more is cut by
    rows."""
    q_lo = qbs * L.block_q
    q_hi = np.minimum((qbs + 1) * L.block_q, L.Lq) - 1
    cost = np.cumsum((q_hi - q_lo + 1) * counts)
    i = 0
    while i < len(qbs):
        base = int(cost[i - 1]) if i else 0
        j = max(int(np.searchsorted(cost, base + batches.REGIONS, side="right")), i + 1)
        if j > i + 1 or cost[i] - base <= batches.REGIONS:
            yield qbs[i:j], counts[i:j], q_lo[i:j], q_hi[i:j]
        else:
            step = max(1, batches.REGIONS // int(counts[i]))
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
