"""Finding a true and a false element of a mask in block rectangles, without a dense mask.

The search shared by the block classifier's exact refinement (spdsl/analysis/blocks.py)
and by the empty-row count of ``spdsl explain`` (spdsl/analysis/layout_stats.py): sample
points (corners, their neighbours, the centre) first, then interval analysis of
sub-rectangles, halved along their longer side, down to enumerating a few points.  The
work is capped by a budget; an owner not decided within it is reported incomplete.
Every step works in batches (spdsl/analysis/batches.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis import batches
from spdsl.analysis.evaluate import evaluate_points
from spdsl.analysis.intervals import EMPTY, FULL, PARTIAL, Context, Regions, classify_regions

_ENUMERATE_AREA = 64        # a PARTIAL sub-region this small is evaluated point by point
_N_SAMPLES = 13             # sample points per rectangle (_sample_points)


@dataclass
class Problem:
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
        for s in range(0, len(q), batches.POINTS):
            sl = slice(s, s + batches.POINTS)
            out[sl] = evaluate_points(self.mask, b[sl], h[sl], q[sl], k[sl], self.ctx.sizes,
                                      self.inputs, random_tables=self.tables)
        return out

    def element_box(self, qb0, qb1, kb0, kb1):
        """Block ranges to element ranges, clipped to the real lengths."""
        q0, k0 = qb0 * self.bq, kb0 * self.bk
        q1 = np.minimum((qb1 + 1) * self.bq, self.Lq) - 1
        k1 = np.minimum((kb1 + 1) * self.bk, self.Lk) - 1
        return q0, q1, k0, k1


def analysed_pairs(nb: int, nh: int):
    """The (batch, head) pairs an analysis covers, as two flat int64 arrays, b-major."""
    pb, ph = np.meshgrid(np.arange(nb, dtype=np.int64), np.arange(nh, dtype=np.int64), indexing="ij")
    return pb.ravel(), ph.ravel()


def search(prob: Problem, ob, oh, owner, q0, q1, k0, k1, n_owners, need_false, budget,
           charge_samples=False):
    """Look for true (and, with ``need_false``, false) elements of every owner's
    rectangles, depth first, ``batches.REGIONS`` rectangles at a time.  Returns per
    owner: a true element exists, a false one exists, and whether the search stopped
    before it was complete; then the budget left.  ``charge_samples``: the first look at
    each rectangle (13 sample points) is charged to the budget too."""
    has_true = np.zeros(n_owners, bool)
    has_false = np.zeros(n_owners, bool)
    incomplete = np.zeros(n_owners, bool)
    for s in range(0, len(owner), batches.REGIONS):
        sl = slice(s, s + batches.REGIONS)
        idx, qs, ks = _sample_points(owner[sl], q0[sl], q1[sl], k0[sl], k1[sl])
        o = owner[sl][idx]
        _record(prob.points(ob[o], oh[o], qs, ks), o, has_true, has_false)
    if charge_samples:
        budget -= _N_SAMPLES * len(owner)
    stack = [np.stack([owner, q0, q1, k0, k1])]
    while stack:
        rect = pop_newest(stack, batches.REGIONS)
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
            stack.append(halve(rect[:, big]))
    return has_true, has_false, incomplete, budget


def _enumerate(prob: Problem, ob, oh, rect, has_true, has_false) -> int:
    """Evaluate every point of small rectangles [owner, q0, q1, k0, k1]; returns how many."""
    step = max(1, batches.POINTS // _ENUMERATE_AREA)
    n = 0
    for s in range(0, rect.shape[1], step):
        own, a0, a1, c0, c1 = rect[:, s:s + step]
        idx, qs, ks = rect_points(a0, a1, c0, c1)
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


def rect_points(q0, q1, k0, k1):
    """Every point of every rectangle: (rectangle index, q, k), vectorised."""
    w = k1 - k0 + 1
    area = (q1 - q0 + 1) * w
    idx = np.repeat(np.arange(len(q0)), area)
    start = np.cumsum(area) - area
    off = np.arange(int(area.sum()), dtype=np.int64) - start[idx]
    return idx, q0[idx] + off // w[idx], k0[idx] + off % w[idx]


def pop_newest(stack: list, n: int) -> np.ndarray:
    """The last ``n`` (or fewer) columns of the last array on the stack, removed from it:
    working on the newest rectangles first keeps the stack to about ``n`` a level."""
    top = stack[-1]
    if top.shape[1] <= n:
        return stack.pop()
    stack[-1] = top[:, :-n]
    return top[:, -n:]


def halve(rect: np.ndarray) -> np.ndarray:
    """Split each rectangle [owner, a0, a1, c0, c1] in two along its longer side."""
    own, a0, a1, c0, c1 = rect
    along_q = (a1 - a0) >= (c1 - c0)
    mid_q, mid_k = (a0 + a1) // 2, (c0 + c1) // 2
    first = np.stack([own, a0, np.where(along_q, mid_q, a1), c0, np.where(along_q, c1, mid_k)])
    second = np.stack([own, np.where(along_q, mid_q + 1, a0), a1, np.where(along_q, c0, mid_k + 1), c1])
    return np.concatenate([first, second], axis=1)
