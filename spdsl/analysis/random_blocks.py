"""The ``random_blocks(r, size, seed, shared, past)`` built-in: which key blocks each
query block sees.

For head ``h`` and query block ``qb = q // size`` exactly ``m = min(r, n)`` distinct
key blocks out of the ``n`` candidates are chosen, with Floyd's sampling algorithm
driven by a counter-based hash (splitmix64). The candidates are the key blocks
``0 .. ceil(Lk / size) - 1``, or with ``past`` those ``<= qb`` (``n = min(qb + 1,
ceil(Lk / size))``); ``shared`` draws once, as head 0, for every head.  Being counter-based, the choice for one
(seed, h, qb) never depends on Lq, H or on any other block, so every backend, every
tile order and every sequence length agree.  docs/random_blocks.md has the definition
and a pure-NumPy reference that users can copy.

Everything here is NumPy ``uint64`` arithmetic, which wraps modulo 2**64.
"""

from __future__ import annotations

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MUL1 = np.uint64(0xBF58476D1CE4E5B9)
_MUL2 = np.uint64(0x94D049BB133111EB)
_MASK64 = (1 << 64) - 1


def splitmix64(z: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser (with its increment) on uint64, wrapping."""
    z = np.asarray(z, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = z + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _MUL1
        z = (z ^ (z >> np.uint64(27))) * _MUL2
    return z ^ (z >> np.uint64(31))


def _as_u64(x) -> np.ndarray:
    """Two's complement view of a (possibly negative) Python or NumPy integer."""
    if isinstance(x, (int, np.integer)):
        return np.uint64(int(x) & _MASK64)
    return np.asarray(x, dtype=np.int64).astype(np.uint64)


def block_hash(seed, h, qb, j) -> np.ndarray:
    """hash(seed, h, qb, j) = mix(mix(mix(mix(seed) ^ h) ^ qb) ^ j), all uint64."""
    z = splitmix64(_as_u64(seed))
    z = splitmix64(z ^ _as_u64(h))
    z = splitmix64(z ^ _as_u64(qb))
    return splitmix64(z ^ _as_u64(j))


def n_chosen(r: int, n_key_blocks: int) -> int:
    """How many key blocks each query block sees: ``min(r, n)``, never negative."""
    return max(0, min(int(r), int(n_key_blocks)))


def chosen_blocks(seed: int, r: int, n_key_blocks: int, heads: int,
                  n_query_blocks: int, *, shared: bool = False, past: bool = False) -> np.ndarray:
    """The chosen key blocks, int64 ``[heads, n_query_blocks, m]``, sorted on the last axis.

    Floyd's algorithm over the n candidates of a query block: for j in n-m .. n-1 draw
    t = hash(seed, h, qb, j) % (j + 1); take t unless it is already taken, else take j.
    This gives m = min(r, n) distinct blocks in m draws.  Vectorised over (h, qb); the
    loop runs only over the draws.  ``shared``: every head gets head 0's draw.
    ``past``: a query block's candidates are the key blocks <= qb, so n (and m) vary
    with qb; a row with fewer than ``m = min(r, n_key_blocks)`` choices is padded with
    -1 at its start.

    >>> chosen_blocks(0, 2, 5, 1, 1).shape
    (1, 1, 2)
    """
    n = int(n_key_blocks)
    m = n_chosen(r, n)
    heads, nqb = int(heads), int(n_query_blocks)
    out = np.full((heads, nqb, m), -1, dtype=np.int64)
    if m == 0 or heads == 0 or nqb == 0:
        return out
    hh = np.arange(1 if shared else heads, dtype=np.int64)[:, None]
    qq = np.arange(nqb, dtype=np.int64)[None, :]
    # candidates and draws of each query block: n and m, or fewer with past
    n_c = np.minimum(qq + 1, n) if past else np.full_like(qq, n)
    m_c = np.minimum(n_c, m)
    # the part of the hash that does not depend on j, computed once
    prefix = splitmix64(splitmix64(splitmix64(_as_u64(seed)) ^ _as_u64(hh)) ^ _as_u64(qq))
    drawn = np.full((len(hh), nqb, m), -1, dtype=np.int64)
    for i in range(m):
        j = n_c - m_c + i  # the i-th draw of each query block (where i < m_c)
        t = (splitmix64(prefix ^ j.astype(np.uint64)) % (j + 1).astype(np.uint64)).astype(np.int64)
        taken = (drawn[:, :, :i] == t[:, :, None]).any(axis=2)
        drawn[:, :, i] = np.where(i < m_c, np.where(taken, j, t), -1)
    drawn.sort(axis=2)
    out[:] = drawn  # broadcasts head 0's draw to every head when shared
    return out


def random_block_table(seed: int, r: int, n_key_blocks: int, heads: int,
                       n_query_blocks: int, *, shared: bool = False, past: bool = False) -> np.ndarray:
    """bool ``[heads, n_query_blocks, n_key_blocks]``: True where a key block is chosen.

    Meant for small sizes (tests, dense reference masks)."""
    chosen = chosen_blocks(seed, r, n_key_blocks, heads, n_query_blocks, shared=shared, past=past)
    table = np.zeros((int(heads), int(n_query_blocks), int(n_key_blocks)), dtype=bool)
    hh, qq, _ = np.indices(chosen.shape, sparse=True)
    hh, qq = np.broadcast_arrays(hh, qq, chosen)[:2]
    keep = chosen >= 0  # the -1 padding of past
    table[hh[keep], qq[keep], chosen[keep]] = True
    return table


def call_key(e) -> tuple:
    """The key of a bound ``random_blocks`` node's table (see :func:`table_key`). Raises
    ValueError where an argument is not a folded constant."""
    from spdsl.ir.nodes import Const

    vals = []
    for part, what in ((e.r, "r"), (e.size, "size"), (e.seed, "seed"), (e.shared, "shared"), (e.past, "past")):
        if not isinstance(part, Const):
            raise ValueError(f"random_blocks: {what} must be a constant after binding")
        vals.append(bool(part.value) if what in ("shared", "past") else int(part.value))
    return table_key(*vals)


def table_key(r: int, size: int, seed: int, shared: bool = False, past: bool = False) -> tuple:
    """What picks a table: ``(r, size, seed)``, and ``(r, size, seed, shared, past)``
    where a keyword argument is true (so the keys of plain calls stay as they were)."""
    base = (int(r), int(size), int(seed))
    return base + (bool(shared), bool(past)) if shared or past else base


def key_parts(key: tuple) -> tuple[int, int, int, bool, bool]:
    """``(r, size, seed, shared, past)`` of a :func:`table_key`."""
    return tuple(key) + (False, False) if len(key) == 3 else tuple(key)


def key_table(key: tuple, heads: int, n_query_blocks: int, n_key_blocks: int) -> np.ndarray:
    """:func:`random_block_table` of a :func:`table_key`."""
    r, _, seed, shared, past = key_parts(key)
    return random_block_table(seed, r, n_key_blocks, heads, n_query_blocks, shared=shared, past=past)


def key_chosen(key: tuple, heads: int, n_query_blocks: int, n_key_blocks: int) -> np.ndarray:
    """:func:`chosen_blocks` of a :func:`table_key`."""
    r, _, seed, shared, past = key_parts(key)
    return chosen_blocks(seed, r, n_key_blocks, heads, n_query_blocks, shared=shared, past=past)


def random_block_sizes(size: int, Lq: int, Lk: int) -> tuple[int, int]:
    """(query blocks, key blocks) of ``size`` for the given lengths (ceil division)."""
    size = int(size)
    return -(-int(Lq) // size), -(-int(Lk) // size)


def query_block_count(size: int, Lk: int, q_end: int) -> int:
    """Query blocks a table needs: those of the key positions ``[0, Lk)`` and of query
    positions below ``q_end`` (at least one)."""
    size = int(size)
    return max(1, -(-int(Lk) // size), -(-int(q_end) // size))
