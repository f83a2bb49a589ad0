"""Index bounds: prove ``input[i, ...]`` safe at compile time, or leave a call-time check.

Sizes (B, H, Lq, Lk) are unknown at compile time (any value >= 1); index variables
range over ``[0, size - 1]`` (``b h qi ki``). The positions ``q`` and ``k`` depend on
offsets given at call time: here they count as any value >= 0 (a position below 0 is
reachable with the default offsets only when Lq > Lk), and every index that reads them is
also checked at call time, at rows (``Pattern.check_inputs``). For affine indices the
bounds below are exact: a lower bound that can go negative is always reachable, so it is
an error now. An upper bound that depends on the sizes or the offsets (``doc[b, q]`` on
``int[B, Lk]`` needs ``q_offset + Lq <= Lk``) becomes a check at call time. Indices read
from input data are checked at call time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Union

from spdsl.ir.nodes import INT, POSITION_VARS, SIZE_OF_INDEX, SIZE_VARS, Binary, Call, Const, Expr, Index, InputDecl, Param, Select, Span, Unary, Var, walk

INF = math.inf


@dataclass(frozen=True)
class IndexCheck:
    """An index whose range must be checked once the sizes and inputs are known."""

    input: InputDecl
    dim: int
    index: Expr
    span: Span | None


@dataclass(frozen=True)
class BoundsResult:
    error: str | None = None
    hint: str | None = None
    needs_call_check: bool = False


def linear(e: Expr) -> dict[str, int] | None:
    """``e`` as {variable: coefficient, "": constant}, or None when not affine.

    Each shared node (a let used twice) is worked out once: the DAG is walked, not
    the tree it stands for."""
    memo: dict[int, dict[str, int] | None] = {}
    for n in walk(e):
        memo[id(n)] = _linear_node(n, memo)
    return memo[id(e)]


def _linear_node(e: Expr, memo) -> dict[str, int] | None:
    def linear(x):
        return memo[id(x)]

    if isinstance(e, Const) and e.type == INT:
        return {"": e.value}
    if isinstance(e, Var) and e.name != "score":
        return {e.name: 1, "": 0}
    if isinstance(e, Unary) and e.op == "neg":
        x = linear(e.x)
        return None if x is None else {v: -c for v, c in x.items()}
    if isinstance(e, Binary) and e.op in ("+", "-") and e.type == INT:
        a, b = linear(e.a), linear(e.b)
        if a is None or b is None:
            return None
        sign = 1 if e.op == "+" else -1
        out = dict(a)
        for v, c in b.items():
            out[v] = out.get(v, 0) + sign * c
        return out
    if isinstance(e, Binary) and e.op == "*" and e.type == INT:
        a, b = linear(e.a), linear(e.b)
        if a is None or b is None:
            return None
        if set(a) == {""}:
            a, b = b, a
        if set(b) != {""}:
            return None
        return {v: c * b[""] for v, c in a.items()}
    return None


def _extreme(form: dict[str, int], lowest: bool, signed: bool = False) -> float:
    """Min (or max) of an affine form over index vars in [0, size-1], sizes >= 1, and
    positions any value >= 0 (any value at all with ``signed``)."""
    form = dict(form)
    c0 = form.pop("", 0)
    sizes: dict[str, int] = {}
    for v, c in form.items():
        if v in POSITION_VARS:
            if c != 0 and signed or ((c < 0) if lowest else (c > 0)):
                return -INF if lowest else INF
            continue
        if v in SIZE_OF_INDEX:
            pick_top = (c < 0) if lowest else (c > 0)
            if pick_top:  # v = size - 1
                s = SIZE_OF_INDEX[v]
                sizes[s] = sizes.get(s, 0) + c
                c0 -= c
        else:
            sizes[v] = sizes.get(v, 0) + c
    for s, c in sizes.items():
        if (c < 0) if lowest else (c > 0):
            return -INF if lowest else INF
        c0 += c  # the extreme is at size 1
    return c0


def hull(e: Expr, signed: bool = False) -> tuple[float, float, bool]:
    """A sound range of an int expression for any sizes, positions >= 0 (any value with
    ``signed``); the flag says whether it reads input data (then the range is unknown
    until call time)."""
    memo: dict[int, tuple[float, float]] = {}
    data = False
    for n in walk(e):
        if isinstance(n, Const):
            r = (n.value, n.value) if n.type == INT else (-INF, INF)
        elif isinstance(n, Var):
            r = ((-INF, INF) if signed and n.name in POSITION_VARS else
                 (0, INF) if n.name in SIZE_OF_INDEX or n.name in POSITION_VARS else (1, INF))
        elif isinstance(n, Index):
            data = True
            r = (-INF, INF)
        elif isinstance(n, Param):
            r = (-INF, INF)
        else:
            r = _hull_op(n, [memo[id(c)] for c in _kids(n)])
        memo[id(n)] = r
    lo, hi = memo[id(e)]
    return lo, hi, data


def _fdiv(x, d) -> float:
    """``x // d`` for a divisor ``d >= 1``, either of them possibly infinite."""
    if x in (INF, -INF):
        return x
    if d == INF:
        return 0 if x >= 0 else -1
    return int(x) // int(d)


def _kids(n):
    from spdsl.ir.nodes import children
    return children(n)


def _mul(a, b):
    vals = []
    for x in a:
        for y in b:
            vals.append(0 if (x == 0 or y == 0) else x * y)
    return min(vals), max(vals)


def _hull_op(n, kids) -> tuple[float, float]:
    if isinstance(n, Unary) and n.op == "neg":
        (lo, hi), = kids
        return -hi, -lo
    if isinstance(n, Binary):
        (alo, ahi), (blo, bhi) = kids
        if n.op == "+":
            return alo + blo, ahi + bhi
        if n.op == "-":
            return alo - bhi, ahi - blo
        if n.op == "*":
            return _mul((alo, ahi), (blo, bhi))
        if n.op == "//" and blo >= 1:
            # by a positive divisor, constant or known only at call time (a size: >= 1);
            # floor division grows with the dividend, and moves toward 0 (or -1) as the
            # divisor grows
            return (min(_fdiv(alo, blo), _fdiv(alo, bhi)), max(_fdiv(ahi, blo), _fdiv(ahi, bhi)))
        if n.op == "%" and blo >= 1:
            # Python's modulo by a positive divisor is in [0, divisor - 1], whatever the
            # sign of the dividend, and no larger than a non-negative dividend
            return 0, (min(bhi - 1, ahi) if alo >= 0 else bhi - 1)
        if n.op == "%" and blo == bhi and isinstance(blo, int) and blo != 0:
            return (blo + 1, 0)
    if isinstance(n, Call) and n.type == INT:
        if n.fn == "abs":
            (lo, hi), = kids
            return (0 if lo <= 0 <= hi else min(abs(lo), abs(hi)), max(abs(lo), abs(hi)))
        if n.fn == "min":
            return min(k[0] for k in kids), min(k[1] for k in kids)
        if n.fn == "max":
            return max(k[0] for k in kids), max(k[1] for k in kids)
    if isinstance(n, Select) and n.type == INT:
        return min(kids[1][0], kids[2][0]), max(kids[1][1], kids[2][1])
    return -INF, INF


def _dim_limit(dim) -> dict[str, int] | None:
    """The last index of a dim as an affine form (``Lk - 1``), or None when the dim is
    not affine in the sizes (``Lq // 64``: then only the call can check it)."""
    if isinstance(dim, int):
        return {"": dim - 1}
    if isinstance(dim, str):
        return {dim: 1, "": -1}
    form = linear(dim)
    if form is None or not set(form) <= set(SIZE_VARS) | {""}:
        return None
    return {**form, "": form.get("", 0) - 1}


def _minus(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for v, c in b.items():
        out[v] = out.get(v, 0) - c
    return out


def upper_forms(e: Expr, signed: bool = False) -> list[dict[str, int]]:
    """Affine forms each >= ``e`` for all sizes, rows and positions (any one proves an
    upper bound): ``e`` itself when affine; ``d - 1`` for ``x % d`` and ``0`` for
    ``x // d`` with ``d >= 1`` and ``0 <= x <= d - 1``; ``x`` for ``x // d`` with
    ``x >= 0``; any argument of ``min``. ``signed``: positions may be negative."""
    memo: dict[int, list] = {}
    for n in walk(e):
        memo[id(n)] = _upper_node(n, memo, signed)
    return memo[id(e)]


def _upper_node(n: Expr, memo, signed: bool) -> list[dict[str, int]]:
    form = linear(n)
    if form is not None:
        return [form]
    if isinstance(n, Binary) and n.op in ("%", "//") and n.type == INT:
        dlo = hull(n.b, signed)[0]
        alo = hull(n.a, signed)[0]
        d = linear(n.b)
        if dlo < 1:
            return []
        below_d = d is not None and alo >= 0 and any(
            _extreme(_minus(u, {**d, "": d.get("", 0) - 1}), lowest=False, signed=signed) <= 0
            for u in memo[id(n.a)])
        if n.op == "%":
            return ([{**d, "": d.get("", 0) - 1}] if d is not None else []) + (memo[id(n.a)] if alo >= 0 else [])
        if below_d:
            return [{"": 0}]   # 0 <= x < d: x // d is 0
        return list(memo[id(n.a)]) if alo >= 0 else []
    if isinstance(n, Call) and n.fn == "min" and n.type == INT:
        return [u for a in n.args for u in memo[id(a)]]
    return []


def _negative_hint(index: Expr) -> str:
    """How to fix an index that can be negative: the clamp advice fits a shifted index;
    a '%' or '//' by a divisor that can be negative needs a positive divisor instead."""
    for n in walk(index):
        if isinstance(n, Binary) and n.op in ("%", "//") and n.type == INT and hull(n.b)[0] < 1:
            if n.op == "%":
                return ("'%' takes the sign of its divisor (Python's rule), and this divisor can be "
                        "negative: use a positive one, such as a size (Lk) or a positive constant")
            return ("'//' by a divisor that can be negative can give a negative index: divide by a "
                    "positive value, such as a size (Lk) or a positive constant")
    return "clamp it, e.g. max(q - 1, 0), or shift it so it starts at 0"


def check_index_bounds(index: Expr, dim) -> BoundsResult:
    """Prove ``0 <= index <= dim - 1`` for every size, or say what the call must check.
    ``dim`` is a size name, an int or an int expression of the sizes (``Lq // 64``)."""
    form = linear(index)
    if form is not None:
        lo = _extreme(form, lowest=True)
        data = False
    else:
        lo, _, data = hull(index)
    if lo < 0 and not data:
        low = "without bound" if lo == -INF else f"as low as {int(lo)}"
        return BoundsResult(f"can be negative ({low})", _negative_hint(index))
    limit = _dim_limit(dim)
    if limit is not None and not data:
        # Proven in range for every size. An index that reads positions is proven only
        # for positions of any sign (x % Lk is in [0, Lk - 1] wherever x is); otherwise
        # the call checks it, since a position can be negative (Lq > Lk, or offsets).
        signed = any(n.name in POSITION_VARS for n in walk(index) if isinstance(n, Var))
        low = _extreme(form, lowest=True, signed=True) if form is not None else hull(index, True)[0]
        if (not signed or low >= 0) and any(_extreme(_minus(u, limit), lowest=False, signed=signed) <= 0
                                           for u in upper_forms(index, signed)):
            return BoundsResult()
    if data or any(n.name in POSITION_VARS for n in walk(index) if isinstance(n, Var)):
        return BoundsResult(needs_call_check=True)
    if limit is None:
        return BoundsResult(needs_call_check=True)
    if form is not None:
        if _extreme(_minus(form, limit), lowest=True) > 0:
            return BoundsResult(f"is always past the end of its dimension ({_dim_text(dim)})")
        return BoundsResult(needs_call_check=True)
    _, hi, _ = hull(index)
    if isinstance(dim, int) and lo > dim - 1:
        return BoundsResult(f"is always past the end of its dimension ({dim})")
    return BoundsResult(needs_call_check=True)


def _dim_text(dim) -> str:
    from spdsl.ir.dims import dim_text
    return dim_text(dim)
