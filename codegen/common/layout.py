"""The block layout as the CPU kernels read it, and its host-side helpers (NumPy).

Layout buffers (one set per call size and per runtime input):

    head_class  int32 [B, H]          layout class of (batch, head)
    row_ptr     int64 [C * (n_qb+1)]  class c, query block r: its nonzero key blocks are
                                      col_idx[row_ptr[c*(n_qb+1) + r] : row_ptr[c*(n_qb+1) + r + 1]]
                                      (offsets are absolute into the concatenated arrays)
    col_idx     int32 [max(nnz, 1)]   key-block index of each nonzero block
    full        uint8 [max(nnz, 1)]   1 FULL (mask not evaluated), 0 PARTIAL

    n_qb = ceil(Lq / block_q); EMPTY blocks are absent. The arrays hold at least one
    element (a zero pad when nnz == 0) so that no buffer is empty.

    order       int32 [B*H*n_qb]      the parallel loop's task order (see below)

The backward dK/dV kernel walks columns: the same format transposed (CSC), built by
:func:`transpose`:

    col_ptr     int64 [C * (n_kb+1)]  class c, key block s: its nonzero query blocks are
                                      row_idx[col_ptr[c*(n_kb+1) + s] : ...]
    row_idx     int32 [max(nnz, 1)]   query-block index
    full_t      uint8 [max(nnz, 1)]   FULL flags in the transposed order
    order       int32 [B*Hk*n_kb]     the dK/dV kernel's task order

Task order (load balance). A kernel's parallel loop ``for t in T.parallel(N)`` runs task
``order[t]`` (task = (b * H + h) * n_qb + qb, or (b * Hk + hk) * n_kb + kb). TVM 0.27's
LLVM back end splits a parallel loop statically: with ``T`` threads, thread ``i`` runs
the contiguous chunk ``[i * step, min((i + 1) * step, N))``, ``step = ceil(N / T)``
(``CodeGenCPU::VisitStmt_(ForNode)``), where ``T`` is the calling thread's TVM pool size
(``tvm.runtime.num_threads()``). Rows of unequal cost (causal: row r has r + 1 blocks)
would leave one thread all the heavy rows; :func:`balanced_order` fills each chunk with
equal work instead (LPT: heaviest task first into the least loaded chunk that has room).
The order depends on the thread count, so the layouts compute it on demand and keep one
per count (:meth:`PackedLayout.task_order`).
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

# Cost of a task in units of one FULL block: a PARTIAL block also evaluates the mask per
# element; every task loads its Q (K, V) block and writes its output block. Fitted on the
# forward (L=4096 D=64 fp32, one thread): ~6.0 us a FULL block, ~6.4 us a PARTIAL one
# (causal mask), ~3.5 us a task with no block.
FULL_COST, PARTIAL_COST, TASK_COST = 1.0, 1.08, 0.6


def cdiv(a: int, b: int) -> int:
    return -(-a // b)


@dataclass
class PackedLayout:
    """The block layout as the kernels read it, in both forms (see the module docstring):
    the rows (BSR, forward and dQ) and, made once on first use and kept, the columns
    (:attr:`transposed`, CSC, dK/dV), as FlexAttention's BlockMask carries its kv and q
    indices together. NumPy arrays; built from the analysis by :func:`from_analysis`."""

    head_class: np.ndarray
    row_ptr: np.ndarray
    col_idx: np.ndarray
    full: np.ndarray
    n_qb: int
    n_kb: int
    block_q: int
    block_k: int
    _orders: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _transposed: "TransposedLayout | None" = field(default=None, init=False, repr=False,
                                                   compare=False)

    @property
    def transposed(self) -> "TransposedLayout":
        """The columns of every class: for each key block, its query blocks (cached)."""
        if self._transposed is None:
            self._transposed = _transpose(self)
        return self._transposed

    @property
    def n_classes(self) -> int:
        return len(self.row_ptr) // (self.n_qb + 1)

    @property
    def nnz(self) -> int:
        return int(self.row_ptr[-1]) if len(self.row_ptr) else 0

    def torch_tensors(self):
        """(head_class, row_ptr, col_idx, full) as contiguous CPU torch tensors."""
        import torch

        return tuple(
            torch.from_numpy(np.ascontiguousarray(a))
            for a in (self.head_class, self.row_ptr, self.col_idx, self.full)
        )

    def row_costs(self) -> np.ndarray:
        """float64 [B*H*n_qb]: the estimated cost of each forward / dQ task."""
        return _task_costs(self.row_ptr, self.full, self.head_class, self.n_qb)

    def task_order(self, num_threads: int | None = None) -> np.ndarray:
        """int32 [B*H*n_qb]: the forward / dQ kernels' task order for ``num_threads``
        threads (None: the calling thread's TVM thread count). Cached per count."""
        return _cached_order(self._orders, num_threads, None, self.row_costs)

    @property
    def order(self) -> np.ndarray:
        return self.task_order()

    def order_tensor(self, num_threads: int | None = None):
        """:meth:`task_order` as a torch tensor (cached: no copy per call)."""
        return _cached_tensor(self._orders, num_threads, None, self.task_order)


@dataclass
class TransposedLayout:
    """The column form of a :class:`PackedLayout` (its ``transposed``)."""

    head_class: np.ndarray
    col_ptr: np.ndarray
    row_idx: np.ndarray
    full: np.ndarray
    n_qb: int
    n_kb: int
    _orders: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def torch_tensors(self):
        import torch

        return tuple(
            torch.from_numpy(np.ascontiguousarray(a))
            for a in (self.head_class, self.col_ptr, self.row_idx, self.full)
        )

    def col_costs(self, kv_heads: int | None = None) -> np.ndarray:
        """float64 [B*Hk*n_kb]: the estimated cost of each dK/dV task (one key block of a
        key head sums over the query heads of its group)."""
        costs = _task_costs(self.col_ptr, self.full, self.head_class, self.n_kb)
        b, h = self.head_class.shape
        hk = h if kv_heads is None else kv_heads
        if hk <= 0 or h % hk:
            raise ValueError(f"{h} query heads do not group into {hk} key heads")
        return costs.reshape(b, hk, h // hk, self.n_kb).sum(axis=2).ravel()

    def task_order(self, num_threads: int | None = None, kv_heads: int | None = None) -> np.ndarray:
        """int32 [B*Hk*n_kb]: the dK/dV kernel's task order (``kv_heads`` None: Hk = H)."""
        return _cached_order(self._orders, num_threads, kv_heads,
                             lambda: self.col_costs(kv_heads))

    @property
    def order(self) -> np.ndarray:
        return self.task_order()

    def order_tensor(self, num_threads: int | None = None, kv_heads: int | None = None):
        return _cached_tensor(self._orders, num_threads, kv_heads,
                              lambda n: self.task_order(n, kv_heads))


def _task_costs(ptr: np.ndarray, full: np.ndarray, head_class: np.ndarray, n: int) -> np.ndarray:
    """Per (class, row) costs from a CSR / CSC, spread over head_class [B, H]."""
    ptr = np.asarray(ptr, dtype=np.int64)
    n_classes = len(ptr) // (n + 1)
    ptr = ptr.reshape(n_classes, n + 1)
    counts = np.diff(ptr, axis=1)
    nnz = int(ptr[-1, -1]) if n_classes else 0
    partial = np.concatenate([[0], np.cumsum(np.asarray(full[:nnz]) == 0)])
    n_partial = partial[ptr[:, 1:]] - partial[ptr[:, :-1]]
    costs = TASK_COST + FULL_COST * (counts - n_partial) + PARTIAL_COST * n_partial
    return costs[np.asarray(head_class, dtype=np.int64)].ravel()


def current_threads() -> int:
    """How many threads a TVM parallel loop launched from this thread splits into.

    TVMBackendParallelLaunch runs the loop as one task when MaxConcurrency() (the
    environment, see :func:`target.configure_threads`) is 1, without a thread pool; else
    the calling thread's pool decides. Asking the pool creates it, and a pool smaller
    than the machine pins its thread to that many cores, so it is not asked when the
    loop would run as one task (TVM_NUM_THREADS=1 must not pin the Python thread)."""
    if _max_concurrency() <= 1:
        return 1
    from tvm.runtime import num_threads

    return max(1, int(num_threads()))


def _max_concurrency() -> int:
    """TVM 0.27's threading::MaxConcurrency() as the environment sets it."""
    import os
    import platform

    for var in ("TVM_NUM_THREADS", "OMP_NUM_THREADS"):
        if var in os.environ:
            try:
                return max(1, int(os.environ[var]))
            except ValueError:
                return 1
    n = os.cpu_count() or 1
    if platform.machine().lower() in ("x86_64", "amd64", "i386", "i686"):
        n //= 2  # TVM assumes hyper-threading on x86
    return max(1, n)


def _cached_order(cache: dict, num_threads, extra, costs) -> np.ndarray:
    n = current_threads() if num_threads is None else max(1, int(num_threads))
    key = ("order", n, extra)
    if key not in cache:
        cache[key] = balanced_order(costs(), n)
    return cache[key]


def _cached_tensor(cache: dict, num_threads, extra, order):
    import torch

    n = current_threads() if num_threads is None else max(1, int(num_threads))
    key = ("tensor", n, extra)
    if key not in cache:
        cache[key] = torch.from_numpy(order(n))
    return cache[key]


LOCALITY_TOLERANCE = 0.03  # keep the identity order unless balancing gains more
# (the cost model is good to about 2%: a sliding window with H=3 on 2 threads, predicted 2%
# imbalance, measured balanced, and reordering it cost 3% of locality)


def balanced_order(costs, num_threads: int) -> np.ndarray:
    """int32 permutation of ``range(len(costs))`` whose TVM chunks (``num_threads``
    contiguous pieces of ``ceil(N / num_threads)`` tasks, the last ones shorter or
    empty) carry near-equal total cost.

    LPT with the chunk sizes as capacities: heaviest task first, into the least loaded
    chunk that has room. Then, for locality, tasks of equal cost are handed out again
    as contiguous index ranges (same counts per chunk, so the same loads: a sliding
    window's rows all cost the same, and a chunk gets neighbouring rows that share K /
    V blocks instead of every T-th row), and each chunk runs in ascending order. The
    identity order (best locality) is kept unless its busiest chunk carries more than
    ``LOCALITY_TOLERANCE`` more than the balanced one's."""
    costs = np.asarray(costs, dtype=np.float64)
    n = len(costs)
    identity = np.arange(n, dtype=np.int32)
    if num_threads <= 1 or n <= 1:
        return identity
    step = -(-n // num_threads)
    caps = [min(step, max(0, n - t * step)) for t in range(num_threads)]
    # least loaded first; on a tie the chunk with the least room left (a short last
    # chunk takes the heaviest task rather than filling up with light ones)
    heap = [(0.0, caps[t], t) for t in range(num_threads) if caps[t] > 0]
    heapq.heapify(heap)
    owner = np.empty(n, dtype=np.int64)
    for idx in np.argsort(-costs, kind="stable").tolist():
        load, room, t = heapq.heappop(heap)
        owner[idx] = t
        if room > 1:
            heapq.heappush(heap, (load + costs[idx], room - 1, t))
    # equal-cost tasks: same count per chunk, contiguous index ranges (tasks are already
    # in index order within a group; sorting their owners gives chunk 0 the first ones)
    _, group = np.unique(costs, return_inverse=True)
    by_index = np.lexsort((identity, group))  # the k-th lowest index of each group...
    by_owner = np.lexsort((owner, group))     # ...gets the group's k-th lowest owner
    owner[by_index] = owner[by_owner]
    order = np.lexsort((identity, owner)).astype(np.int32)
    if chunk_loads(costs, identity, num_threads).max() <= \
            chunk_loads(costs, order, num_threads).max() * (1 + LOCALITY_TOLERANCE):
        return identity
    return order


def chunk_loads(costs, order, num_threads: int) -> np.ndarray:
    """The total cost of each thread's chunk when the kernel runs ``order`` (a check)."""
    costs = np.asarray(costs, dtype=np.float64)[np.asarray(order)]
    step = -(-len(costs) // num_threads)
    return np.array([costs[t * step:(t + 1) * step].sum() for t in range(num_threads)])


def _padded(a: np.ndarray, dtype) -> np.ndarray:
    a = np.asarray(a, dtype=dtype)
    return a if len(a) else np.zeros(1, dtype=dtype)


def pack(classes, head_class, n_qb: int, n_kb: int, block_q: int, block_k: int) -> PackedLayout:
    """Concatenate per-class BSRs ``[(row_ptr, col_idx, full), ...]`` into one layout.

    ``head_class`` is int [B, H] with values in ``range(len(classes))``; each class's
    ``row_ptr`` is int [n_qb + 1] relative to its own ``col_idx``.
    """
    row_ptrs, cols, fulls, offset = [], [], [], 0
    for row_ptr, col_idx, full in classes:
        row_ptr = np.asarray(row_ptr, dtype=np.int64)
        if len(row_ptr) != n_qb + 1:
            raise ValueError(f"row_ptr has {len(row_ptr)} entries, expected {n_qb + 1}")
        row_ptrs.append(row_ptr - row_ptr[0] + offset)
        cols.append(np.asarray(col_idx[row_ptr[0]:row_ptr[-1]], dtype=np.int32))
        fulls.append(np.asarray(full[row_ptr[0]:row_ptr[-1]]).astype(np.uint8))
        offset += int(row_ptr[-1] - row_ptr[0])
    col_idx = np.concatenate(cols) if cols else np.zeros(0, np.int32)
    full = np.concatenate(fulls) if fulls else np.zeros(0, np.uint8)
    if len(col_idx) and (col_idx.min() < 0 or col_idx.max() >= n_kb):
        raise ValueError("col_idx holds a key block outside [0, n_kb)")
    return PackedLayout(
        head_class=np.ascontiguousarray(head_class, dtype=np.int32),
        row_ptr=np.concatenate(row_ptrs) if row_ptrs else np.zeros(n_qb + 1, np.int64),
        col_idx=_padded(col_idx, np.int32),
        full=_padded(full, np.uint8),
        n_qb=n_qb, n_kb=n_kb, block_q=block_q, block_k=block_k,
    )


def from_analysis(classified) -> PackedLayout:
    """The packed layout of a block classification (``spdsl.analysis.blocks.classify``)."""
    return pack([(c.row_ptr, c.col_idx, c.full) for c in classified.layouts],
                classified.head_class, classified.n_qb, classified.n_kb, classified.block_q,
                classified.block_k)


def transpose(layout: PackedLayout) -> TransposedLayout:
    """``layout.transposed``: the CSC of every class, for each key block its query blocks."""
    return layout.transposed


def _transpose(layout: PackedLayout) -> TransposedLayout:
    n_qb, n_kb = layout.n_qb, layout.n_kb
    col_ptrs, rows, fulls = [], [], []
    offset = 0
    for c in range(layout.n_classes):
        rp = layout.row_ptr[c * (n_qb + 1):(c + 1) * (n_qb + 1)]
        beg, end = int(rp[0]), int(rp[-1])
        cols = layout.col_idx[beg:end].astype(np.int64)
        qblocks = np.repeat(np.arange(n_qb, dtype=np.int64), np.diff(rp))
        order = np.lexsort((qblocks, cols))  # by key block, then query block
        counts = np.bincount(cols, minlength=n_kb)
        col_ptrs.append(offset + np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))
        rows.append(qblocks[order].astype(np.int32))
        fulls.append(layout.full[beg:end][order])
        offset += end - beg
    return TransposedLayout(
        head_class=layout.head_class,
        col_ptr=np.concatenate(col_ptrs) if col_ptrs else np.zeros(n_kb + 1, np.int64),
        row_idx=_padded(np.concatenate(rows) if rows else [], np.int32),
        full=_padded(np.concatenate(fulls) if fulls else [], np.uint8),
        n_qb=n_qb, n_kb=n_kb,
    )


def random_block_table(key, heads: int, lq: int, lk: int, q_end: int | None = None) -> np.ndarray:
    """The int8 table [heads, n_qb, ceil(lk/size)] of ``random_blocks(r, size, seed)`` that the
    kernels read: 1 where the key block is chosen for (head, query block of positions).
    ``n_qb`` covers the query positions below ``q_end`` (default ``lk``: the default offsets
    put the queries at positions below Lk) and those below Lk."""
    from spdsl.analysis.random_blocks import query_block_count

    from spdsl.analysis.random_blocks import key_table

    size = key[1]  # key: lower.random_blocks_key, (r, size, seed[, shared, past])
    n_qb, n_kb = query_block_count(size, lk, lk if q_end is None else q_end), cdiv(lk, size)
    return key_table(key, heads, n_qb, n_kb).astype(np.int8)


class RandomTables:
    """The random_blocks tables of one built kernel, kept across calls. A table depends
    on (heads, key blocks) and needs enough query blocks for the call's positions; as the
    choice for a query block never depends on how many there are, a table built for more
    query blocks serves every call that needs fewer. So decoding with growing offsets
    rebuilds a table only when it needs a new query block, and at most ``limit`` tables
    are kept (least recently used dropped)."""

    def __init__(self, keys, limit: int = 16):
        self.keys, self.limit = list(keys), limit
        self._tables: OrderedDict = OrderedDict()

    def args(self, inputs, heads: int, lq: int, lk: int, convert, where: str = "") -> list:
        """One table per key for this call, each passed through ``convert`` (numpy ->
        the kernel's tensor, cached converted); ``where`` tells devices apart."""
        from spdsl.analysis.random_blocks import query_block_count

        q_end = query_end(inputs, lq, lk)
        out = []
        for key in self.keys:
            size = key[1]
            ck = (key, heads, cdiv(lk, size), where)
            hit = self._tables.get(ck)
            if hit is None or hit.shape[1] < query_block_count(size, lk, q_end):
                hit = convert(random_block_table(key, heads, lq, lk, q_end))
                self._tables[ck] = hit
                if len(self._tables) > self.limit:
                    self._tables.popitem(last=False)
            self._tables.move_to_end(ck)
            out.append(hit)
        return out


def query_end(inputs, lq: int, lk: int) -> int:
    """One past the largest query position of a call: ``lk`` with the default offsets,
    ``max(q_offset) + lq`` when the hidden offset input is given."""
    off = (inputs or {}).get("q_offset")
    return lk if off is None else max(lk, int(off.max()) + lq)
