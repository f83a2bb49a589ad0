"""The block layout: each (batch, head, query block, key block) FULL, PARTIAL or EMPTY.

Found by interval analysis (spdsl/analysis/intervals.py), never by evaluating an Lq x Lk mask:

1. Heads (batches) that cannot differ share one analysis: a mask that does not read
   ``h`` (no ``h``, no random_blocks, no input indexed by ``h``) is analysed for head 0
   only.  Otherwise every head is analysed (all heads at once, vectorised) and
   identical layouts are stored once (``head_class[b, h]`` -> ``layouts[i]``).
2. Hierarchical: one region covers the whole block grid; all regions are classified at
   once; FULL and EMPTY regions are decided for every block they cover; PARTIAL ones
   are halved along their longer side (in blocks).  A sliding window costs O(n log n).
3. Blocks still PARTIAL are refined exactly: sample points (corners, their neighbours,
   the centre) find a true and a false element for most; the rest are split into
   sub-rectangles (down to enumerating a few points) until a true and a false element,
   or a proof that there is none, is found.  Work is capped; a block not decided
   within the cap stays PARTIAL, which is always safe.

The result is BSR-like: per layout class ``row_ptr`` [n_qb + 1], ``col_idx`` (sorted key
blocks of each query block) and ``full`` (True FULL, False PARTIAL); EMPTY is absent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis.evaluate import evaluate_points
from spdsl.analysis.intervals import EMPTY, FULL, PARTIAL, Context, Regions, classify_regions

REFINE_BUDGET = 1 << 22     # sub-regions + points examined per refinement call
_ENUMERATE_AREA = 64        # a PARTIAL sub-region this small is evaluated point by point
_POINT_CHUNK = 1 << 18      # points per evaluate_points call: bounds peak memory (~2 MB an array)


# ---------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------
@dataclass
class LayoutClass:
    """One distinct block layout in compressed sparse rows."""

    row_ptr: np.ndarray   # int64 [n_qb + 1]
    col_idx: np.ndarray   # int32 [nnz], sorted within each row
    full: np.ndarray      # bool  [nnz]: True FULL, False PARTIAL

    @property
    def nnz(self) -> int:
        return int(len(self.col_idx))

    def rows(self) -> np.ndarray:
        """The query block of every stored block (int64 [nnz])."""
        counts = np.diff(self.row_ptr)
        return np.repeat(np.arange(len(counts), dtype=np.int64), counts)


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
        full = sum(int(m) * int(l.full.sum()) for m, l in zip(mult, self.layouts))
        nnz = sum(int(m) * l.nnz for m, l in zip(mult, self.layouts))
        total = self.B * self.H * self.n_qb * self.n_kb
        return {"full": full, "partial": nnz - full, "empty": total - nnz}

    def row_counts(self, b: int = 0, h: int = 0) -> np.ndarray:
        """Non-empty blocks per query block (int64 [n_qb])."""
        return np.diff(self.layout(b, h).row_ptr)

    def load_imbalance(self) -> float:
        """max / mean of the non-empty blocks per (b, h, query block); 1.0 is even."""
        mult = self.multiplicity()
        peak, total = 0, 0
        for m, lay in zip(mult, self.layouts):
            if m:
                counts = np.diff(lay.row_ptr)
                peak = max(peak, int(counts.max(initial=0)))
                total += int(m) * int(counts.sum())
        rows = self.B * self.H * self.n_qb
        return peak / (total / rows) if total else 1.0

    @property
    def nbytes(self) -> int:
        arrays = [self.head_class] + [a for l in self.layouts for a in (l.row_ptr, l.col_idx, l.full)]
        return int(sum(a.nbytes for a in arrays))


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
    the refinement cap was hit (``layout.refined_incomplete`` counts those).

    >>> from spdsl.ir import Binary, Var
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
    full_rects, partial = _hierarchical(prob, pb, ph, n_qb, n_kb)
    full_blocks, partial, incomplete = _refine_blocks(prob, pb, ph, partial, refine_budget)
    segments = _segments(full_rects, full_blocks, partial)
    classes, pair_class = _build_classes(segments, len(pb), n_qb)
    layout.layouts = classes
    layout.head_class = _spread(pair_class, pb, ph, B, H, dep_b, dep_h)
    layout.refined_incomplete = incomplete
    return layout


def _size(v, name) -> int:
    if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 0:
        raise ValueError(f"{name} must be a non-negative int, got {v!r}")
    return int(v)


def _pairs(nb: int, nh: int):
    pb, ph = np.meshgrid(np.arange(nb, dtype=np.int64), np.arange(nh, dtype=np.int64), indexing="ij")
    return pb.ravel(), ph.ravel()


def _empty_class(n_qb: int) -> LayoutClass:
    return LayoutClass(np.zeros(n_qb + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, bool))


def _hierarchical(prob: _Problem, pb, ph, n_qb: int, n_kb: int):
    """Classify block rectangles, halving the PARTIAL ones, until every rectangle is
    decided or a single block.  Returns FULL rectangles and PARTIAL single blocks as
    arrays (pair, qb0, qb1, kb0, kb1) and (pair, qb, kb)."""
    P = len(pb)
    pair = np.arange(P, dtype=np.int64)
    qb0, kb0 = np.zeros(P, np.int64), np.zeros(P, np.int64)
    qb1, kb1 = np.full(P, n_qb - 1, np.int64), np.full(P, n_kb - 1, np.int64)
    fulls, partials = [], []
    while len(pair):
        q0, q1, k0, k1 = prob.element_box(qb0, qb1, kb0, kb1)
        cls = prob.classify(pb[pair], ph[pair], q0, q1, k0, k1)
        is_full = cls == FULL
        fulls.append(np.stack([pair, qb0, qb1, kb0, kb1])[:, is_full])
        open_ = cls == PARTIAL
        single = open_ & (qb0 == qb1) & (kb0 == kb1)
        partials.append(np.stack([pair, qb0, kb0])[:, single])
        split = open_ & ~single
        pair, qb0, qb1, kb0, kb1 = _halve(pair[split], qb0[split], qb1[split], kb0[split], kb1[split])
    return np.concatenate(fulls, axis=1), np.concatenate(partials, axis=1)


def _halve(pair, a0, a1, c0, c1):
    """Split each rectangle in two along its longer side."""
    along_q = (a1 - a0) >= (c1 - c0)
    mid_q, mid_k = (a0 + a1) // 2, (c0 + c1) // 2
    first = (pair, a0, np.where(along_q, mid_q, a1), c0, np.where(along_q, c1, mid_k))
    second = (pair, np.where(along_q, mid_q + 1, a0), a1, np.where(along_q, c0, mid_k + 1), c1)
    return tuple(np.concatenate([x, y]) for x, y in zip(first, second))


def _refine_blocks(prob: _Problem, pb, ph, partial, budget):
    """Decide single PARTIAL blocks exactly where possible: returns the blocks found
    FULL, those found EMPTY dropped, the rest PARTIAL, and how many stayed undecided."""
    pair, qb, kb = partial
    if len(pair) == 0:
        return np.zeros((3, 0), np.int64), partial, 0
    q0, q1, k0, k1 = prob.element_box(qb, qb, kb, kb)
    has_true, has_false, incomplete = _search(prob, pb[pair], ph[pair], np.arange(len(pair)),
                                              q0, q1, k0, k1, len(pair), True, budget)
    full = has_true & ~has_false & ~incomplete
    empty = has_false & ~has_true & ~incomplete
    still = ~full & ~empty
    undecided = int((still & ~(has_true & has_false)).sum())
    return partial[:, full], partial[:, still], undecided


def _search(prob: _Problem, ob, oh, owner, q0, q1, k0, k1, n_owners, need_false, budget):
    """Look for true (and, with ``need_false``, false) elements of every owner's
    rectangles.  Returns per owner: a true element exists, a false one exists, and
    whether the search stopped before it was complete."""
    has_true = np.zeros(n_owners, bool)
    has_false = np.zeros(n_owners, bool)
    incomplete = np.zeros(n_owners, bool)
    idx, qs, ks = _sample_points(owner, q0, q1, k0, k1)
    o = owner[idx]
    _record(prob.points(ob[o], oh[o], qs, ks), o, has_true, has_false)
    rects = (owner, q0, q1, k0, k1)
    while len(rects[0]):
        done = has_true & (has_false | (not need_false))
        keep = ~done[rects[0]]
        rects = tuple(x[keep] for x in rects)
        own, a0, a1, c0, c1 = rects
        if len(own) == 0:
            break
        if budget <= 0:
            incomplete[own] = True
            break
        budget -= len(own)
        cls = prob.classify(ob[own], oh[own], a0, a1, c0, c1)
        has_true[own[cls == FULL]] = True
        has_false[own[cls == EMPTY]] = True
        area = (a1 - a0 + 1) * (c1 - c0 + 1)
        small = (cls == PARTIAL) & (area <= _ENUMERATE_AREA)
        if small.any():
            idx, qs, ks = _rect_points(a0[small], a1[small], c0[small], c1[small])
            o = own[small][idx]
            _record(prob.points(ob[o], oh[o], qs, ks), o, has_true, has_false)
            budget -= len(qs)
        big = (cls == PARTIAL) & ~small
        rects = _halve(own[big], a0[big], a1[big], c0[big], c1[big])
    return has_true, has_false, incomplete


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
# from decided rectangles to compressed rows
# ---------------------------------------------------------------------------
def _segments(full_rects, full_blocks, partial):
    """Row segments (pair, qb, kb0, width, is_full): one per row of each FULL rectangle,
    one per single block."""
    pair, qb0, qb1, kb0, kb1 = full_rects
    rows = qb1 - qb0 + 1
    rid = np.repeat(np.arange(len(pair)), rows)
    start = np.cumsum(rows) - rows
    qb = qb0[rid] + (np.arange(int(rows.sum()), dtype=np.int64) - start[rid])
    seg_full = (pair[rid], qb, kb0[rid], (kb1 - kb0 + 1)[rid], np.ones(len(rid), bool))
    fb, fq, fk = full_blocks
    seg_fb = (fb, fq, fk, np.ones(len(fb), np.int64), np.ones(len(fb), bool))
    pp, pq, pk = partial
    seg_p = (pp, pq, pk, np.ones(len(pp), np.int64), np.zeros(len(pp), bool))
    segs = [np.concatenate(parts) for parts in zip(seg_full, seg_fb, seg_p)]
    order = np.lexsort((segs[2], segs[1], segs[0]))
    return [s[order] for s in segs]


def _build_classes(segments, n_pairs: int, n_qb: int):
    """One LayoutClass per distinct layout; ``pair_class[i]`` is pair i's class."""
    pair, qb, kb0, width, is_full = segments
    bounds = np.searchsorted(pair, np.arange(n_pairs + 1))
    classes: list[LayoutClass] = []
    seen: dict[bytes, list[int]] = {}
    pair_class = np.zeros(n_pairs, np.int64)
    for p in range(n_pairs):
        sl = slice(bounds[p], bounds[p + 1])
        lay = _compress(qb[sl], kb0[sl], width[sl], is_full[sl], n_qb)
        key = _digest(lay)
        for c in seen.get(key, []):
            if _same(classes[c], lay):
                pair_class[p] = c
                break
        else:
            seen.setdefault(key, []).append(len(classes))
            pair_class[p] = len(classes)
            classes.append(lay)
    return classes, pair_class


def _compress(qb, kb0, width, is_full, n_qb) -> LayoutClass:
    row_ptr = np.zeros(n_qb + 1, np.int64)
    np.cumsum(np.bincount(qb, weights=width, minlength=n_qb).astype(np.int64), out=row_ptr[1:])
    total = int(width.sum())
    sid = np.repeat(np.arange(len(width)), width)
    start = np.cumsum(width) - width
    col = kb0[sid] + (np.arange(total, dtype=np.int64) - start[sid])
    return LayoutClass(row_ptr, col.astype(np.int32), is_full[sid])


def _digest(lay: LayoutClass) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for a in (lay.row_ptr, lay.col_idx, lay.full):
        h.update(np.ascontiguousarray(a).tobytes())
    return h.digest()


def _same(a: LayoutClass, b: LayoutClass) -> bool:
    return all(np.array_equal(x, y) for x, y in
               ((a.row_ptr, b.row_ptr), (a.col_idx, b.col_idx), (a.full, b.full)))


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
                 seed: int = 0, refine_budget: int = REFINE_BUDGET) -> LayoutStats:
    """Density, empty rows and load balance of ``mask`` under ``layout`` (made by
    :func:`classify` from the same mask, sizes and inputs), without an Lq x Lk mask.

    FULL blocks count their real area; PARTIAL blocks are evaluated element by element
    when their total area is at most ``exact_limit``, else estimated from
    ``sample_blocks`` PARTIAL blocks drawn at random."""
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
    """All PARTIAL blocks of the representatives: (rep index, qb, kb)."""
    parts = []
    for i, (b, h) in enumerate(zip(pb, ph)):
        lay = L.layout(b, h)
        sel = ~lay.full
        qb, kb = lay.rows()[sel], lay.col_idx[sel].astype(np.int64)
        parts.append((np.full(len(qb), i, np.int64), qb, kb))
    return tuple(np.concatenate(p) if parts else np.zeros(0, np.int64) for p in zip(*parts))


def _count_nonzero(prob, L, reps, exact_limit, sample_blocks, seed):
    pb, ph, weight = reps
    full_area = 0
    for b, h in zip(pb, ph):
        lay = L.layout(b, h)
        rows, cols = block_extent(L, lay.rows()[lay.full], lay.col_idx[lay.full].astype(np.int64))
        full_area += int((rows * cols).sum())
    rep, qb, kb = _partial_blocks(L, pb, ph)
    rows, cols = block_extent(L, qb, kb)
    area = rows * cols
    estimate = int(area.sum()) > exact_limit
    if estimate:
        pick = np.random.default_rng(seed).choice(len(rep), size=min(sample_blocks, len(rep)),
                                                  replace=False)
        scale = len(rep) / len(pick)
        rep, qb, kb = rep[pick], qb[pick], kb[pick]
    true_count = _true_in_blocks(prob, pb, ph, rep, qb, kb)
    partial = true_count * scale if estimate else true_count
    return (full_area + partial) * weight, estimate


def _true_in_blocks(prob, pb, ph, rep, qb, kb) -> int:
    """Exact number of true elements in the given blocks, in bounded chunks."""
    q0, q1, k0, k1 = prob.element_box(qb, qb, kb, kb)
    area = (q1 - q0 + 1) * (k1 - k0 + 1)
    total, start = 0, 0
    while start < len(rep):
        stop = start + max(1, int(np.searchsorted(np.cumsum(area[start:]), _POINT_CHUNK)))
        sl = slice(start, stop)
        idx, qs, ks = _rect_points(q0[sl], q1[sl], k0[sl], k1[sl])
        r = rep[sl][idx]
        total += int(prob.points(pb[r], ph[r], qs, ks).sum())
        start = stop
    return total


def _count_empty_rows(prob, L, reps, budget):
    """Rows of query blocks with no blocks, plus rows of query blocks with only PARTIAL
    blocks that a search over their single-row regions proves empty."""
    pb, ph, weight = reps
    empty = 0
    owners_b, owners_h, owners_q, seg = [], [], [], []
    for b, h in zip(pb, ph):
        lay = L.layout(b, h)
        counts = np.diff(lay.row_ptr)
        n_full = np.bincount(lay.rows()[lay.full], minlength=L.n_qb)
        qbs = np.arange(L.n_qb, dtype=np.int64)
        rows, _ = block_extent(L, qbs, qbs * 0)
        empty += int(rows[counts == 0].sum())
        candidates = qbs[(counts > 0) & (n_full == 0)]
        for qb in candidates:  # one entry per candidate query block, not per element
            lo, hi = lay.row_ptr[qb], lay.row_ptr[qb + 1]
            seg.append((len(owners_q), lay.col_idx[lo:hi].astype(np.int64), int(qb)))
            owners_b.append(b)
            owners_h.append(h)
            owners_q.append(qb)
    if not seg:
        return empty * weight, True
    undecided, found_empty = _empty_rows_in(prob, L, owners_b, owners_h, seg, budget)
    return (empty + found_empty) * weight, undecided == 0


def _empty_rows_in(prob, L, owners_b, owners_h, seg, budget):
    """Search every row of the candidate query blocks for a true element."""
    row_b, row_h, row_q, rect_row = [], [], [], []
    for i, kbs, qb in seg:
        q_lo, q_hi = qb * L.block_q, min((qb + 1) * L.block_q, L.Lq) - 1
        qs = np.arange(q_lo, q_hi + 1, dtype=np.int64)
        row_q.append(qs)
        row_b.append(np.full(len(qs), owners_b[i], np.int64))
        row_h.append(np.full(len(qs), owners_h[i], np.int64))
        rect_row.append((len(qs), kbs))
    rq = np.concatenate(row_q)
    rb, rh = np.concatenate(row_b), np.concatenate(row_h)
    # every row meets every PARTIAL block of its query block
    owner_parts, k0_parts = [], []
    base = 0
    for n_rows, kbs in rect_row:
        owner_parts.append(np.repeat(np.arange(base, base + n_rows), len(kbs)))
        k0_parts.append(np.tile(kbs, n_rows))
        base += n_rows
    owner = np.concatenate(owner_parts)
    kb = np.concatenate(k0_parts)
    k0 = kb * L.block_k
    k1 = np.minimum((kb + 1) * L.block_k, L.Lk) - 1
    q = rq[owner]
    has_true, _, incomplete = _search(prob, rb, rh, owner, q, q, k0, k1, len(rq), False, budget)
    return int((incomplete & ~has_true).sum()), int((~has_true & ~incomplete).sum())
