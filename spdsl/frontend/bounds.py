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

from spdsl.ir.nodes import INT, POSITION_VARS, SIZE_OF_INDEX, Binary, Call, Const, Expr, Index, InputDecl, Param, Select, Span, Unary, Var, walk

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


def _extreme(form: dict[str, int], lowest: bool) -> float:
    """Min (or max) of an affine form over index vars in [0, size-1], sizes >= 1."""
    form = dict(form)
    c0 = form.pop("", 0)
    sizes: dict[str, int] = {}
    for v, c in form.items():
        if v in POSITION_VARS:  # any value >= 0
            if (c < 0) if lowest else (c > 0):
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


def hull(e: Expr) -> tuple[float, float, bool]:
    """A sound range of an int expression for any sizes; the flag says whether it
    reads input data (then the range is unknown until call time)."""
    memo: dict[int, tuple[float, float]] = {}
    data = False
    for n in walk(e):
        if isinstance(n, Const):
            r = (n.value, n.value) if n.type == INT else (-INF, INF)
        elif isinstance(n, Var):
            r = (0, INF) if n.name in SIZE_OF_INDEX or n.name in POSITION_VARS else (1, INF)
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
        if n.op == "//" and blo == bhi and blo > 0 and isinstance(blo, int):
            return (math.floor(alo / blo) if alo != -INF else -INF,
                    math.floor(ahi / blo) if ahi != INF else INF)
        if n.op == "%" and blo == bhi and isinstance(blo, int) and blo != 0:
            return (0, blo - 1) if blo > 0 else (blo + 1, 0)
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


def check_index_bounds(index: Expr, dim: Union[str, int]) -> BoundsResult:
    form = linear(index)
    if form is not None:
        lo = _extreme(form, lowest=True)
        data = False
    else:
        lo, _, data = hull(index)
    if lo < 0 and not data:
        low = "without bound" if lo == -INF else f"as low as {int(lo)}"
        return BoundsResult(f"can be negative ({low})",
                            "clamp it, e.g. max(q - 1, 0), or shift it so it starts at 0")
    if data or any(n.name in POSITION_VARS for n in walk(index) if isinstance(n, Var)):
        return BoundsResult(needs_call_check=True)
    limit = ({"": dim - 1} if isinstance(dim, int) else {dim: 1, "": -1})
    if form is not None:
        over = dict(form)
        for v, c in limit.items():
            over[v] = over.get(v, 0) - c
        if _extreme(over, lowest=False) <= 0:
            return BoundsResult()
        if _extreme(over, lowest=True) > 0:
            return BoundsResult(f"is always past the end of its dimension ({dim})")
        return BoundsResult(needs_call_check=True)
    _, hi, _ = hull(index)
    if isinstance(dim, int) and hi <= dim - 1:
        return BoundsResult()
    if isinstance(dim, int) and lo > dim - 1:
        return BoundsResult(f"is always past the end of its dimension ({dim})")
    return BoundsResult(needs_call_check=True)
