"""The ``random_blocks(r, size, seed)`` built-in: which key blocks each query block sees.

For head ``h`` and query block ``qb = q // size`` exactly ``m = min(r, n)`` distinct
key blocks out of ``n = ceil(Lk / size)`` are chosen, with Floyd's sampling algorithm
driven by a counter-based hash (splitmix64).  Being counter-based, the choice for one
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
                  n_query_blocks: int) -> np.ndarray:
    """The chosen key blocks, int64 ``[heads, n_query_blocks, m]``, sorted on the last axis.

    Floyd's algorithm: for j in n-m .. n-1 draw t = hash(seed, h, qb, j) % (j + 1);
    take t unless it is already taken, else take j.  This gives m distinct blocks in
    O(m) draws.  Vectorised over (h, qb); the loop runs only over the m draws.

    >>> chosen_blocks(0, 2, 5, 1, 1).shape
    (1, 1, 2)
    """
    n = int(n_key_blocks)
    m = n_chosen(r, n)
    heads, nqb = int(heads), int(n_query_blocks)
    out = np.empty((heads, nqb, m), dtype=np.int64)
    if m == 0 or heads == 0 or nqb == 0:
        return out
    hh = np.arange(heads, dtype=np.int64)[:, None]
    qq = np.arange(nqb, dtype=np.int64)[None, :]
    # the part of the hash that does not depend on j, computed once
    prefix = splitmix64(splitmix64(splitmix64(_as_u64(seed)) ^ _as_u64(hh)) ^ _as_u64(qq))
    for i, j in enumerate(range(n - m, n)):
        t = (splitmix64(prefix ^ np.uint64(j)) % np.uint64(j + 1)).astype(np.int64)
        taken = (out[:, :, :i] == t[:, :, None]).any(axis=2)
        out[:, :, i] = np.where(taken, j, t)
    out.sort(axis=2)
    return out


def random_block_table(seed: int, r: int, n_key_blocks: int, heads: int,
                       n_query_blocks: int) -> np.ndarray:
    """bool ``[heads, n_query_blocks, n_key_blocks]``: True where a key block is chosen.

    Meant for small sizes (tests, dense reference masks)."""
    chosen = chosen_blocks(seed, r, n_key_blocks, heads, n_query_blocks)
    table = np.zeros((int(heads), int(n_query_blocks), int(n_key_blocks)), dtype=bool)
    hh, qq, _ = np.indices(chosen.shape, sparse=True)
    table[hh, qq, chosen] = True
    return table


def random_block_sizes(size: int, Lq: int, Lk: int) -> tuple[int, int]:
    """(query blocks, key blocks) of ``size`` for the given lengths (ceil division)."""
    size = int(size)
    return -(-int(Lq) // size), -(-int(Lk) // size)


def query_block_count(size: int, Lk: int, q_end: int) -> int:
    """Query blocks a table needs: those of the key positions ``[0, Lk)`` and of query
    positions below ``q_end`` (at least one)."""
    size = int(size)
    return max(1, -(-int(Lk) // size), -(-int(q_end) // size))
