"""Token permutation: residue-major order for masks that read ``q % s`` or ``k % s``.

Strided patterns (the Sparse Transformer's ``(q - k) % s == 0``) are sparse but scatter
their true elements over every block, so every block is PARTIAL and a block-sparse
kernel does half the dense work. Visiting the rows in *residue-major* order, row
``x`` at slot ``(x % s) * M + x // s`` (``M`` slots per residue class, a multiple of
the block size), gathers each residue class into whole blocks: blocks become FULL or
EMPTY. The kernels then walk the permuted grid and read and write every tensor row at
its original place (``codegen/cpu/loops.py``, ``RowMap``); nothing is copied.

Per axis the map is ``slot -> (slot % M) * s + slot // M``; slots whose row is past the
length are padding (masked, never stored). An axis is a candidate when its row enters
the mask through ``% s`` or ``// s`` with ``s`` a constant > 1 (:func:`candidates`).

The permuted layout is found by the same block analysis (``blocks.classify``), on the
mask rewritten over the permuted coordinates: with ``qi = s*t + r`` the residue ``r``
runs along the analysis's batch axis and ``t`` along its row axis (likewise ``ki`` on
the head axis), so each (r_q, r_k) pair of residue classes is one analysed "head", a
point on the residue axes where every form is affine and exact. ``(s*t + r) % s``
becomes ``r % s`` and ``(s*t + r) // s`` becomes ``t + r // s`` first
(:func:`_drop_multiples`). So only masks that read neither ``b`` nor ``h`` nor any input
are considered (:func:`candidates` returns nothing otherwise).

:func:`choose` keeps a permutation only where it cuts the computed elements (those of
FULL and PARTIAL blocks) by at least ``MIN_GAIN``: a local window ``q - k < w`` scatters
under the permutation, so "window OR strided" unions usually gain nothing (measured, not
assumed: :func:`evaluate` reports both numbers). The decision counts those elements
(``blocks.computed_elements``, :func:`permuted_elements`) without building the s x s
class pairs' layouts.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from spdsl.ir import nodes as ir

MIN_GAIN = 1.5            # keep a permutation that cuts computed elements at least this much
MAX_CLASSES = 1 << 16     # r_q x r_k pairs analysed at once (the analysis's B x H)
MAX_PAIR_ROWS = 1 << 22   # pairs x (query + key blocks a class): larger is not evaluated


@dataclass(frozen=True)
class Permutation:
    """Residue-major strides of the query and key rows (0: that axis in order)."""

    q: int = 0
    k: int = 0

    def __bool__(self) -> bool:
        return bool(self.q or self.k)

    def describe(self) -> str:
        parts = [f"{n} by {v} % {s}" for n, v, s in (("queries", "q", self.q), ("keys", "k", self.k)) if s]
        return ", ".join(parts) if parts else "none"


def slots_per_class(length: int, stride: int, block: int) -> int:
    """M: slots of one residue class, ``ceil(length / stride)`` rounded up to ``block``."""
    per = -(-length // stride)
    return -(-per // block) * block


def permuted_length(length: int, stride: int, block: int) -> int:
    """Rows of the permuted grid along one axis (``length`` itself when not permuted)."""
    return length if not stride else stride * slots_per_class(length, stride, block)


def slot_rows(length: int, stride: int, block: int) -> np.ndarray:
    """int64 [permuted_length]: the original row of every slot, -1 for padding."""
    if not stride:
        return np.arange(length, dtype=np.int64)
    m = slots_per_class(length, stride, block)
    slot = np.arange(stride * m, dtype=np.int64)
    row = (slot % m) * stride + slot // m
    return np.where(row < length, row, -1)


# ---------------------------------------------------------------------------
# which strides the mask reads
# ---------------------------------------------------------------------------
def candidates(mask: ir.Expr) -> tuple[set[int], set[int]]:
    """(strides s of ``qi``, of ``ki``): the constants of every ``x % s`` / ``x // s``
    whose ``x`` is affine in the rows and reads that row. Empty when the mask reads
    ``b``, ``h``, an input or ``random_blocks`` (the analysis needs those axes)."""
    qs, ks = set(), set()
    for n in ir.walk(mask):
        if isinstance(n, (ir.Index, ir.RandomBlocks)) or (isinstance(n, ir.Var) and n.name in ("b", "h")):
            return set(), set()
        if isinstance(n, ir.Binary) and n.op in ("%", "//") and n.type == ir.INT \
                and isinstance(n.b, ir.Const) and isinstance(n.b.value, int) and n.b.value > 1:
            form = _linear(n.a)
            if form is None:
                continue
            if form[0].get("qi"):
                qs.add(n.b.value)
            if form[0].get("ki"):
                ks.add(n.b.value)
    return qs, ks


def _linear(e: ir.Expr):
    """({var: coefficient}, constant) of an int expression affine in variables, or None."""
    if isinstance(e, ir.Const) and e.type == ir.INT:
        return {}, int(e.value)
    if isinstance(e, ir.Var) and e.type == ir.INT:
        return {e.name: 1}, 0
    if isinstance(e, ir.Unary) and e.op == "neg":
        f = _linear(e.x)
        return None if f is None else ({v: -c for v, c in f[0].items()}, -f[1])
    if isinstance(e, ir.Binary) and e.op in ("+", "-", "*") and e.type == ir.INT:
        a, b = _linear(e.a), _linear(e.b)
        if a is None or b is None:
            return None
        if e.op == "*":
            if a[0] and b[0]:
                return None
            (coefs, c), k = (a, b[1]) if not b[0] else (b, a[1])
            return {v: x * k for v, x in coefs.items()}, c * k
        sign = 1 if e.op == "+" else -1
        coefs = dict(a[0])
        for v, x in b[0].items():
            coefs[v] = coefs.get(v, 0) + sign * x
        return {v: x for v, x in coefs.items() if x}, a[1] + sign * b[1]
    return None


def _build(coefs: dict, const: int) -> ir.Expr:
    out: ir.Expr = ir.Const(const, ir.INT)
    for v, c in sorted(coefs.items()):
        term = ir.Var(v) if c == 1 else ir.Binary("*", ir.Const(c, ir.INT), ir.Var(v), ir.INT)
        out = ir.Binary("+", out, term, ir.INT)
    return out


# ---------------------------------------------------------------------------
# the mask over permuted coordinates
# ---------------------------------------------------------------------------
def permuted_mask(mask: ir.Expr, perm: Permutation, Lq: int, Lk: int, B: int, H: int) -> ir.Expr:
    """The mask over (r_q on ``b``, t_q on ``qi``, r_k on ``h``, t_k on ``ki``): ``mask``
    at ``qi = s_q * t_q + r_q`` (``ki`` likewise), false on padding slots, sizes folded."""
    sizes = {"Lq": Lq, "Lk": Lk, "B": B, "H": H}
    rows = {}
    for row, res, s in (("qi", "b", perm.q), ("ki", "h", perm.k)):
        if s:
            rows[row] = ir.Binary("+", ir.Binary("*", ir.Const(s, ir.INT), ir.Var(row), ir.INT),
                                  ir.Var(res), ir.INT)

    def substitute(e):
        if isinstance(e, ir.Var) and e.name in sizes:
            return ir.Const(sizes[e.name], ir.INT)
        if isinstance(e, ir.Var) and e.name in rows:
            return rows[e.name]
        return None

    out = _drop_multiples(ir.transform(mask, substitute))
    for row, s, length in (("qi", perm.q, Lq), ("ki", perm.k, Lk)):
        if s:
            inside = ir.Binary("<", rows[row], ir.Const(length, ir.INT), ir.BOOL)
            out = ir.Binary("and", out, inside, ir.BOOL)
    return out


def _drop_multiples(e: ir.Expr) -> ir.Expr:
    """``(s*a + c) % s -> c % s`` and ``(s*a + c) // s -> a + c // s`` wherever the
    operand is affine and some row coefficient is a multiple of s (exact for floor
    division and modulo, as spdsl defines them)."""

    def rule(n):
        if not (isinstance(n, ir.Binary) and n.op in ("%", "//") and n.type == ir.INT
                and isinstance(n.b, ir.Const) and isinstance(n.b.value, int) and n.b.value > 0):
            return None
        form = _linear(n.a)
        if form is None:
            return None
        s = n.b.value
        whole = {v: c for v, c in form[0].items() if c % s == 0}
        if not whole:
            return None
        rest = _build({v: c for v, c in form[0].items() if c % s}, form[1])
        reduced = ir.Binary(n.op, rest, n.b, ir.INT)
        if n.op == "%":
            return reduced
        return ir.Binary("+", _build({v: c // s for v, c in whole.items()}, 0), reduced, ir.INT)

    return ir.transform(e, rule)


# ---------------------------------------------------------------------------
# the permuted layout
# ---------------------------------------------------------------------------
def permuted_layout(mask: ir.Expr, perm: Permutation, *, Lq: int, Lk: int, H: int, B: int,
                    block_q: int, block_k: int):
    """The ``BlockLayout`` of ``mask`` over the permuted grid (one class: the mask reads
    neither b nor h), by ``blocks.classify`` on :func:`permuted_mask`."""
    from spdsl.analysis.block_layout import BlockLayout, LayoutClass
    from spdsl.analysis.blocks import classify

    sub = classify(**_class_pairs(mask, perm, Lq=Lq, Lk=Lk, B=B, H=H, block_q=block_q,
                                  block_k=block_k))
    sq, sk = perm.q or 1, perm.k or 1
    nq, nk = sub.n_qb, sub.n_kb
    rows, cols, fulls = [], [], []
    for c, lay in enumerate(sub.layouts):
        rq, rk = np.nonzero(sub.head_class == c)
        if len(rq) == 0 or lay.nnz == 0:
            continue
        r, k, f = lay.rows(), lay.col_idx.astype(np.int64), lay.full
        rows.append((rq[:, None] * nq + r[None, :]).ravel())
        cols.append((rk[:, None] * nk + k[None, :]).ravel())
        fulls.append(np.broadcast_to(f, (len(rq), len(f))).ravel())
    n_qb = sq * nq
    cat = lambda parts, d: np.concatenate(parts).astype(d) if parts else np.zeros(0, d)
    row, col, full = cat(rows, np.int64), cat(cols, np.int64), cat(fulls, bool)
    order = np.lexsort((col, row))
    row, col, full = row[order], col[order], full[order]
    ptr = np.zeros(n_qb + 1, np.int64)
    np.cumsum(np.bincount(row, minlength=n_qb), out=ptr[1:])
    one = LayoutClass(ptr, col.astype(np.int32), np.ones(len(col), np.int32), full)
    Lqp = permuted_length(Lq, perm.q, block_q)
    Lkp = permuted_length(Lk, perm.k, block_k)
    return BlockLayout(Lqp, Lkp, H, B, block_q, block_k, [one], np.zeros((B, H), np.int64),
                       refined_incomplete=sub.refined_incomplete)


def permuted_elements(mask: ir.Expr, perm: Permutation, *, Lq: int, Lk: int, H: int = 1,
                      B: int = 1, block_q: int, block_k: int) -> int:
    """The computed elements (FULL and PARTIAL blocks, padding included) of ``mask`` over
    the permuted grid: ``permuted_layout(...).visited_elements()``, counted by
    ``blocks.computed_elements`` on the same class pairs without building their layouts
    (the s x s layouts are nearly all of the cost of building one)."""
    from spdsl.analysis.blocks import computed_elements

    pairs = _class_pairs(mask, perm, Lq=Lq, Lk=Lk, B=B, H=H, block_q=block_q, block_k=block_k)
    return computed_elements(**pairs) * B * H       # the mask reads neither b nor h


def _class_pairs(mask, perm: Permutation, *, Lq, Lk, H, B, block_q, block_k) -> dict:
    """The arguments of ``blocks.classify`` (or ``computed_elements``) that analyse
    every (r_q, r_k) pair of residue classes over (t_q, t_k), one pair a "(batch, head)"
    (:func:`permuted_mask`)."""
    sq, sk = perm.q or 1, perm.k or 1
    if sq * sk > MAX_CLASSES:
        raise ValueError(f"{sq} x {sk} residue classes are too many to analyse")
    mq = slots_per_class(Lq, perm.q, block_q) if perm.q else Lq
    mk = slots_per_class(Lk, perm.k, block_k) if perm.k else Lk
    # classes r >= the length hold only padding (EMPTY): a decoding call (Lq = 1) analyses
    # one query class, not s of them
    return dict(mask=permuted_mask(mask, perm, Lq, Lk, B, H), Lq=mq, Lk=mk, H=min(sk, Lk),
                B=min(sq, Lq), block_q=block_q, block_k=block_k)


def _too_large(perm: Permutation, Lq: int, Lk: int, block_q: int, block_k: int) -> bool:
    sq, sk = perm.q or 1, perm.k or 1
    rows = -(-permuted_length(Lq, perm.q, block_q) // (sq * block_q))
    cols = -(-permuted_length(Lk, perm.k, block_k) // (sk * block_k))
    return sq * sk > MAX_CLASSES or sq * sk * (rows + cols) > MAX_PAIR_ROWS


@dataclass
class Evaluation:
    """What a permutation does at one size: the computed elements (FULL + PARTIAL
    blocks, padding included) before and after, and whether it is kept."""

    perm: Permutation
    before: int
    after: int
    kept: bool

    @property
    def gain(self) -> float:
        return self.before / self.after if self.after else float("inf")


def evaluate(mask: ir.Expr, *, Lq: int, Lk: int, H: int = 1, B: int = 1, block_q: int,
             block_k: int, before: int | None = None) -> Evaluation | None:
    """The best candidate permutation of ``mask`` (over rows) at these sizes, or None if
    the mask has no candidate (or every candidate is too large to evaluate: more than
    ``MAX_PAIR_ROWS`` class pairs x blocks a class). ``before``: the computed elements
    of the layout in order (computed here if not given). Both are counted
    (``blocks.computed_elements``, :func:`permuted_elements`) without building a layout."""
    qs, ks = candidates(mask)
    if not qs and not ks:
        return None
    if all(_too_large(Permutation(a, b), Lq, Lk, block_q, block_k)
           for a in qs | {0} for b in ks | {0} if a or b):
        return None
    if before is None:
        from spdsl.analysis.blocks import computed_elements

        before = computed_elements(mask, Lq=Lq, Lk=Lk, H=H, B=B, block_q=block_q, block_k=block_k)
    best = None
    for sq in sorted(qs | {0}):
        for sk in sorted(ks | {0}):
            perm = Permutation(sq, sk)
            if not perm or _too_large(perm, Lq, Lk, block_q, block_k):
                continue
            after = permuted_elements(mask, perm, Lq=Lq, Lk=Lk, H=H, B=B, block_q=block_q,
                                      block_k=block_k)
            if best is None or after < best[1]:
                best = (perm, after)
    if best is None:
        return None
    perm, after = best
    return Evaluation(perm, before, after, kept=after * MIN_GAIN <= before)


def choose(mask: ir.Expr, *, Lq: int, Lk: int, block_q: int, block_k: int) -> Permutation:
    """The permutation the kernels should use (``Permutation()``: none), judged at one
    size (one head, one batch: the mask reads neither)."""
    ev = evaluate(mask, Lq=Lq, Lk=Lk, block_q=block_q, block_k=block_k)
    return ev.perm if ev is not None and ev.kept else Permutation()


# ---------------------------------------------------------------------------
# one decision per range of call lengths
# ---------------------------------------------------------------------------
STEPS_PER_OCTAVE = 4      # call lengths share a decision within a factor 2 ** (1/4)


def length_bucket(length: int) -> int:
    """The length a call of ``length`` rows is judged at: the smallest
    ``ceil(2 ** (i / STEPS_PER_OCTAVE))`` at least ``length`` (1, 2, 3, 4, 5, 6, 7, 8,
    10, 12, 14, 16, 20, 23, ..., 1024, 1218, 1449, 1723, 2048, ...).

    :func:`choose` walks the mask for every candidate (0.05-0.7 s at stride 128 for
    1024-16384 rows: s x s class pairs), too slow to run for every length a decoding loop or a variable
    batch brings. Judged at the top of its bucket, a call's computed elements in order
    (quadratic at most in the lengths) are at most 2 ** (2/4) = 1.41x those at its own
    length, and the permuted ones change less (padding rounds them up by whole blocks a
    class): so a bucketed decision differs from the exact one only where the gain is
    within about 1.41x of ``MIN_GAIN``, where either choice is close."""
    if length < 1:
        raise ValueError(f"a call length must be positive, got {length}")
    i = max(0, STEPS_PER_OCTAVE * ((length - 1).bit_length() - 1))   # 2 ** (i / steps) < length
    while math.ceil(2 ** (i / STEPS_PER_OCTAVE)) < length:
        i += 1
    return math.ceil(2 ** (i / STEPS_PER_OCTAVE))


class CallPermutations:
    """The permutation of every call length of one mask (None: rows in order), judged by
    :func:`choose` once per bucket of lengths (:func:`length_bucket`, at the bucket's top)
    and remembered; calls in the bucket of ``seq`` take the one judged at ``seq`` itself
    (:attr:`compiled`, whose kernels ``spdsl.compile`` builds). A function of (Lq, Lk)
    alone: the cache forgetting a bucket changes no answer, so a call's backward, judged
    again from the forward's lengths, runs the forward's permutation."""

    def __init__(self, mask: ir.Expr, *, block_q: int, block_k: int, seq: int, remember: int = 256):
        self.mask, self.block_q, self.block_k = mask, block_q, block_k
        self.compiled = choose(mask, Lq=seq, Lk=seq, block_q=block_q, block_k=block_k) or None
        self.seq_bucket = length_bucket(seq)
        self.remember = remember
        self._judged: OrderedDict = OrderedDict()

    def at(self, Lq: int, Lk: int) -> Permutation | None:
        """The permutation of a call of ``Lq`` query and ``Lk`` key rows (default offsets)."""
        key = (length_bucket(Lq), length_bucket(Lk))
        if key == (self.seq_bucket, self.seq_bucket):
            return self.compiled
        if key in self._judged:
            self._judged.move_to_end(key)
            return self._judged[key]
        perm = choose(self.mask, Lq=key[0], Lk=key[1], block_q=self.block_q,
                      block_k=self.block_k) or None
        self._judged[key] = perm
        if len(self._judged) > self.remember:
            self._judged.popitem(last=False)
        return perm
