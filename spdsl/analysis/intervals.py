"""Interval evaluation of IR expressions over many rectangular regions at once.

A region is a box ``b in [b_lo, b_hi], h in [h_lo, h_hi], q in [q_lo, q_hi],
k in [k_lo, k_hi]`` under concrete sizes ``B H Lq Lk``.  For N regions (NumPy arrays of
length N) the evaluator returns, per region,

* for ``int``/``float`` expressions a :class:`Num`: bounds ``lo``/``hi`` and ``valid``
  (False where the value may be undefined, out of range or unknown; its bounds then
  mean nothing);
* for ``bool`` expressions an int8 class: ``FULL`` (true at every point), ``EMPTY``
  (false at every point) or ``PARTIAL`` (mixed, or not known).

It is always sound: the true value at every point of a region lies in its interval,
and FULL/EMPTY are only claimed when they hold at every point under the reference
semantics of spdsl/analysis/evaluate.py (float32 rounding included: float bounds are widened
outwards after every operation, so rounding can only turn an answer into PARTIAL).

It is exact for integer expressions that are affine in the index variables (``q - k``,
``k <= q + (Lk - Lq)``, ``(q - k) + k``): these are kept as a linear form whose
coefficients are known numbers per region, and their bounds are taken at the corners,
so no variable is counted twice.  A comparison of two ints compares the range of
their difference.  ``//`` and ``%`` by a number known per region are exact on an exact
operand; ``random_blocks`` and input lookups are exact where the region allows it
(see ``_eval_RandomBlocks`` and ``_eval_Index``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from spdsl.ir import nodes as ir
from spdsl.analysis.evaluate import plan
from spdsl.analysis.random_blocks import chosen_blocks, n_chosen, query_block_count

EMPTY, PARTIAL, FULL = np.int8(0), np.int8(1), np.int8(2)

_INT_LIMIT = float(1 << 62)  # int bounds beyond this may have wrapped: not valid
_F32_MAX = float(np.finfo(np.float32).max)
_RANDOM_QB_SPAN = 16  # random_blocks: query blocks checked one by one per region


# ---------------------------------------------------------------------------
# regions and values
# ---------------------------------------------------------------------------
@dataclass
class Regions:
    """N boxes over (b, h, q, k); every bound an int64 array of length N."""

    b_lo: np.ndarray
    b_hi: np.ndarray
    h_lo: np.ndarray
    h_hi: np.ndarray
    q_lo: np.ndarray
    q_hi: np.ndarray
    k_lo: np.ndarray
    k_hi: np.ndarray

    @classmethod
    def make(cls, *, b=0, h=0, q=0, k=0, b_hi=None, h_hi=None, q_hi=None, k_hi=None):
        """Regions from scalars or arrays; a missing ``*_hi`` makes that index a point."""
        lows = [np.asarray(x, dtype=np.int64) for x in (b, h, q, k)]
        highs = [lo if hi is None else np.asarray(hi, dtype=np.int64)
                 for lo, hi in zip(lows, (b_hi, h_hi, q_hi, k_hi))]
        n = np.broadcast_shapes(*(a.shape for a in lows + highs))
        n = n if n else (1,)
        flat = [np.ascontiguousarray(np.broadcast_to(a, n)).ravel() for a in lows + highs]
        return cls(flat[0], flat[4], flat[1], flat[5], flat[2], flat[6], flat[3], flat[7])

    def __len__(self) -> int:
        return len(self.q_lo)

    def bounds(self, var: str) -> tuple[np.ndarray, np.ndarray]:
        """The bounds of a row variable (``b h qi ki``; the boxes are over rows)."""
        var = _BOX_AXIS.get(var, var)
        return getattr(self, var + "_lo"), getattr(self, var + "_hi")


_BOX_AXIS = {"qi": "q", "ki": "k"}


@dataclass
class Affine:
    """``const + sum(coef[v] * v)``; coefficients and constant known per region."""

    const: Any
    coefs: dict = field(default_factory=dict)

    def scaled(self, c) -> "Affine":
        return Affine(self.const * c, {v: a * c for v, a in self.coefs.items()})

    def plus(self, other: "Affine", sign: int) -> "Affine":
        coefs = dict(self.coefs)
        for v, a in other.coefs.items():
            coefs[v] = coefs[v] + sign * a if v in coefs else sign * a
        return Affine(self.const + sign * other.const, coefs)


@dataclass
class Num:
    """An int or float interval per region (arrays or 0-d, broadcast to N)."""

    lo: Any
    hi: Any
    valid: Any
    is_int: bool
    form: Affine | None = None


class Context:
    """What stays the same across many evaluations of one call: sizes, inputs, and the
    tables built from them (random_blocks choices, range-min/max trees)."""

    def __init__(self, sizes: Mapping[str, int], inputs: Mapping[str, Any] | None = None,
                 float_eps: float = 2.0 ** -20):
        self.sizes = {n: int(sizes[n]) for n in ir.SIZE_VARS}
        self.inputs = {n: _to_numpy(v) for n, v in (inputs or {}).items()}
        self.float_eps = float_eps
        self._chosen: dict = {}
        self._trees: dict = {}

    def chosen(self, r: int, size: int, seed: int, n_query_blocks: int = 0,
               shared: bool = False, past: bool = False) -> np.ndarray:
        """The chosen key blocks ``[H, nqb, m]`` for query blocks (of positions) up to at
        least ``n_query_blocks`` and those of the key positions ``[0, Lk)`` (with
        ``past``, -1 pads the rows of fewer choices)."""
        key = (r, size, seed, shared, past)
        nqb = query_block_count(size, self.sizes["Lk"], n_query_blocks * size)
        if key not in self._chosen or self._chosen[key].shape[1] < nqb:
            nkb = -(-self.sizes["Lk"] // size)
            self._chosen[key] = chosen_blocks(seed, r, nkb, self.sizes["H"], nqb, shared=shared, past=past)
        return self._chosen[key]

    def tree(self, name: str, axis: int) -> "RangeTree":
        key = (name, axis)
        if key not in self._trees:
            self._trees[key] = RangeTree(self.inputs[name], axis)
        return self._trees[key]


def _to_numpy(x) -> np.ndarray:
    if hasattr(x, "detach"):
        x = x.detach().cpu().numpy()
    x = np.asarray(x)
    return x.astype(np.float64) if np.issubdtype(x.dtype, np.floating) else x.astype(np.int64)


# ---------------------------------------------------------------------------
# range-min/max along one axis of an input: a bottom-up segment tree, queried for
# all regions at once (one vectorised step per tree level)
# ---------------------------------------------------------------------------
class RangeTree:
    def __init__(self, arr: np.ndarray, axis: int):
        a = np.moveaxis(arr, axis, -1)
        self.outer_shape = a.shape[:-1]
        n = a.shape[-1]
        self.n = n
        size = 1 << max(0, (n - 1).bit_length())
        self.size = size
        big, small = _extremes(a.dtype)
        flat = a.reshape(-1, n)
        self.tmin = self._build(flat, size, big, np.minimum)
        self.tmax = self._build(flat, size, small, np.maximum)
        self.big, self.small = big, small

    @staticmethod
    def _build(flat, size, pad, fn):
        t = np.full((flat.shape[0], 2 * size), pad, dtype=flat.dtype)
        t[:, size:size + flat.shape[1]] = flat
        width = size
        while width > 1:
            lo = width // 2
            t[:, lo:width] = fn(t[:, width:2 * width:2], t[:, width + 1:2 * width:2])
            width = lo
        return t

    def query(self, outer: np.ndarray, lo: np.ndarray, hi: np.ndarray):
        """Min and max of ``arr[outer, lo..hi]`` (inclusive) for every query at once."""
        rmin = np.full(lo.shape, self.big, dtype=self.tmin.dtype)
        rmax = np.full(lo.shape, self.small, dtype=self.tmin.dtype)
        l = lo + self.size
        r = hi + self.size + 1
        while True:
            active = l < r
            if not active.any():
                return rmin, rmax
            take = active & (l & 1 == 1)
            li = np.where(take, l, 1)
            rmin = np.where(take, np.minimum(rmin, self.tmin[outer, li]), rmin)
            rmax = np.where(take, np.maximum(rmax, self.tmax[outer, li]), rmax)
            l = l + take
            take = active & (r & 1 == 1)
            r = r - take
            ri = np.where(take, r, 1)
            rmin = np.where(take, np.minimum(rmin, self.tmin[outer, ri]), rmin)
            rmax = np.where(take, np.maximum(rmax, self.tmax[outer, ri]), rmax)
            l, r = l >> 1, r >> 1


def _extremes(dtype):
    if np.issubdtype(dtype, np.floating):
        return np.inf, -np.inf
    info = np.iinfo(dtype)
    return info.max, info.min


# ---------------------------------------------------------------------------
# helpers on intervals
# ---------------------------------------------------------------------------
def _all_points(lo, hi) -> bool:
    return bool(np.all(lo == hi))


def _int_valid(lo, hi):
    """Int bounds of magnitude above 2**62 may already have wrapped."""
    with np.errstate(over="ignore", invalid="ignore"):
        return (np.abs(np.asarray(lo, dtype=np.float64)) <= _INT_LIMIT) & \
               (np.abs(np.asarray(hi, dtype=np.float64)) <= _INT_LIMIT)


def _corners(fn, alo, ahi, blo, bhi):
    vals = [fn(alo, blo), fn(alo, bhi), fn(ahi, blo), fn(ahi, bhi)]
    lo = vals[0]
    hi = vals[0]
    for v in vals[1:]:
        lo = np.minimum(lo, v)
        hi = np.maximum(hi, v)
    return lo, hi


def _hull_where(mask, lo, hi, part_lo, part_hi, first):
    """Grow [lo, hi] by [part_lo, part_hi] where ``mask``; ``first`` says where nothing
    has been included yet."""
    new_lo = np.where(first, part_lo, np.minimum(lo, part_lo))
    new_hi = np.where(first, part_hi, np.maximum(hi, part_hi))
    return np.where(mask, new_lo, lo), np.where(mask, new_hi, hi), first & ~mask


def _int_floordiv(xlo, xhi, dlo, dhi):
    """Hull of x // d for d in [dlo, dhi] (d == 0 gives 0), x in [xlo, xhi]."""
    shape = np.broadcast_shapes(*(np.shape(a) for a in (xlo, xhi, dlo, dhi)))
    lo = np.zeros(shape, np.int64)
    hi = np.zeros(shape, np.int64)
    first = np.ones(shape, bool)
    pos = dhi >= 1
    plo, phi = np.where(pos, np.maximum(dlo, 1), 1), np.where(pos, dhi, 1)
    clo, chi = _corners(np.floor_divide, xlo, xhi, plo, phi)
    lo, hi, first = _hull_where(pos, lo, hi, clo, chi, first)
    neg = dlo <= -1
    nlo, nhi = np.where(neg, dlo, -1), np.where(neg, np.minimum(dhi, -1), -1)
    clo, chi = _corners(np.floor_divide, xlo, xhi, nlo, nhi)
    lo, hi, first = _hull_where(neg, lo, hi, clo, chi, first)
    zero = (dlo <= 0) & (dhi >= 0)
    lo, hi, first = _hull_where(zero, lo, hi, 0, 0, first)
    return lo, hi


def _int_mod(xlo, xhi, dlo, dhi):
    """Hull of x % d (Python signs; d == 0 gives 0)."""
    point = dlo == dhi
    d = np.where(point & (dlo != 0), dlo, 1)
    same_period = np.floor_divide(xlo, d) == np.floor_divide(xhi, d)
    exact_lo, exact_hi = np.remainder(xlo, d), np.remainder(xhi, d)
    shape = np.broadcast_shapes(*(np.shape(a) for a in (xlo, xhi, dlo, dhi)))
    lo = np.zeros(shape, np.int64)
    hi = np.zeros(shape, np.int64)
    first = np.ones(shape, bool)
    pos = dhi >= 1
    pos_hi = np.where(pos, dhi - 1, 0)
    pos_hi = np.where(xlo >= 0, np.minimum(pos_hi, np.maximum(xhi, 0)), pos_hi)
    lo, hi, first = _hull_where(pos, lo, hi, 0, pos_hi, first)
    neg = dlo <= -1
    neg_lo = np.where(neg, dlo + 1, 0)
    neg_lo = np.where(xhi <= 0, np.maximum(neg_lo, np.minimum(xlo, 0)), neg_lo)
    lo, hi, first = _hull_where(neg, lo, hi, neg_lo, 0, first)
    zero = (dlo <= 0) & (dhi >= 0)
    lo, hi, first = _hull_where(zero, lo, hi, 0, 0, first)
    exact = point & (dlo != 0) & same_period
    return np.where(exact, exact_lo, lo), np.where(exact, exact_hi, hi)


def _int_pow_point(xlo, xhi, e):
    """Hull of x ** e for one non-negative int exponent e per region (float64 bounds)."""
    flo, fhi = np.asarray(xlo, np.float64), np.asarray(xhi, np.float64)
    ef = np.asarray(e, np.float64)
    a, b = flo ** ef, fhi ** ef
    even = (np.asarray(e) % 2 == 0)
    straddles = (flo < 0) & (fhi > 0)
    lo = np.where(even & straddles, 0.0, np.minimum(a, b))
    lo = np.where(ef == 0, 1.0, lo)
    hi = np.where(ef == 0, 1.0, np.maximum(a, b))
    return lo, hi


# ---------------------------------------------------------------------------
# the evaluator
# ---------------------------------------------------------------------------
class _Intervals:
    def __init__(self, regions: Regions, ctx: Context):
        self.R = regions
        self.ctx = ctx
        self.n = len(regions)
        self.memo: dict[int, Any] = {}
        # indices that are a single point in every region behave as known numbers
        self.known = {v: _all_points(*regions.bounds(v)) for v in ir.ROW_VARS}

    def run(self, expr):
        order, uses = plan(expr)
        left = dict(uses)
        with np.errstate(all="ignore"):
            for node in order:
                self.memo[id(node)] = getattr(self, "_eval_" + type(node).__name__)(node)
                # a value is dropped once its last parent has read it: memory follows the
                # width of the DAG, not its size (10k lets in a chain hold two values)
                for c in ir.children(node):
                    left[id(c)] -= 1
                    if left[id(c)] == 0:
                        del self.memo[id(c)]
        return self.memo[id(expr)]

    def val(self, node):
        return self.memo[id(node)]

    # ---- building values ------------------------------------------------------
    def from_form(self, form: Affine) -> Num:
        """Exact bounds of an affine form: each term at the better end of its range."""
        lo = hi = form.const
        mag = np.abs(np.asarray(form.const, np.float64))
        for v, c in form.coefs.items():
            vlo, vhi = self.R.bounds(v)
            a, b = c * vlo, c * vhi
            lo = lo + np.minimum(a, b)
            hi = hi + np.maximum(a, b)
            mag = mag + np.abs(np.asarray(c, np.float64)) * np.maximum(np.abs(vlo), np.abs(vhi))
        return Num(lo, hi, mag <= _INT_LIMIT, True, form)

    def int_num(self, lo, hi, valid=True) -> Num:
        """A non-affine int result; one that is a point everywhere is a known number."""
        valid = valid & _int_valid(lo, hi)
        form = None
        if bool(np.all(valid)) and bool(np.all(lo == hi)):
            form = Affine(lo)
        return Num(lo, hi, valid, True, form)

    def float_num(self, lo, hi, valid=True) -> Num:
        """A float result widened outwards: float32 rounding stays inside it."""
        eps, tiny = self.ctx.float_eps, 1e-37
        lo = np.asarray(lo, np.float64)
        hi = np.asarray(hi, np.float64)
        bad = np.isnan(lo) | np.isnan(hi)
        wlo = np.where(np.isfinite(lo), lo - eps * np.abs(lo) - tiny, lo)
        whi = np.where(np.isfinite(hi), hi + eps * np.abs(hi) + tiny, hi)
        # beyond float32's range a value may round to infinity
        wlo = np.where(wlo < -_F32_MAX, -np.inf, wlo)
        whi = np.where(whi > _F32_MAX, np.inf, whi)
        return Num(wlo, whi, valid & ~bad, False)

    def as_float(self, x: Num) -> Num:
        if not x.is_int:
            return x
        return self.float_num(x.lo, x.hi, x.valid)

    # ---- leaves ---------------------------------------------------------------
    def _eval_Const(self, e):
        if e.type == ir.BOOL:
            return FULL if e.value else EMPTY
        if e.type == ir.INT:
            v = np.int64(e.value)
            return Num(v, v, True, True, Affine(v))
        return self.float_num(float(e.value), float(e.value))

    def _eval_Var(self, e):
        name = e.name
        if name == "score":
            return Num(-np.inf, np.inf, False, False)
        if name in ir.SIZE_VARS:
            v = np.int64(self.ctx.sizes[name])
            return Num(v, v, True, True, Affine(v))
        if name not in self.known:
            raise ValueError(f"variable {name!r} is a position: rewrite the expression over rows "
                             "first (spdsl.ir.positions.at_rows)")
        lo, hi = self.R.bounds(name)
        if self.known[name]:
            return Num(lo, lo, True, True, Affine(lo))
        return Num(lo, hi, True, True, Affine(np.int64(0), {name: np.int64(1)}))

    def _eval_Param(self, e):
        raise ValueError(f"parameter {e.name!r} has no value: bind it before analysing")

    # ---- arithmetic -----------------------------------------------------------
    def _eval_Unary(self, e):
        x = self.val(e.x)
        if e.op == "not":
            return FULL - x
        if x.is_int:
            form = x.form.scaled(-1) if x.form is not None else None
            return Num(-x.hi, -x.lo, x.valid & _int_valid(x.lo, x.hi), True, form)
        return Num(-x.hi, -x.lo, x.valid, False)

    def _eval_Binary(self, e):
        if e.op in ir.LOGIC_OPS:
            a, b = self.val(e.a), self.val(e.b)
            return np.minimum(a, b) if e.op == "and" else np.maximum(a, b)
        if e.op in ir.COMPARE_OPS:
            return self.compare(e.op, self.val(e.a), self.val(e.b))
        a, b = self.val(e.a), self.val(e.b)
        if e.type == ir.INT:
            return self.int_binary(e.op, a, b)
        return self.float_binary(e.op, self.as_float(a), self.as_float(b))

    def int_binary(self, op, a: Num, b: Num) -> Num:
        valid = a.valid & b.valid
        if op in ("+", "-") and a.form is not None and b.form is not None:
            return self.with_valid(self.from_form(a.form.plus(b.form, 1 if op == "+" else -1)), valid)
        if op == "*" and a.form is not None and b.form is not None:
            if not a.form.coefs or not b.form.coefs:
                const, other = (a, b) if not a.form.coefs else (b, a)
                return self.with_valid(self.from_form(other.form.scaled(const.form.const)), valid)
        if op == "+":
            return self.int_num(a.lo + b.lo, a.hi + b.hi, valid)
        if op == "-":
            return self.int_num(a.lo - b.hi, a.hi - b.lo, valid)
        if op == "*":
            flo, fhi = _corners(np.multiply, *(np.asarray(x, np.float64) for x in (a.lo, a.hi, b.lo, b.hi)))
            ok = (np.abs(flo) <= _INT_LIMIT) & (np.abs(fhi) <= _INT_LIMIT)
            lo, hi = _corners(np.multiply, a.lo, a.hi, b.lo, b.hi)
            return self.int_num(lo, hi, valid & ok)
        if op == "//":
            return self.int_num(*_int_floordiv(a.lo, a.hi, b.lo, b.hi), valid)
        if op == "%":
            return self.int_num(*_int_mod(a.lo, a.hi, b.lo, b.hi), valid)
        return self.int_pow(a, b, valid)

    @staticmethod
    def with_valid(x: Num, valid) -> Num:
        x.valid = x.valid & valid
        return x

    def int_pow(self, a: Num, b: Num, valid) -> Num:
        point = b.lo == b.hi
        e = np.where(point & (b.lo >= 0), b.lo, 0)
        flo, fhi = _int_pow_point(a.lo, a.hi, e)
        ok = point & (np.abs(flo) <= _INT_LIMIT) & (np.abs(fhi) <= _INT_LIMIT)
        # a negative exponent gives 0 at run time
        flo = np.where(point & (b.lo < 0), 0.0, flo)
        fhi = np.where(point & (b.lo < 0), 0.0, fhi)
        lo = np.where(ok, flo, 0).astype(np.int64)
        hi = np.where(ok, fhi, 0).astype(np.int64)
        return self.int_num(lo, hi, valid & (ok | (point & (b.lo < 0))))

    def float_binary(self, op, a: Num, b: Num) -> Num:
        valid = a.valid & b.valid
        if op == "+":
            return self.float_num(a.lo + b.lo, a.hi + b.hi, valid)
        if op == "-":
            return self.float_num(a.lo - b.hi, a.hi - b.lo, valid)
        if op == "*":
            lo, hi = _corners(np.multiply, a.lo, a.hi, b.lo, b.hi)
            return self.float_num(lo, hi, valid)
        nonzero = (b.lo > 0) | (b.hi < 0)
        if op == "/":
            lo, hi = _corners(np.divide, a.lo, a.hi, b.lo, b.hi)
            return self.float_num(lo, hi, valid & nonzero)
        if op == "//":
            lo, hi = _corners(np.divide, a.lo, a.hi, b.lo, b.hi)
            w = self.float_num(lo, hi)
            return self.float_num(np.floor(w.lo), np.floor(w.hi), valid & nonzero & w.valid)
        if op == "%":
            lo = np.where(b.lo > 0, 0.0, b.lo)
            hi = np.where(b.lo > 0, b.hi, 0.0)
            return self.float_num(lo, hi, valid & nonzero)
        return self.float_pow(a, b, valid)

    def float_pow(self, a: Num, b: Num, valid) -> Num:
        # separately monotone in base and exponent where base > 0, or base >= 0 and
        # exponent >= 0: the extremes are at the corners
        corner_ok = (a.lo > 0) | ((a.lo >= 0) & (b.lo >= 0))
        lo, hi = _corners(np.power, np.maximum(a.lo, 0.0), a.hi, b.lo, b.hi)
        # a negative base needs an integer exponent, one known number per region
        e = b.lo
        int_exp = (b.lo == b.hi) & (np.floor(e) == e) & (e >= 0)
        plo, phi = _int_pow_point(a.lo, a.hi, np.where(int_exp, e, 0).astype(np.int64))
        lo = np.where(corner_ok, lo, plo)
        hi = np.where(corner_ok, hi, phi)
        return self.float_num(lo, hi, valid & (corner_ok | int_exp))

    # ---- comparisons ----------------------------------------------------------
    def compare(self, op, a, b):
        if not isinstance(a, Num):  # bool == bool, bool != bool
            decided = (a != PARTIAL) & (b != PARTIAL)
            eq = np.where(decided, np.where(a == b, FULL, EMPTY), PARTIAL).astype(np.int8)
            return eq if op == "==" else (FULL - eq).astype(np.int8)
        if a.is_int and b.is_int:
            if a.form is not None and b.form is not None:
                d = self.from_form(a.form.plus(b.form, -1))
            else:
                d = Num(a.lo - b.hi, a.hi - b.lo, True, True)
            cls = self.compare_diff(op, d)
            valid = a.valid & b.valid & d.valid
        else:
            a, b = self.as_float(a), self.as_float(b)
            cls = self.compare_float(op, a, b)
            valid = a.valid & b.valid
        return np.where(valid, cls, PARTIAL).astype(np.int8)

    def compare_diff(self, op, d: Num):
        """The class of ``d OP 0`` from the range of the difference ``d = a - b``."""
        lo, hi = d.lo, d.hi
        if op in ("==", "!="):
            never = (lo > 0) | (hi < 0)
            if d.form is not None and d.form.coefs:
                never = never | self.gcd_excludes_zero(d.form)
            eq = np.where(never, EMPTY, np.where((lo == 0) & (hi == 0), FULL, PARTIAL))
            return eq if op == "==" else FULL - eq
        full, empty = {"<": (hi < 0, lo >= 0), "<=": (hi <= 0, lo > 0),
                       ">": (lo > 0, hi <= 0), ">=": (lo >= 0, hi < 0)}[op]
        return np.where(full, FULL, np.where(empty, EMPTY, PARTIAL))

    def gcd_excludes_zero(self, form: Affine):
        """An affine form only takes values const + multiples of gcd(coefficients)."""
        g = np.int64(0)
        for v, c in form.coefs.items():
            vlo, vhi = self.R.bounds(v)
            g = np.gcd(g, np.where(vlo != vhi, c, 0))
        const = np.asarray(form.const)
        for v, c in form.coefs.items():
            vlo, vhi = self.R.bounds(v)
            const = const + np.where(vlo == vhi, c * vlo, 0)
        return (g != 0) & (np.remainder(const, np.where(g == 0, 1, g)) != 0)

    def compare_float(self, op, a: Num, b: Num):
        if op in ("==", "!="):
            never = (a.hi < b.lo) | (b.hi < a.lo)
            same = (a.lo == a.hi) & (b.lo == b.hi) & (a.lo == b.lo) & np.isfinite(a.lo)
            eq = np.where(never, EMPTY, np.where(same, FULL, PARTIAL))
            return eq if op == "==" else FULL - eq
        if op in (">", ">="):
            a, b = b, a
            op = "<" if op == ">" else "<="
        if op == "<":
            full, empty = a.hi < b.lo, a.lo >= b.hi
        else:
            full, empty = a.hi <= b.lo, a.lo > b.hi
        return np.where(full, FULL, np.where(empty, EMPTY, PARTIAL))

    # ---- calls and selects ----------------------------------------------------
    def _eval_Call(self, e):
        args = [self.val(a) for a in e.args]
        if e.type == ir.FLOAT or e.fn in ir.MATH_FUNCS:
            args = [self.as_float(a) for a in args]
        valid = args[0].valid
        for a in args[1:]:
            valid = valid & a.valid
        make = self.int_num if e.type == ir.INT else self.float_num
        if e.fn == "abs":
            x = args[0]
            lo = np.where(x.lo >= 0, x.lo, np.where(x.hi <= 0, -x.hi, 0))
            hi = np.maximum(np.abs(x.lo), np.abs(x.hi))
            return make(lo, hi, valid)
        if e.fn in ("min", "max"):
            fn = np.minimum if e.fn == "min" else np.maximum
            lo, hi = args[0].lo, args[0].hi
            for a in args[1:]:
                lo, hi = fn(lo, a.lo), fn(hi, a.hi)
            return make(lo, hi, valid)
        x = args[0]
        if e.fn == "log":
            return self.float_num(np.log(np.maximum(x.lo, 0.0)), np.log(np.maximum(x.hi, 0.0)),
                                  valid & (x.lo >= 0))
        if e.fn == "sqrt":
            return self.float_num(np.sqrt(np.maximum(x.lo, 0.0)), np.sqrt(np.maximum(x.hi, 0.0)),
                                  valid & (x.lo >= 0))
        if e.fn in ("sin", "cos", "tan"):
            return self.float_num(*_trig_range(e.fn, x.lo, x.hi), valid & np.isfinite(x.lo) & np.isfinite(x.hi))
        fn = {"exp": np.exp, "tanh": np.tanh, "sigmoid": _sigmoid}[e.fn]  # increasing
        return self.float_num(fn(x.lo), fn(x.hi), valid)

    def _eval_Select(self, e):
        c, a, b = self.val(e.cond), self.val(e.a), self.val(e.b)
        if np.ndim(c) == 0 and c != PARTIAL:  # decided everywhere: keep the branch as is
            chosen = a if c == FULL else b
            return self.as_float(chosen) if e.type == ir.FLOAT else chosen
        if e.type == ir.BOOL:
            agree = (a == b) & (a != PARTIAL)
            mixed = np.where(agree, a, PARTIAL)
            return np.where(c == FULL, a, np.where(c == EMPTY, b, mixed)).astype(np.int8)
        if e.type == ir.FLOAT:
            a, b = self.as_float(a), self.as_float(b)
        pick_a, pick_b = c == FULL, c == EMPTY
        lo = np.where(pick_a, a.lo, np.where(pick_b, b.lo, np.minimum(a.lo, b.lo)))
        hi = np.where(pick_a, a.hi, np.where(pick_b, b.hi, np.maximum(a.hi, b.hi)))
        valid = np.where(pick_a, a.valid, np.where(pick_b, b.valid, a.valid & b.valid))
        form = None
        if e.type == ir.INT and a.form is not None and b.form is not None \
                and not bool(np.any(c == PARTIAL)):
            form = _select_form(pick_a, a.form, b.form)
        return Num(lo, hi, valid, e.type == ir.INT, form)

    # ---- random_blocks --------------------------------------------------------
    def _eval_RandomBlocks(self, e):
        """Exact when the region lies in one query block of ``size`` (per key block
        run: FULL if every key block it touches is chosen, EMPTY if none is); up to
        16 query blocks are checked one by one; beyond that PARTIAL."""
        r, size, seed = (_const_int(x, w) for x, w in ((e.r, "r"), (e.size, "size"), (e.seed, "seed")))
        shared, past = (bool(_const_int(x, w)) for x, w in ((e.shared, "shared"), (e.past, "past")))
        if size <= 0:
            raise ValueError(f"random_blocks: size must be positive, got {size}")
        nkb = -(-self.ctx.sizes["Lk"] // size)
        m = n_chosen(r, nkb)
        if m == 0:
            return EMPTY
        R = self.R
        n = self.n
        if e.qpos is not None:  # positions after at_rows
            qp, kp = self.val(e.qpos), self.val(e.kpos)
            q_lo, q_hi = np.broadcast_to(qp.lo, (n,)), np.broadcast_to(qp.hi, (n,))
            k_lo, k_hi = np.broadcast_to(kp.lo, (n,)), np.broadcast_to(kp.hi, (n,))
            ok = np.broadcast_to(np.asarray(qp.valid & kp.valid, bool), (n,))
        else:
            q_lo, q_hi, k_lo, k_hi = R.q_lo, R.q_hi, R.k_lo, R.k_hi
            ok = np.ones(n, bool)
        qb_lo, qb_hi = q_lo // size, q_hi // size
        kb_lo, kb_hi = k_lo // size, k_hi // size
        # a negative position, or a key block past the nkb candidates, is never chosen
        outside = (qb_hi < 0) | (kb_hi < 0) | (kb_lo >= nkb)
        ok = ok & (qb_lo >= 0) & (kb_lo >= 0) & (kb_hi < nkb)
        # (the -1 padding of past never falls in a run of key blocks >= 0)
        chosen = self.ctx.chosen(r, size, seed, int(qb_hi[ok].max(initial=0)) + 1, shared, past)
        h = np.clip(R.h_lo, 0, chosen.shape[0] - 1)
        qb_lo = np.clip(qb_lo, 0, chosen.shape[1] - 1)
        qb_hi = np.clip(qb_hi, 0, chosen.shape[1] - 1)
        kb_lo, kb_hi = np.clip(kb_lo, 0, nkb - 1), np.clip(kb_hi, 0, nkb - 1)
        want = kb_hi - kb_lo + 1
        span = qb_hi - qb_lo + 1
        cls = np.full(len(R), PARTIAL, np.int8)
        # only regions that can be decided, and each only for its own query blocks
        live = np.nonzero(((R.h_lo == R.h_hi) | shared) & (span <= _RANDOM_QB_SPAN) & ok)[0]
        all_full = np.ones(len(live), bool)
        all_empty = np.ones(len(live), bool)
        for t in range(int(span[live].max(initial=0))):
            sel = np.nonzero((span[live] > t) & (all_full | all_empty))[0]
            i = live[sel]
            rows = chosen[h[i], qb_lo[i] + t]
            count = ((rows >= kb_lo[i, None]) & (rows <= kb_hi[i, None])).sum(axis=1)
            all_full[sel] &= count == want[i]
            all_empty[sel] &= count == 0
        cls[live] = np.where(all_full, FULL, np.where(all_empty, EMPTY, PARTIAL))
        cls[outside] = EMPTY
        return cls

    # ---- inputs ---------------------------------------------------------------
    def _eval_Index(self, e):
        """Exact where every index is one number; a range-min/max query where exactly
        one index is a range; the input's global bounds otherwise."""
        name = e.input.name
        if name not in self.ctx.inputs:
            raise ValueError(f"input {name!r} was not given (pass {name}=... at call time)")
        arr = self.ctx.inputs[name]
        args = [self.val(a) for a in e.args]
        n = self.n
        lows, highs, valid = [], [], np.ones(n, bool)
        for a, dim in zip(args, arr.shape):
            lo, hi = np.broadcast_to(a.lo, (n,)), np.broadcast_to(a.hi, (n,))
            valid &= np.broadcast_to(a.valid, (n,)) & (lo >= 0) & (hi < dim) & (lo <= hi)
            lows.append(np.clip(lo, 0, dim - 1))
            highs.append(np.clip(hi, 0, dim - 1))
        if len(args) != arr.ndim or arr.size == 0:
            return self.input_num(e, np.zeros(n), np.zeros(n), np.zeros(n, bool))
        ranged = np.stack([lo != hi for lo, hi in zip(lows, highs)]) if args else np.zeros((0, n), bool)
        n_ranged = ranged.sum(axis=0)
        vlo = np.full(n, arr.min(), dtype=arr.dtype)
        vhi = np.full(n, arr.max(), dtype=arr.dtype)
        points = n_ranged == 0
        if points.any():
            v = arr[tuple(lo[points] for lo in lows)]
            vlo[points], vhi[points] = v, v
        for axis in range(arr.ndim):
            sel = (n_ranged == 1) & ranged[axis]
            if sel.any():
                vlo[sel], vhi[sel] = self.range_query(name, arr, axis, lows, highs, sel)
        return self.input_num(e, vlo, vhi, valid)

    def range_query(self, name, arr, axis, lows, highs, sel):
        tree = self.ctx.tree(name, axis)
        others = [lo[sel] for i, lo in enumerate(lows) if i != axis]
        outer = np.ravel_multi_index(others, tree.outer_shape) if others else np.zeros(int(sel.sum()), np.int64)
        return tree.query(outer, lows[axis][sel], highs[axis][sel])

    def input_num(self, e, lo, hi, valid):
        if e.input.dtype == ir.INT:
            return self.int_num(lo.astype(np.int64), hi.astype(np.int64), valid)
        return self.float_num(lo, hi, valid)


def _select_form(pick_a, fa: Affine, fb: Affine) -> Affine:
    """Per-region choice between two affine forms (the condition decided everywhere)."""
    coefs = {}
    for v in set(fa.coefs) | set(fb.coefs):
        coefs[v] = np.where(pick_a, fa.coefs.get(v, 0), fb.coefs.get(v, 0))
    return Affine(np.where(pick_a, fa.const, fb.const), coefs)


def _sigmoid(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-np.asarray(x, np.float64)))


def _trig_range(fn, lo, hi):
    """(lo, hi) of sin / cos / tan over [lo, hi]: the values at the ends, widened to +-1
    where a peak of sin or cos lies inside (to +-inf for tan where a pole may), and
    [-1, 1] (tan: unbounded) where the interval is not finite."""
    lo, hi = np.asarray(lo, np.float64), np.asarray(hi, np.float64)
    finite = np.isfinite(lo) & np.isfinite(hi)
    a, b = np.where(finite, lo, 0.0), np.where(finite, hi, 0.0)
    shift = np.pi / 2 if fn == "cos" else 0.0  # cos x = sin(x + pi/2)

    def contains(point, period):  # some point + j * period in [a + shift, b + shift]
        # a half ulp of slack either way: an end on a peak counts as holding it
        return np.floor((b + shift - point) / period + 1e-9) >= np.ceil((a + shift - point) / period - 1e-9)

    if fn == "tan":
        pole = contains(np.pi / 2, np.pi) | (b - a >= np.pi)
        ta, tb = np.tan(a), np.tan(b)
        return np.where(finite & ~pole, ta, -np.inf), np.where(finite & ~pole, tb, np.inf)
    sa, sb = np.sin(a + shift), np.sin(b + shift)
    top = contains(np.pi / 2, 2 * np.pi) | (b - a >= 2 * np.pi)
    bottom = contains(-np.pi / 2, 2 * np.pi) | (b - a >= 2 * np.pi)
    out_lo = np.where(finite & ~bottom, np.minimum(sa, sb), -1.0)
    out_hi = np.where(finite & ~top, np.maximum(sa, sb), 1.0)
    return out_lo, out_hi


def _const_int(x, what) -> int:
    if not isinstance(x, ir.Const):
        raise ValueError(f"random_blocks: {what} must be a constant after binding")
    return int(x.value)


# ---------------------------------------------------------------------------
# public entry points
# ---------------------------------------------------------------------------
def evaluate_regions(expr: ir.Expr, regions: Regions, ctx: Context):
    """Interval value of ``expr`` in every region: an int8 class array (bool) or a
    :class:`Num` whose arrays are broadcast to ``len(regions)``."""
    out = _Intervals(regions, ctx).run(expr)
    n = len(regions)
    if expr.type == ir.BOOL:
        return np.ascontiguousarray(np.broadcast_to(np.asarray(out, np.int8), (n,)))
    return Num(np.broadcast_to(out.lo, (n,)), np.broadcast_to(out.hi, (n,)),
               np.broadcast_to(np.asarray(out.valid, bool), (n,)), out.is_int, out.form)


def classify_regions(expr: ir.Expr, regions: Regions, ctx: Context) -> np.ndarray:
    """FULL / PARTIAL / EMPTY (int8) of a bool expression in every region."""
    return evaluate_regions(expr, regions, ctx)


def value_range(expr: ir.Expr, sizes: Mapping[str, int], inputs: Mapping[str, Any] | None = None):
    """The hull of ``expr`` over the whole domain ``b < B, h < H, qi < Lq, ki < Lk`` (a
    position ``q``/``k`` is read with the default offsets; see ``spdsl.ir.positions``).

    Returns ``(lo, hi, valid)`` (Python numbers) for int and float expressions, the
    class (EMPTY, PARTIAL or FULL) for bool ones.  ``valid`` False means the bounds
    are not known (an undefined value may occur).  An empty domain gives ``(0, 0, True)``.

    >>> from spdsl.ir.nodes import Binary, Var
    >>> value_range(Binary("-", Var("qi"), Var("ki"), "int"), dict(B=1, H=1, Lq=4, Lk=6))
    (-5, 3, True)
    """
    from spdsl.ir.positions import at_rows, default_offsets
    expr = at_rows(expr, *default_offsets())
    ctx = Context(sizes, inputs)
    s = ctx.sizes
    if min(s.values()) <= 0:
        return EMPTY if expr.type == ir.BOOL else (0, 0, True)
    regions = Regions.make(b_hi=s["B"] - 1, h_hi=s["H"] - 1, q_hi=s["Lq"] - 1, k_hi=s["Lk"] - 1)
    out = evaluate_regions(expr, regions, ctx)
    if expr.type == ir.BOOL:
        return int(out[0])
    conv = int if out.is_int else float
    return conv(out.lo[0]), conv(out.hi[0]), bool(out.valid[0])
