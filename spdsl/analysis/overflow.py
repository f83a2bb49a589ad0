"""Integer ranges of a pattern's int sub-expressions: which integer width the kernels
compute in, and whether a call's sizes and input values keep every int exact.

The reference computes ints in int64; the kernels in int32 where that is proven enough
for the sizes a kernel is built for (:data:`DESIGN_SIZES`, inputs anywhere in int32),
else in int64. Nothing may wrap: before a call, :func:`check_call` bounds every int
sub-expression at the call's sizes and input values (one pass over the DAG, sizes as
points, indices as ``[0, size - 1]``, inputs as ``[min, max]`` of the values given) and
raises a located error where one could leave the kernel's width. The bounds are plain
interval arithmetic on Python ints (never wrapping), so they are sound; they may be
loose (``(q - k) + k`` is bounded by ``[-(Lk - 1), Lq + Lk - 2]``), which can only make a
call refuse early, never let a wrong answer through.

``INT_MIN // -1`` (and ``%``) overflows and traps like a division by zero: a division
whose dividend may be the width's smallest value and whose divisor may be -1 counts as
an overflow too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from spdsl.ir import nodes as ir

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
WIDTH_MAX = {"int32": INT32_MAX, "int64": INT64_MAX}
_SATURATE = 2**80           # bounds beyond this are held here (they overflow any width)

# The sizes a kernel is built for when it picks its int width: int32 where every int
# sub-expression fits for all sizes up to these and every int input value in int32.
DESIGN_SIZES = {"B": 1 << 16, "H": 1 << 12, "Lq": 1 << 24, "Lk": 1 << 24}
_INPUT_RANGE = (-(2**31), 2**31 - 1)    # int inputs reach the kernels as int32

# A run-time ``int ** int`` exponent is clamped into [0, POW_EXPONENT_CAP[width]] with its
# parity kept (see codegen/common/lower.py): beyond it, |base| >= 2 overflows anyway.
POW_EXPONENT_CAP = {"int32": 31, "int64": 63}


def _sat(v: int) -> int:
    return max(-_SATURATE, min(_SATURATE, v))


def _hull(*vals):
    return min(vals), max(vals)


def _floordiv_range(a, d):
    """Hull of x // y (0 where y == 0) for x in a, y in d."""
    parts = []
    if d[1] >= 1:
        lo, hi = max(d[0], 1), d[1]
        parts += [a[0] // lo, a[0] // hi, a[1] // lo, a[1] // hi]
    if d[0] <= -1:
        lo, hi = d[0], min(d[1], -1)
        parts += [a[0] // lo, a[0] // hi, a[1] // lo, a[1] // hi]
    if d[0] <= 0 <= d[1]:
        parts.append(0)
    return _hull(*parts)


def _mod_range(a, d):
    """Hull of x % y (Python signs; 0 where y == 0)."""
    lo = hi = 0
    if d[1] >= 1:
        hi = max(hi, d[1] - 1 if a[0] < 0 else min(d[1] - 1, a[1]))
    if d[0] <= -1:
        lo = min(lo, d[0] + 1 if a[1] > 0 else max(d[0] + 1, a[0]))
    return lo, hi


def _pow_range(a, e):
    """Hull of x ** y for x in a, y in e (0 for a negative y)."""
    parts = []
    if e[0] < 0:
        parts.append(0)
    if e[1] >= 0:
        m = max(abs(a[0]), abs(a[1]))
        if e[0] <= 0:
            parts.append(1)
        if m <= 1:
            parts += [0, 1] + ([-1] if a[0] < 0 else [])
        else:
            top = _SATURATE if e[1] * (m.bit_length() - 1) > 90 else _sat(m ** e[1])
            parts += [top] + ([-top] if a[0] < 0 else [0])
    return _hull(*parts)


_INT_BINARY = {
    "+": lambda a, b: (a[0] + b[0], a[1] + b[1]),
    "-": lambda a, b: (a[0] - b[1], a[1] - b[0]),
    "*": lambda a, b: _hull(a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]),
    "//": _floordiv_range,
    "%": _mod_range,
    "**": _pow_range,
}


@dataclass(frozen=True)
class Overflow:
    """An int sub-expression whose bounds leave ``width``: the node, its bounds."""

    node: Any
    lo: int
    hi: int
    width: str


def int_ranges(exprs, sizes: Mapping[str, tuple[int, int]],
               inputs: Mapping[str, tuple[int, int]] | None = None) -> dict[int, tuple[int, int]]:
    """Bounds ``(lo, hi)`` of every int node of ``exprs`` (by ``id``), with each size in
    ``sizes[name] = (lo, hi)`` (sizes >= 1) and int input ``name`` valued in ``inputs[name]``
    (default: anywhere in int32)."""
    inputs = inputs or {}
    out: dict[int, tuple[int, int]] = {}
    for e in exprs:
        if e is None:
            continue
        for node in ir.walk(e, computed=True):
            if id(node) in out or node.type != ir.INT:
                continue
            out[id(node)] = _node_range(node, out, sizes, inputs)
    return out


def _node_range(node, ranges, sizes, inputs):
    kid = lambda c: ranges[id(c)]
    if isinstance(node, ir.Const):
        return int(node.value), int(node.value)
    if isinstance(node, ir.Var):
        if node.name in ir.SIZE_VARS:
            return sizes[node.name]
        return 0, sizes[ir.SIZE_OF_INDEX[node.name]][1] - 1
    if isinstance(node, ir.Param):
        raise ValueError(f"parameter {node.name!r} must be bound first")
    if isinstance(node, ir.Index):
        return inputs.get(node.input.name, _INPUT_RANGE)
    if isinstance(node, ir.Unary):
        lo, hi = kid(node.x)
        return -hi, -lo
    if isinstance(node, ir.Binary):
        lo, hi = _INT_BINARY[node.op](kid(node.a), kid(node.b))
        return _sat(lo), _sat(hi)
    if isinstance(node, ir.Call):
        rs = [kid(a) for a in node.args]
        if node.fn == "abs":
            lo, hi = rs[0]
            return (0 if lo <= 0 <= hi else min(abs(lo), abs(hi))), max(abs(lo), abs(hi))
        pick = min if node.fn == "min" else max
        return pick(r[0] for r in rs), pick(r[1] for r in rs)
    if isinstance(node, ir.Select):
        return _hull(*kid(node.a), *kid(node.b))
    raise ValueError(f"no int range for {type(node).__name__}")


def first_overflow(exprs, width: str, sizes, inputs=None) -> Overflow | None:
    """The first int node (innermost first) whose bounds leave ``width``, or None.
    Expressions over positions are read with the default offsets (``spdsl.ir.positions``)."""
    from spdsl.ir.positions import at_rows, default_offsets

    exprs = tuple(at_rows(e, *default_offsets()) for e in exprs)
    limit = WIDTH_MAX[width]
    ranges = int_ranges(exprs, sizes, inputs)
    for e in exprs:
        if e is None:
            continue
        for node in ir.walk(e, computed=True):
            r = ranges.get(id(node))
            if r is None:
                continue
            if r[0] < -limit - 1 or r[1] > limit or _min_by_minus_one(node, ranges, limit):
                return Overflow(node, r[0], r[1], width)
    return None


def _min_by_minus_one(node, ranges, limit) -> bool:
    """``INT_MIN // -1`` (or ``%``) may happen: it traps like a division by zero."""
    if not (isinstance(node, ir.Binary) and node.op in ("//", "%")):
        return False
    a, d = ranges[id(node.a)], ranges[id(node.b)]
    return a[0] <= -limit - 1 and d[0] <= -1 <= d[1]


def _points(sizes: Mapping[str, int]) -> dict[str, tuple[int, int]]:
    return {n: (int(sizes[n]), int(sizes[n])) for n in ir.SIZE_VARS}


def kernel_int_width(mask, score) -> str:
    """The int width the kernels compute ``mask`` and ``score`` in: "int32" where every
    int sub-expression provably fits for sizes up to :data:`DESIGN_SIZES` (inputs anywhere
    in int32), else "int64"."""
    sizes = {n: (1, v) for n, v in DESIGN_SIZES.items()}
    # explicit offsets (spdsl/ir/positions.py) are designed for positions within the lengths;
    # a call with larger ones is refused by check_call, which sees the values given
    reach = max(DESIGN_SIZES["Lq"], DESIGN_SIZES["Lk"])
    offsets = {n: (-reach, reach) for n in ("q_offset", "kv_offset")}
    return "int32" if first_overflow((mask, score), "int32", sizes, offsets) is None else "int64"


def hopeless(mask, score) -> Overflow | None:
    """An int sub-expression that leaves int64 even at sizes 1 with inputs 0 (a pattern
    no call can run), or None."""
    inputs = {}
    for e in (mask, score):
        if e is not None:
            inputs.update({n: (0, 0) for n in ir.inputs_read(e)})
    return first_overflow((mask, score), "int64", _points(dict(B=1, H=1, Lq=1, Lk=1)), inputs)


def input_ranges(arrays: Mapping[str, Any], decls: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """``(min, max)`` of each int input (0, 0 for an empty one)."""
    out = {}
    for name, decl in decls.items():
        if decl.dtype != ir.INT or name not in arrays:
            continue
        a = arrays[name]
        if hasattr(a, "numel"):
            out[name] = (int(a.min()), int(a.max())) if a.numel() else (0, 0)
        else:
            import numpy as np
            a = np.asarray(a)
            out[name] = (int(a.min()), int(a.max())) if a.size else (0, 0)
    return out


def largest_safe_length(exprs, width: str, sizes: Mapping[str, int], inputs) -> int:
    """The largest L such that Lq = Lk = L (other sizes as given) keeps every int inside
    ``width``; 0 when none does."""
    def ok(L):
        s = dict(sizes, Lq=L, Lk=L)
        return first_overflow(exprs, width, _points(s), inputs) is None
    if not ok(1):
        return 0
    lo, hi = 1, 2
    while hi < 2**40 and ok(hi):
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


def check_call(mask, score, width: str, sizes: Mapping[str, int], inputs,
               locate: Callable[[Any], str], what: str = "the kernels") -> str | None:
    """A one-line message when some int sub-expression could leave ``width`` at these
    sizes (``B H Lq Lk``) and int input ranges; None when every int stays exact.
    ``locate(span)`` names a node's place (``file:line:col``)."""
    exprs = (mask, score)
    bad = first_overflow(exprs, width, _points(sizes), inputs)
    if bad is None:
        return None
    where = locate(bad.node.span)
    shown = "this expression"
    if sum(1 for _ in ir.walk(bad.node)) <= 40:  # a DAG may print exponentially long
        from spdsl.ir.printer import print_expr
        text = print_expr(bad.node)
        shown = f"'{text}'" if len(text) <= 60 else f"'{text[:57]}...'"
    safe = largest_safe_length(exprs, width, sizes, inputs)
    sz = " ".join(f"{n}={int(sizes[n])}" for n in ir.SIZE_VARS)
    hint = f"; Lq = Lk <= {safe} keeps it exact" if safe else ""
    worst = bad.hi if bad.hi > -bad.lo else bad.lo
    reach = f"can exceed {_SATURATE:.3g}" if abs(worst) >= _SATURATE else f"can reach {worst:.3g}"
    return (f"{where}: {shown} {reach} at {sz} "
            f"(with these input values), beyond the {width} arithmetic of {what}{hint}")


def require_exact(pattern, width: str, sizes: Mapping[str, int], inputs: Mapping[str, Any],
                  what: str = "the kernels") -> None:
    """A located BindError when some int sub-expression of ``pattern`` could leave
    ``width`` ("int32" or "int64") at ``sizes`` (``B H Lq Lk``) and these input values."""
    from spdsl.errors import BindError

    ranges = input_ranges(inputs, pattern.inputs)
    problem = check_call(pattern.mask, pattern.score, width, sizes, ranges, pattern.locate, what)
    if problem is not None:
        raise BindError(f"pattern '{pattern.name}': {problem}")
