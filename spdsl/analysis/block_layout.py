"""The stored block layout: each (batch, head, query block, key block) FULL, PARTIAL or
EMPTY, as :func:`spdsl.analysis.blocks.classify` finds it.

A layout is stored as runs: per query block, its maximal runs of FULL and of PARTIAL key
blocks.  Memory follows the number of runs, not of blocks (causal is two runs a row at
any length), and every statistic of ``spdsl explain`` is computed from the runs.  The
BSR arrays the kernels read, per layout class ``row_ptr`` [n_qb + 1], ``col_idx`` (sorted
key blocks of each query block) and ``full`` (True FULL, False PARTIAL; EMPTY is absent),
are built from the runs on first use, in batches of ``batches.BLOCKS`` blocks.  Heads
(batches) with identical layouts share one :class:`LayoutClass`
(``head_class[b, h]`` -> ``layouts[i]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

import numpy as np

from spdsl.analysis import batches
from spdsl.analysis.intervals import FULL, PARTIAL


@dataclass(eq=False)
class LayoutClass:
    """One distinct block layout, as runs: for each query block, its maximal runs of
    FULL and of PARTIAL key blocks, sorted by key block (EMPTY blocks are absent).

    ``row_ptr``, ``col_idx`` and ``full`` (compressed sparse rows, one entry a block)
    are built on first use; the statistics never need them.

    >>> causal = LayoutClass(np.array([0, 1, 3, 5]), np.array([0, 0, 1, 0, 2]),
    ...                      np.array([1, 1, 1, 2, 1]), np.array([0, 1, 0, 1, 0], bool))
    >>> causal.nnz, causal.n_full, causal.row_ptr.tolist(), causal.col_idx.tolist()
    (6, 3, [0, 1, 3, 6], [0, 0, 1, 0, 1, 2])
    """

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
        """Consecutive query-block ranges [r0, r1) of at most ``batches.REGIONS`` runs
        each (or one query block)."""
        ptr, n, r0 = self.run_ptr, self.n_qb, 0
        while r0 < n:
            r1 = int(np.searchsorted(ptr, ptr[r0] + batches.REGIONS, side="right")) - 1
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
    for s in range(0, len(a), batches.BLOCKS):
        yield a[s:s + batches.BLOCKS]


def run_blocks(kb0: np.ndarray, width: np.ndarray, limit: int | None = None):
    """The blocks of runs, in order, at most ``limit`` (default ``batches.BLOCKS``) at a
    time: ``(i, j, counts, kb)`` for runs i..j-1, ``counts`` blocks from each (a run
    wider than the limit comes in pieces) and their key blocks (int64).  A value per
    run becomes a value per block with ``np.repeat(value[i:j], counts)``."""
    limit = limit or batches.BLOCKS
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
