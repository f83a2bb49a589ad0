"""Context parallelism on torch.distributed: one sequence's attention spread over the ranks
of a process group, moving only the key/value blocks the pattern reads (docs/distributed.md).

    >>> sh = spdsl.distributed.shard(attn, L, world)                 # who holds which positions
    >>> q, k, v = (sh.split(t, rank) for t in (q_full, k_full, v_full))
    >>> out = spdsl.distributed.attention(attn, q, k, v, sharding=sh)  # this rank's rows; autograd

Each rank holds the queries and the keys/values of the same positions (a :class:`Sharding`:
one contiguous range, zig-zag head/tail chunks, or LPT pieces, chosen from the layout's work
per row). The :class:`Plan` comes from the block layout (``spdsl.runtime.layouts.call_layout``,
never an L x L mask) of each rank's query chunks against the whole sequence: the key blocks
each chunk reads; the rows of those blocks that other ranks hold are what moves, one packed
message per pair of ranks the pattern connects and none for the others. It is computed once
per (pattern, block sizes, sharding, B, H, input values) and cached.

A call (one autograd Function, :class:`_Runner`):

1. post the sends and receives (``batch_isend_irecv``: gloo on CPU, NCCL on GPU);
2. copy the local keys/values into a buffer indexed by position ([B, Hk, L, D], uninitialised:
   only the rows the layouts read are ever written or read) and run each query chunk against
   the key blocks this rank holds whole, while the transfer runs;
3. as each peer's rows arrive (in rank order), place them and run the chunks against the
   blocks that waited for them;
4. merge the partial results by their log-sum-exp (rows that see no key: 0 and -inf).

The kernels are the compiled op's own for explicit offsets (``q_offset`` = the chunk's first
position, ``kv_offset`` = 0), called with the chunk's layout restricted to one of the
key-block sets (held whole, or waiting for a peer). Keeping Lk = L in every call keeps everything the pattern reads as in one
process: ``Lk``, inputs declared over ``Lk`` (``doc``) and ``random_blocks``, which draws
among ceil(Lk / size) key blocks. The backward runs the same two sets against the merged
output and lse (their gradients add up, as in ring attention), sends the gradients of the
received rows back to their owners as soon as the remote set is done, and overlaps that
with the local set's backward.
"""

from __future__ import annotations

import hashlib
import heapq
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

KINDS = ("contiguous", "zigzag", "lpt", "auto")
BALANCE = 0.10          # "auto" keeps the first of contiguous, zigzag, lpt within 10% of the mean work
_TAG_FORWARD, _TAG_BACKWARD = 0x5D50, 0x5D51
_CACHE_SIZE = 16
_LOCK = threading.Lock()
_CACHE: OrderedDict = OrderedDict()      # shardings and plans, least recently used dropped
_RUNNERS: OrderedDict = OrderedDict()    # attention()'s runners (a rank's side of a plan)
_STARTED: set = set()                    # process groups that have run their first collective


class ContextParallelError(ValueError):
    """A context-parallel call that cannot run as asked; the message says why and what to do."""


# ---- sharding ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sharding:
    """Which positions of a length-``L`` sequence each rank holds: ``ranges[r]`` is rank
    r's ascending tuple of [start, stop) ranges, and its local rows are those positions in
    order. Queries and keys/values are sharded alike. Made by :func:`shard`.

    >>> sh = shard(None, 10, 2, "zigzag")
    >>> sh.ranges
    (((0, 3), (8, 10)), ((3, 8),))
    """

    L: int
    ranges: tuple
    kind: str = "custom"

    def __post_init__(self):
        object.__setattr__(self, "ranges", tuple(tuple((int(a), int(b)) for a, b in r) for r in self.ranges))
        seen = np.zeros(self.L, np.int64)
        for r, ranges in enumerate(self.ranges):
            if not ranges:
                raise ContextParallelError(f"spdsl: rank {r} holds no position (L={self.L} over "
                                           f"{len(self.ranges)} ranks); use fewer ranks or a longer sequence")
            last = 0
            for a, b in ranges:
                if not 0 <= a < b <= self.L or a < last:
                    raise ContextParallelError(f"spdsl: rank {r}'s ranges {ranges} are not ascending, "
                                               f"non-empty ranges within [0, {self.L})")
                seen[a:b] += 1
                last = b
        if self.L < 1 or (seen != 1).any():
            raise ContextParallelError(f"spdsl: the ranges do not cover each of the {self.L} positions once")

    @property
    def world(self) -> int:
        return len(self.ranges)

    def count(self, rank: int) -> int:
        """How many positions (rows) ``rank`` holds."""
        return sum(b - a for a, b in self.ranges[rank])

    def positions(self, rank: int) -> np.ndarray:
        """int64 [count(rank)]: the positions of ``rank``'s rows, in order."""
        return np.concatenate([np.arange(a, b, dtype=np.int64) for a, b in self.ranges[rank]])

    def owners(self) -> np.ndarray:
        """int32 [L]: the rank holding each position."""
        out = np.empty(self.L, np.int32)
        for r, ranges in enumerate(self.ranges):
            for a, b in ranges:
                out[a:b] = r
        return out

    def split(self, x, rank: int, dim: int = 2):
        """``rank``'s shard of a full tensor (its positions along ``dim``, in order)."""
        import torch

        if x.shape[dim] != self.L:
            raise ContextParallelError(f"spdsl: split needs the full sequence along dim {dim} "
                                       f"({self.L} positions), got {x.shape[dim]}")
        return torch.cat([x.narrow(dim, a, b - a) for a, b in self.ranges[rank]], dim)

    def unsplit(self, shards, dim: int = 2):
        """The full tensor from every rank's shard (the inverse of :meth:`split`)."""
        import torch

        shards = list(shards)
        shape = list(shards[0].shape)
        shape[dim] = self.L
        out = shards[0].new_empty(shape)
        for r, x in enumerate(shards):
            index = torch.as_tensor(self.positions(r), device=x.device)
            out.index_copy_(dim, index, x)
        return out

    def gather(self, x, group=None, dim: int = 2):
        """The full tensor on every rank of ``group`` from each rank's shard ``x``."""
        import torch
        import torch.distributed as dist

        group, rank, world = _group(group)
        if x.shape[dim] != self.count(rank):
            raise ContextParallelError(f"spdsl: rank {rank} holds {self.count(rank)} positions; "
                                       f"its shard has {x.shape[dim]} along dim {dim}")
        most = max(self.count(r) for r in range(world))
        pad = [0, 0] * (x.dim() - 1 - dim % x.dim()) + [0, most - x.shape[dim]]
        padded = torch.nn.functional.pad(x.contiguous(), pad)
        parts = [torch.empty_like(padded) for _ in range(world)]
        dist.all_gather(parts, padded, group=group)
        return self.unsplit([p.narrow(dim, 0, self.count(r)) for r, p in enumerate(parts)], dim)

    def __str__(self) -> str:
        ranks = "; ".join(f"{r}: " + " ".join(f"[{a}, {b})" for a, b in ranges)
                          for r, ranges in enumerate(self.ranges))
        return f"{self.kind} sharding of L={self.L} over {self.world} ranks ({ranks})"


def shard(attn, L: int, world: int, kind: str = "auto", *, B: int = 1, H: int = 1,
          pieces: int | None = None, block=None, **inputs) -> Sharding:
    """Which positions each of ``world`` ranks holds for a sequence of ``L`` tokens.

    ``kind``: ``"contiguous"`` (equal ranges), ``"zigzag"`` (2 x world equal chunks, rank r
    holding chunks r and 2 x world - 1 - r: balanced for causal patterns), ``"lpt"``
    (``pieces`` chunks cut at query blocks, else the fewest of 4, 8, 16 x world that
    balance, dealt heaviest first to the least loaded rank), or ``"auto"``: the first of
    these whose busiest rank does at most 10% more than the mean (else the most balanced;
    contiguous and zigzag give every rank the same number of tokens, lpt the same work). Work per row comes
    from ``attn``'s block layout (a compiled op, or a Pattern with ``block``, default its
    hint or 64; None will do for contiguous and zigzag) at ``B``, ``H`` and the pattern's
    ``inputs``.
    """
    if kind not in KINDS:
        raise ContextParallelError(f"spdsl: sharding must be one of {', '.join(KINDS)} or a Sharding, got {kind!r}")
    for name, value in (("L", L), ("world", world)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ContextParallelError(f"spdsl: {name} must be a positive int, got {value!r}")
    if L < world:
        raise ContextParallelError(f"spdsl: L={L} positions cannot be shared by {world} ranks")
    if kind == "contiguous":
        return Sharding(L, tuple((p,) for p in _parts(L, world)), kind)
    if kind == "zigzag":
        parts = _parts(L, 2 * world)
        return Sharding(L, tuple(_merged([parts[r], parts[2 * world - 1 - r]]) for r in range(world)), kind)
    if attn is None:
        raise ContextParallelError(f"spdsl: sharding {kind!r} weighs rows by the pattern's work: pass the "
                                   "compiled op (or the Pattern)")
    pattern, block = _pattern_and_block(attn, block)
    key = ("shard", _identity(attn), block, L, world, kind, B, H, pieces, _digest(inputs))
    return _cached(key, lambda: _balanced(pattern, block, L, world, kind, B, H, pieces, inputs))


def _balanced(pattern, block, L, world, kind, B, H, pieces, inputs) -> Sharding:
    """LPT (``pieces``, else the first of 4, 8 and 16 x world pieces, aligned to query blocks,
    within 10% of the mean, else the best), or for "auto" the first of contiguous, zigzag
    and those within 10%, by the work of one process's layout."""
    prefix = _work_prefix(pattern, block, L, B, H, inputs)
    counts = [pieces] if pieces else [n * world for n in (4, 8, 16)]
    for n in counts:
        if n % world or n > L:
            raise ContextParallelError(f"spdsl: pieces={n} must be a multiple of world={world} and at most L={L}")
    candidates = [Sharding(L, _lpt(_parts(L, n, block[0]), prefix, world), "lpt") for n in counts]
    if kind == "auto":
        candidates = [shard(None, L, world, "contiguous"), shard(None, L, world, "zigzag")] + candidates
    spread = [_imbalance(s, prefix) for s in candidates]
    for s, x in zip(candidates, spread):
        if x <= 1 + BALANCE:
            return s
    return candidates[int(np.argmin(spread))]


def _parts(L: int, n: int, align: int = 1) -> list[tuple[int, int]]:
    """``n`` ranges of near-equal size covering [0, L) (``torch.tensor_split``'s; some
    empty when L < n), cut at multiples of ``align`` where there are n such blocks."""
    if align > 1 and -(-L // align) >= n:
        return [(a * align, min(b * align, L)) for a, b in _parts(-(-L // align), n)]
    size, extra = divmod(L, n)
    bounds = np.concatenate([[0], np.cumsum([size + (i < extra) for i in range(n)])])
    return [(int(bounds[i]), int(bounds[i + 1])) for i in range(n)]


def _merged(ranges) -> tuple:
    """Ascending, non-empty ranges with touching ones joined."""
    out = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return tuple(out)


def _lpt(parts, prefix: np.ndarray, world: int) -> tuple:
    """Longest processing time first: each piece, heaviest first, to the least loaded rank
    (work, not tokens, is balanced: a rank holding global rows holds fewer of them)."""
    work = [prefix[b] - prefix[a] for a, b in parts]
    heap = [(0.0, r) for r in range(world)]
    owned: list[list] = [[] for _ in range(world)]
    for i in np.argsort(-np.asarray(work), kind="stable").tolist():
        load, r = heapq.heappop(heap)
        owned[r].append(parts[i])
        heapq.heappush(heap, (load + work[i], r))
    return tuple(_merged(p) for p in owned)


def _imbalance(sharding: Sharding, prefix: np.ndarray) -> float:
    """The busiest rank's estimated work over the mean."""
    work = [sum(prefix[b] - prefix[a] for a, b in ranges) for ranges in sharding.ranges]
    return max(work) / max(np.mean(work), 1e-30)


def _work_prefix(pattern, block, L: int, B: int, H: int, inputs) -> np.ndarray:
    """float64 [L + 1]: cumulative work of the rows (key blocks of the row's query block,
    over all batches and heads, in one process's layout)."""
    from spdsl.runtime.layouts import call_layout

    packed, _ = call_layout(pattern, block, B, H, L, L, dict(inputs))
    per_row = np.repeat(blocks_per_query_block(packed), packed.block_q)[:L]
    return np.concatenate([[0.0], np.cumsum(per_row, dtype=np.float64)])


def blocks_per_query_block(layout) -> np.ndarray:
    """int64 [n_qb]: a packed layout's non-empty blocks in each query block, summed over
    every (batch, head)."""
    n = layout.n_qb
    counts = np.diff(np.asarray(layout.row_ptr, np.int64).reshape(layout.n_classes, n + 1), axis=1)
    pairs = np.bincount(np.asarray(layout.head_class).ravel(), minlength=layout.n_classes)
    return (counts * pairs[:, None]).sum(axis=0)


# ---- the plan ---------------------------------------------------------------------------------

@dataclass
class Plan:
    """What each rank computes and receives, for one sharding: ``layouts[r][c]`` is the
    packed layout of rank r's query chunk c against all L keys; ``recv[r]`` maps a peer to
    the positions (int64, ascending) rank r receives from it; ``held[r]`` (bool [n_kb]) marks
    the key blocks that lie wholly in rank r's own rows (computed before the transfer)."""

    sharding: Sharding
    block: tuple
    B: int
    H: int
    layouts: list
    recv: list
    held: list

    def sends(self, rank: int) -> dict:
        """peer -> the positions ``rank`` sends it."""
        return {r: self.recv[r][rank] for r in range(self.sharding.world) if rank in self.recv[r]}

    def blocks(self, rank: int) -> int:
        """Non-empty blocks ``rank`` computes (all batches and heads): its work."""
        return int(sum(blocks_per_query_block(lay).sum() for lay in self.layouts[rank]))

    def report(self, head_dim: int, kv_heads: int | None = None, element_bytes: int = 4) -> dict:
        """Per rank: rows, chunks, blocks, work as % of the mean, forward GFLOP, and the K/V
        bytes received and sent; with what an all-gather (or a ring) would move."""
        sh, (bq, bk) = self.sharding, self.block
        row_bytes = 2 * self.B * (kv_heads or self.H) * head_dim * element_bytes  # a K and a V row
        blocks = [self.blocks(r) for r in range(sh.world)]
        mean = max(np.mean(blocks), 1e-30)
        ranks = [{"rank": r, "rows": sh.count(r), "chunks": len(sh.ranges[r]), "blocks": blocks[r],
                  "work_pct": 100.0 * blocks[r] / mean, "gflop": 4 * blocks[r] * bq * bk * head_dim / 1e9,
                  "bytes_in": row_bytes * sum(len(p) for p in self.recv[r].values()),
                  "bytes_out": row_bytes * sum(len(p) for p in self.sends(r).values()),
                  "peers_in": sorted(self.recv[r]), "allgather_bytes_in": row_bytes * (sh.L - sh.count(r))}
                 for r in range(sh.world)]
        return {"L": sh.L, "world": sh.world, "sharding": sh.kind, "ranges": [list(map(list, x)) for x in sh.ranges],
                "block_q": bq, "block_k": bk, "B": self.B, "H": self.H, "kv_heads": kv_heads or self.H,
                "head_dim": head_dim, "element_bytes": element_bytes,
                "max_work_over_mean": max(blocks) / mean, "ranks": ranks}

    def describe(self, head_dim: int, kv_heads: int | None = None, element_bytes: int = 4) -> str:
        """:meth:`report` as a table (``spdsl explain --world N``)."""
        rep = self.report(head_dim, kv_heads, element_bytes)
        lines = [f"context parallel  {rep['world']} ranks, {rep['sharding']} sharding of L={rep['L']}, block "
                 f"{rep['block_q']}x{rep['block_k']}, K/V rows of B={rep['B']} x Hk={rep['kv_heads']} x "
                 f"D={head_dim} x {element_bytes} bytes",
                 "  rank      rows  chunks      blocks    work   GFLOP     bytes in    bytes out  "
                 "(all-gather in)  from"]
        for x in rep["ranks"]:
            lines.append(f"  {x['rank']:4d}  {x['rows']:8,d}  {x['chunks']:6d}  {x['blocks']:10,d}  "
                         f"{x['work_pct']:5.1f}%  {x['gflop']:6.2f}  {_size(x['bytes_in']):>11}  "
                         f"{_size(x['bytes_out']):>11}  {_size(x['allgather_bytes_in']):>15}  "
                         f"{','.join(map(str, x['peers_in'])) or '-'}")
        moved = sum(x["bytes_in"] for x in rep["ranks"])
        gathered = sum(x["allgather_bytes_in"] for x in rep["ranks"])
        ratio = f"{gathered / moved:,.1f}x less" if moved else "nothing moves"
        lines.append(f"  busiest rank {100 * rep['max_work_over_mean'] - 100:+.1f}% of the mean work; "
                     f"K/V moved {_size(moved)} in all vs {_size(gathered)} for an all-gather (or a ring): {ratio}")
        return "\n".join(lines)


def _size(n: float) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{int(n)} B"


def plan(attn, sharding: Sharding, *, B: int = 1, H: int = 1, block=None, **inputs) -> Plan:
    """The communication plan of ``attn`` (a compiled op, or a Pattern with ``block``:
    default its hint or 64) under ``sharding``, for ``B`` x ``H`` and the pattern's full
    ``inputs``; cached."""
    pattern, block = _pattern_and_block(attn, block)
    _check_pattern(pattern)
    key = ("plan", _identity(attn), block, sharding, B, H, _digest(inputs))
    return _cached(key, lambda: _make_plan(pattern, block, sharding, B, H, inputs))


def _make_plan(pattern, block, sharding: Sharding, B: int, H: int, inputs, ranks=None, layout=None) -> Plan:
    """The plan of ``ranks`` (default all; the others' entries stay None); ``layout(a, b)``
    gives the packed layout of the query chunk [a, b) against all L keys."""
    L, world, bk = sharding.L, sharding.world, block[1]
    layout = layout or (lambda a, b: _chunk_layout(pattern, block, B, H, a, b, L, inputs))
    owners = sharding.owners()
    n_kb = -(-L // bk)
    by_block = np.full(n_kb * bk, -1, np.int64)
    by_block[:L] = owners
    by_block = by_block.reshape(n_kb, bk)
    layouts, recv, held = [None] * world, [None] * world, [None] * world
    for r in range(world) if ranks is None else ranks:
        layouts[r] = [layout(a, b) for a, b in sharding.ranges[r]]
        read = np.unique(np.concatenate([lay.col_idx[:lay.nnz] for lay in layouts[r]]).astype(np.int64))
        edges = np.zeros(L + 1, np.int64)
        np.add.at(edges, read * bk, 1)
        np.add.at(edges, np.minimum(read * bk + bk, L), -1)
        needed = np.flatnonzero((np.cumsum(edges[:L]) > 0) & (owners != r))
        peer = owners[needed]
        recv[r] = {int(s): needed[peer == s] for s in np.unique(peer)}
        held[r] = ((by_block == r) | (by_block == -1)).all(axis=1)
    return Plan(sharding, tuple(block), B, H, layouts, recv, held)


def _rank_plan(attn, sharding: Sharding, B: int, H: int, inputs, group, rank: int, device) -> Plan:
    """This rank's part of the plan (its chunks' layouts, through the op's layout cache),
    with every rank's receives all-gathered (as runs): each rank classifies its own chunks
    only, and learns what the others need from it."""
    import torch.distributed as dist

    layout = lambda a, b: attn.layout_for(B, H, b - a, sharding.L, {**inputs, **_offsets(B, a)}, device)[0]
    part = _make_plan(attn.pattern, (attn.config.block_q, attn.config.block_k), sharding, B, H, inputs,
                      ranks=[rank], layout=layout)
    every = [None] * sharding.world
    dist.all_gather_object(every, {s: _runs(p) for s, p in part.recv[rank].items()}, group=group)
    part.recv = [{s: _positions(runs) for s, runs in x.items()} for x in every]
    return part


def _runs(positions: np.ndarray) -> list:
    """Ascending positions as [start, stop) runs (what goes over the wire)."""
    if len(positions) == 0:
        return []
    cut = np.flatnonzero(np.diff(positions) != 1)
    starts = np.concatenate([positions[:1], positions[cut + 1]])
    stops = np.concatenate([positions[cut] + 1, positions[-1:] + 1])
    return list(zip(starts.tolist(), stops.tolist()))


def _positions(runs) -> np.ndarray:
    return np.concatenate([np.arange(a, b, dtype=np.int64) for a, b in runs]) if runs else np.zeros(0, np.int64)


def _chunk_layout(pattern, block, B: int, H: int, a: int, b: int, L: int, inputs):
    from spdsl.runtime.layouts import call_layout

    return call_layout(pattern, block, B, H, b - a, L, {**inputs, **_offsets(B, a)})[0]


def _offsets(B: int, start: int) -> dict:
    import torch

    return {"q_offset": torch.full((B,), start, dtype=torch.int64), "kv_offset": torch.zeros(B, dtype=torch.int64)}


def restrict(layout, keep):
    """``layout`` (a PackedLayout) with only the key blocks where ``keep`` (bool [n_kb]) holds."""
    from spdsl.codegen.common.layout import pack

    n, classes = layout.n_qb, []
    for c in range(layout.n_classes):
        ptr = np.asarray(layout.row_ptr[c * (n + 1):(c + 1) * (n + 1)], np.int64)
        cols, full = layout.col_idx[ptr[0]:ptr[-1]], layout.full[ptr[0]:ptr[-1]]
        kept = keep[cols]
        classes.append((np.concatenate([[0], np.cumsum(kept)])[ptr - ptr[0]], cols[kept], full[kept]))
    return pack(classes, layout.head_class, n, layout.n_kb, layout.block_q, layout.block_k)


def _check_pattern(pattern) -> None:
    """A rank's queries are a shard: a pattern that reads Lq or qi would see the shard's."""
    from spdsl.ir.nodes import free_vars

    names = set()
    for e in (pattern.mask, pattern.score):
        names |= free_vars(e) if e is not None else set()
    for decl in pattern.inputs.values():
        for d in decl.dims:
            names |= {d} if isinstance(d, str) else free_vars(d) if not isinstance(d, int) else set()
    bad = sorted(names & {"Lq", "qi"})
    if bad:
        raise ContextParallelError(
            f"spdsl: pattern '{pattern.name}' reads {' and '.join(bad)}; under context parallelism a rank's "
            "queries are a shard of the sequence, so these would be the shard's, not the sequence's: write the "
            "pattern over positions (q, k, Lk)")


# ---- the call ---------------------------------------------------------------------------------

def attention(attn, q, k, v, *, group=None, sharding="contiguous", return_lse: bool = False, **inputs):
    """This rank's rows of ``attn`` over a sequence whose positions are spread over the
    ranks of ``group`` (default: the whole world); forward and backward (autograd).

    ``q`` [B, H, n, D] and ``k``, ``v`` [B, Hk, n, D] hold this rank's positions (the same
    ones for both) under ``sharding``: a :class:`Sharding` from :func:`shard` (checked
    here, no collective), or a kind name (``"contiguous"`` by default, ``"zigzag"``,
    ``"lpt"``, ``"auto"``), for which the ranks' lengths are all-gathered once per call to
    find L. Pattern inputs (``doc=``) are indexed by position: pass the full tensor, or this
    rank's shard of a dim declared ``Lk`` (all-gathered; tiny). Returns ``out`` [B, H, n,
    D] (and the lse [B, H, n] with ``return_lse``).

    >>> out = spdsl.distributed.attention(attn, q, k, v, sharding=sh, doc=doc)
    """
    import torch

    group, rank, world = _group(group)
    _check_tensors(attn, q, k, v)
    if k.shape[0] != q.shape[0]:   # batch 1 under batch B: autograd sums the expand's gradient
        k, v = (t.expand(q.shape[0], *t.shape[1:]) for t in (k, v))
    inputs = {n: torch.tensor(x) if isinstance(x, (bool, int, float)) else x for n, x in inputs.items()}
    learnt = [n for n, x in inputs.items() if isinstance(x, torch.Tensor) and x.requires_grad]
    if learnt:
        raise ContextParallelError(f"spdsl: learnable inputs ({', '.join(learnt)}) are not supported under context "
                                   "parallelism yet; detach them")
    B, H = q.shape[:2]
    sharding = _resolve_sharding(attn, sharding, q, k, group, rank, world, inputs)
    inputs = _full_inputs(attn.pattern, inputs, sharding, group, rank, B, H)
    _start(group, q.device)
    runner = _runner(attn, sharding, q, k, group, rank, inputs)
    out, lse = _autograd().apply(q, k, v, runner)
    return (out, lse) if return_lse else out


def prepare(attn, backward: bool = True) -> None:
    """Build (or load from the disk cache) the kernels context parallelism calls: the
    explicit-offsets variant's forward, and its backward. Call it in a parent process
    before spawning ranks so that they load instead of building."""
    _kernels(attn, backward)


def _kernels(attn, backward: bool = False):
    """(forward, backward or None): the compiled op's kernels for explicit offsets."""
    return attn.kernels(explicit_offsets=True, backward=backward)


def _group(group):
    """(group, this rank in it, its size), or a clear error."""
    import torch.distributed as dist

    if not (dist.is_available() and dist.is_initialized()):
        raise ContextParallelError("spdsl: torch.distributed is not initialised: call "
                                   "torch.distributed.init_process_group('gloo' on CPU, 'nccl' on GPU) on every rank first")
    group = group if group is not None else dist.group.WORLD
    rank = dist.get_rank(group)
    if rank < 0:
        raise ContextParallelError("spdsl: this process is not a member of the process group it was given")
    return group, rank, dist.get_world_size(group)


def _start(group, device) -> None:
    """NCCL needs every rank of a group in its first collective; P2P calls may leave a rank out."""
    import torch.distributed as dist

    key = (id(group), str(device))
    if key not in _STARTED:
        dist.barrier(group=group)
        _STARTED.add(key)


def _check_tensors(attn, q, k, v) -> None:
    import torch

    for label, t in (("q", q), ("k", k), ("v", v)):
        if not isinstance(t, torch.Tensor) or t.dim() != 4:
            raise ContextParallelError(f"spdsl: {label} must be a 4-D tensor [B, heads, rows, D]")
        if t.dtype != attn.dtype or t.device.type != attn.device or t.shape[-1] != attn.head_dim:
            raise ContextParallelError(f"spdsl: {label} is {t.dtype} on {t.device} with head dim {t.shape[-1]}; this "
                                       f"op was compiled for {attn.dtype} on {attn.device} with head_dim {attn.head_dim}")
    if k.shape != v.shape or q.shape[2] != k.shape[2] or q.shape[1] % k.shape[1] or k.shape[0] not in (1, q.shape[0]):
        raise ContextParallelError(
            f"spdsl: q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)}: each rank holds the queries and "
            "keys/values of the same positions (k and v alike, H % Hk == 0, k/v batch 1 or q's)")


def _resolve_sharding(attn, sharding, q, k, group, rank: int, world: int, inputs) -> Sharding:
    """The Sharding of this call, after checking that this rank's rows fit it (a kind name:
    every rank's length is all-gathered, so a mismatch fails on every rank alike)."""
    import torch
    import torch.distributed as dist

    if isinstance(sharding, Sharding):
        if sharding.world != world or sharding.count(rank) != q.shape[2]:
            raise ContextParallelError(f"spdsl: rank {rank} of {world} holds {q.shape[2]} rows, but the sharding "
                                       f"gives it {sharding.count(rank)} of {sharding.L} over {sharding.world} ranks")
        return sharding
    mine = torch.tensor([q.shape[2]], dtype=torch.int64, device=q.device)
    every = [torch.empty_like(mine) for _ in range(world)]
    dist.all_gather(every, mine, group=group)
    lengths = [int(t.item()) for t in every]
    want = shard(attn, sum(lengths), world, sharding, B=q.shape[0], H=q.shape[1], **inputs)
    if lengths != [want.count(r) for r in range(world)]:
        raise ContextParallelError(
            f"spdsl: the ranks hold {', '.join(map(str, lengths))} rows; a {sharding!r} sharding of "
            f"L={sum(lengths)} over {world} ranks gives them {', '.join(str(want.count(r)) for r in range(world))}: "
            "split the tensors with spdsl.distributed.shard(...).split")
    return want


def _full_inputs(pattern, inputs, sharding: Sharding, group, rank: int, B: int, H: int) -> dict:
    """Pattern inputs as one process would pass them: a rank's shard of a dim declared
    ``Lk`` is all-gathered into the full input."""
    from spdsl.ir.dims import DimError, declared_shape

    out = dict(inputs)
    for name, decl in pattern.inputs.items():
        x = inputs.get(name)
        if x is None or "Lk" not in decl.dims or not hasattr(x, "shape"):
            continue
        try:
            full = declared_shape(decl, dict(B=B, H=H, Lq=sharding.L, Lk=sharding.L))
            local = declared_shape(decl, dict(B=B, H=H, Lq=sharding.L, Lk=sharding.count(rank)))
        except DimError:
            continue
        if tuple(x.shape) != full and tuple(x.shape) == local:
            out[name] = sharding.gather(x, group, dim=decl.dims.index("Lk"))
    return out


def _runner(attn, sharding: Sharding, q, k, group, rank: int, inputs) -> "_Runner":
    """This rank's runner, from a cache of its own: only attention() touches it, so every
    rank hits or misses it alike (a miss runs a collective)."""
    import torch.distributed as dist

    B, H, Hk = q.shape[0], q.shape[1], k.shape[1]
    key = (attn.id, sharding, B, H, Hk, _digest(inputs), rank, str(q.device),
           tuple(dist.get_process_group_ranks(group)))
    hit = _RUNNERS.get(key)
    if hit is None:
        _check_pattern(attn.pattern)
        plan = _rank_plan(attn, sharding, B, H, inputs, group, rank, q.device)
        hit = _RUNNERS[key] = _Runner(attn, plan, rank, group, q.device, inputs)
        while len(_RUNNERS) > _CACHE_SIZE:
            _RUNNERS.popitem(last=False)
    _RUNNERS.move_to_end(key)
    return hit


@dataclass
class _Chunk:
    row0: int           # first local row
    rows: int
    near: object        # the layout restricted to key blocks this rank holds whole
    far: object         # ... and to the others (the backward's)
    stages: list        # far split by the last peer (in wait order) whose rows a block needs
    inputs: dict        # kernel inputs (offsets included)


class _Runner:
    """One rank's side of a plan with one compiled op: its chunks' layouts split into the
    key blocks it holds and the others, the kernels' inputs and the index tensors."""

    def __init__(self, attn, plan: Plan, rank: int, group, device, inputs):
        import torch
        import torch.distributed as dist

        sh = plan.sharding
        self.attn, self.plan, self.group, self.L = attn, plan, group, sh.L
        self.forward_kernel, self.backward_kernels = _kernels(attn)[0], None
        index = lambda a: torch.as_tensor(np.asarray(a, np.int64), device=device)
        local_row = np.full(sh.L, -1, np.int64)
        local_row[sh.positions(rank)] = np.arange(sh.count(rank))
        self.own = index(sh.positions(rank))
        self.recv = {s: index(p) for s, p in plan.recv[rank].items()}           # positions, from s
        self.send = {s: index(local_row[p]) for s, p in plan.sends(rank).items()}  # local rows, to s
        peers = set(self.recv) | set(self.send)
        self.peers = {s: dist.get_global_rank(group, s) for s in peers}
        # a far block is computed once the last peer it needs rows from has arrived (peers
        # are waited for in rank order): finer overlap, and K/V that stay in cache
        held, bk = plan.held[rank], plan.block[1]
        stage = np.full(len(held), -1)
        for i, s in enumerate(sorted(plan.recv[rank])):
            np.maximum.at(stage, plan.recv[rank][s] // bk, i)
        self.chunks, row0 = [], 0
        for a, b in sh.ranges[rank]:
            packed, kernel_inputs = attn.layout_for(plan.B, plan.H, b - a, sh.L, {**inputs, **_offsets(plan.B, a)},
                                                    device)
            stages = [restrict(packed, ~held & (stage == i)) for i in range(len(plan.recv[rank]))]
            self.chunks.append(_Chunk(row0, b - a, restrict(packed, held), restrict(packed, ~held), stages,
                                      kernel_inputs))
            row0 += b - a

    # ---- pieces ---------------------------------------------------------------------------

    def _exchange(self, send: dict, recv: dict, tag: int) -> tuple[list, list]:
        """Post the sends and receives; (the sends' works, the receives' works in peer
        order). A backend that coalesces the batch into one work (NCCL) gives it as the
        first receive's."""
        import torch.distributed as dist

        ops = [dist.P2POp(dist.isend, t, self.peers[s], self.group, tag) for s, t in sorted(send.items())]
        ops += [dist.P2POp(dist.irecv, t, self.peers[s], self.group, tag) for s, t in sorted(recv.items())]
        works = dist.batch_isend_irecv(ops) if ops else []
        if len(works) == len(ops):
            return works[:len(send)], works[len(send):]
        if not recv:
            return works, []
        return [], [_AllOf(works)] + [None] * (len(recv) - 1)

    def _buffers(self, k, v):
        """K and V indexed by position, [B, Hk, L, D], holding this rank's rows."""
        kbuf, vbuf = (t.new_empty((*t.shape[:2], self.L, t.shape[3])) for t in (k, v))
        kbuf.index_copy_(2, self.own, k)
        vbuf.index_copy_(2, self.own, v)
        return kbuf, vbuf

    def _place(self, kbuf, vbuf, recv: dict) -> None:
        for s, buf in recv.items():
            kbuf.index_copy_(2, self.recv[s], buf[0])
            vbuf.index_copy_(2, self.recv[s], buf[1])

    def _attend(self, q, kbuf, vbuf, layout, chunk: _Chunk):
        """(out, lse) of one chunk over one key-block set, or None when the set is empty."""
        import torch

        from spdsl.runtime import op as rt

        if layout.nnz == 0:
            return None
        out = torch.empty_like(q)
        lse = torch.empty(q.shape[:3], dtype=torch.float32, device=q.device)
        if rt.POISON_OUTPUTS:   # tests: an element the kernel fails to write stays NaN
            out.fill_(float("nan"))
            lse.fill_(float("nan"))
        self.forward_kernel(q, kbuf, vbuf, layout, scale=self.attn.scale, inputs=chunk.inputs, out=out, lse=lse)
        return out, lse

    def _grad(self, layout, chunk: _Chunk, kbuf, vbuf, q, out, lse, dout, dlse):
        if layout.nnz == 0:
            return None
        if self.backward_kernels is None:
            self.backward_kernels = _kernels(self.attn, backward=True)[1]
        return self.backward_kernels(q, kbuf, vbuf, out, lse, dout, layout, scale=self.attn.scale,
                                     inputs=chunk.inputs, dlse=dlse)

    def _slices(self, *tensors):
        """Per chunk, each tensor's rows of that chunk (contiguous, as the kernels want)."""
        return [[t[:, :, c.row0:c.row0 + c.rows].contiguous() for t in tensors] for c in self.chunks]

    # ---- forward and backward -------------------------------------------------------------

    def forward(self, q, k, v):
        """(out, lse, the received K/V rows by peer)."""
        import torch

        k, v = k.contiguous(), v.contiguous()
        shape = lambda n: (2, *k.shape[:2], n, k.shape[3])
        recv = {s: k.new_empty(shape(len(p))) for s, p in self.recv.items()}
        send = {s: torch.stack((k.index_select(2, i), v.index_select(2, i))) for s, i in self.send.items()}
        sends, receives = self._exchange(send, recv, _TAG_FORWARD)
        kbuf, vbuf = self._buffers(k, v)
        queries = [qc for (qc,) in self._slices(q)]
        parts = [self._attend(qc, kbuf, vbuf, c.near, c) for qc, c in zip(queries, self.chunks)]
        for i, (s, work) in enumerate(zip(sorted(recv), receives)):
            if work is not None:
                work.wait()
            self._place(kbuf, vbuf, {s: recv[s]})
            parts = [merge(part, self._attend(qc, kbuf, vbuf, c.stages[i], c), qc)
                     for qc, c, part in zip(queries, self.chunks, parts)]
        for work in sends:
            work.wait()
        parts = [merge(part, None, qc) for qc, part in zip(queries, parts)]   # no key at all: 0, -inf
        return torch.cat([o for o, _ in parts], 2), torch.cat([l for _, l in parts], 2), recv

    def backward(self, q, k, v, out, lse, recv: dict, dout, dlse):
        """(dq, dk, dv): the far blocks first, their K/V gradients sent back to the owners
        while the near blocks' backward runs."""
        import torch

        k, v = k.contiguous(), v.contiguous()
        kbuf, vbuf = self._buffers(k, v)
        self._place(kbuf, vbuf, recv)
        parts = self._slices(q, out, lse, dout, dlse)
        dq = [None] * len(self.chunks)
        far = self._accumulate(dq, [self._grad(c.far, c, kbuf, vbuf, *p) for c, p in zip(self.chunks, parts)])
        back = {s: torch.stack((_rows(far[0], k, i), _rows(far[1], v, i))) for s, i in self.recv.items()}
        got = {s: k.new_empty((2, *k.shape[:2], len(i), k.shape[3])) for s, i in self.send.items()}
        sends, receives = self._exchange(back, got, _TAG_BACKWARD)
        near = self._accumulate(dq, [self._grad(c.near, c, kbuf, vbuf, *p) for c, p in zip(self.chunks, parts)])
        dk = _rows(near[0], k, self.own) + _rows(far[0], k, self.own)
        dv = _rows(near[1], v, self.own) + _rows(far[1], v, self.own)
        for work in sends + receives:
            if work is not None:
                work.wait()
        for s, i in self.send.items():
            dk.index_add_(2, i, got[s][0])
            dv.index_add_(2, i, got[s][1])
        dq = torch.cat([d if d is not None else torch.zeros_like(p[0]) for d, p in zip(dq, parts)], 2)
        return dq, dk, dv

    @staticmethod
    def _accumulate(dq: list, grads: list) -> tuple:
        """Add each chunk's dq into ``dq``; return the summed (dK, dV) buffers (None: none)."""
        dk = dv = None
        for i, g in enumerate(grads):
            if g is None:
                continue
            dq[i] = g[0] if dq[i] is None else dq[i] + g[0]
            dk = g[1] if dk is None else dk + g[1]
            dv = g[2] if dv is None else dv + g[2]
        return dk, dv


class _AllOf:
    """Works waited for together."""

    def __init__(self, works):
        self.works = works

    def wait(self):
        for work in self.works:
            work.wait()


def _rows(buf, like, index):
    """Rows ``index`` of a position-indexed gradient buffer (zeros shaped like ``like``'s
    rows when there is no buffer)."""
    if buf is None:
        return like.new_zeros((*like.shape[:2], len(index), like.shape[3]))
    return buf.index_select(2, index)


def merge(a, b, q):
    """Two attentions over disjoint key sets as one, by their lse: ``a``, ``b`` are (out,
    lse) or None (no key at all); rows that see no key in either give 0 and -inf."""
    import torch

    if a is None or b is None:
        if a is None and b is None:
            return torch.zeros_like(q), torch.full(q.shape[:3], float("-inf"), device=q.device)
        return a if b is None else b
    (o1, l1), (o2, l2) = a, b
    m = torch.maximum(l1, l2)
    m = torch.where(torch.isneginf(m), torch.zeros_like(m), m)
    e1, e2 = torch.exp(l1 - m), torch.exp(l2 - m)
    total = e1 + e2
    safe = torch.where(total > 0, total, torch.ones_like(total))
    out = (e1[..., None] * o1.float() + e2[..., None] * o2.float()) / safe[..., None]
    lse = torch.where(total > 0, m + torch.log(safe), torch.full_like(total, float("-inf")))
    return out.to(o1.dtype), lse


_FUNCTION = None


def _autograd():
    """The autograd Function around a runner (made on first use: torch loads lazily)."""
    global _FUNCTION
    if _FUNCTION is None:
        import torch

        class ContextParallelAttention(torch.autograd.Function):
            @staticmethod
            def forward(ctx, q, k, v, runner):
                out, lse, recv = runner.forward(q, k, v)
                ctx.runner, ctx.peers = runner, list(recv)
                ctx.save_for_backward(q, k, v, out, lse, *recv.values())
                return out, lse

            @staticmethod
            def backward(ctx, dout, dlse):
                q, k, v, out, lse, *bufs = ctx.saved_tensors
                dq, dk, dv = ctx.runner.backward(q, k, v, out, lse, dict(zip(ctx.peers, bufs)), dout, dlse)
                return dq, dk, dv, None

        _FUNCTION = ContextParallelAttention
    return _FUNCTION


# ---- helpers ----------------------------------------------------------------------------------

def _pattern_and_block(attn, block=None):
    """(pattern, (block_q, block_k)) of a compiled op (its kernels' blocks) or of a Pattern
    (``block``, else its hint, else 64)."""
    config = getattr(attn, "config", None)
    if config is not None:
        if block is not None and tuple(block) != (config.block_q, config.block_k):
            raise ContextParallelError(f"spdsl: this op's kernels use blocks {config.block_q}x{config.block_k}, "
                                       f"not {block}")
        return attn.pattern, (config.block_q, config.block_k)
    return attn, attn.block_sizes(block)


def _identity(attn) -> str:
    return attn.id if hasattr(attn, "id") else attn.key()


def _digest(inputs: dict) -> str:
    """What identifies the pattern inputs of a call: names, dtypes, shapes and bytes."""
    import torch

    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(inputs):
        x = inputs[name]
        t = x if isinstance(x, torch.Tensor) else torch.as_tensor(x)
        digest.update(f"{name}\0{t.dtype}\0{tuple(t.shape)}\0".encode())
        digest.update(t.detach().cpu().contiguous().reshape(-1).view(torch.uint8).numpy().tobytes())
    return digest.hexdigest()


def _cached(key, make):
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    made = make()
    with _LOCK:
        _CACHE[key] = made
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return made
