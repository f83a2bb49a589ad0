"""The dims of an input declaration, as text and as numbers at call time.

A dim is a size name (``"Lk"``), an int, or an int expression of the sizes B, H, Lq, Lk
(parameters are folded into it once bound): ``int[H, Lq // 64, Lk // 64]``. The call
evaluates each against its sizes to check the tensor it was given, and the kernels
declare their buffers with the same numbers (:func:`storage_shape`).
"""

from __future__ import annotations

from typing import Mapping

from spdsl.ir.nodes import Binary, Call, Const, InputDecl, Param, Select, Unary, Var
from spdsl.ir.printer import dim_text


class DimError(ValueError):
    """A dim that has no value at these sizes (negative, a division by zero, or an
    unbound parameter)."""




def dim_value(d, sizes: Mapping[str, int]) -> int:
    """The number of entries of dim ``d`` at ``sizes``; DimError when it has none."""
    if isinstance(d, bool):
        raise DimError(f"a dim cannot be the bool {d}")
    if isinstance(d, int):
        return d
    if isinstance(d, str):
        return int(sizes[d])
    value = _eval(d, sizes)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DimError(f"{dim_text(d)} is not an int")
    if value < 0:
        raise DimError(f"{dim_text(d)} is {value} at these sizes")
    return value


def storage_shape(decl: InputDecl, sizes: Mapping[str, int]) -> tuple[int, ...]:
    """The shape the kernels read (a scalar is one element, ``(1,)``)."""
    return tuple(dim_value(d, sizes) for d in decl.dims)


def declared_shape(decl: InputDecl, sizes: Mapping[str, int]) -> tuple[int, ...]:
    """The shape the user passes (a scalar is ``()``)."""
    return tuple(dim_value(d, sizes) for d in decl.declared_dims)


def _eval(e, sizes):
    if isinstance(e, Const):
        return e.value
    if isinstance(e, Var):
        if e.name not in sizes:
            raise DimError(f"a dim cannot read '{e.name}'")
        return int(sizes[e.name])
    if isinstance(e, Param):
        raise DimError(f"parameter '{e.name}' has no value: bind it first")
    if isinstance(e, Unary):
        x = _eval(e.x, sizes)
        return (not x) if e.op == "not" else -x
    if isinstance(e, Select):
        return _eval(e.a, sizes) if _eval(e.cond, sizes) else _eval(e.b, sizes)
    if isinstance(e, Call) and e.fn in ("abs", "min", "max"):
        args = [_eval(a, sizes) for a in e.args]
        return abs(args[0]) if e.fn == "abs" else (min if e.fn == "min" else max)(args)
    if isinstance(e, Binary):
        a, b = _eval(e.a, sizes), _eval(e.b, sizes)
        if e.op in ("//", "%") and b == 0:
            raise DimError(f"{dim_text(e)} divides by zero at these sizes")
        if e.op == "**" and b < 0:
            return 0
        ops = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "//": lambda: a // b,
               "%": lambda: a % b, "**": lambda: a ** b if b <= 64 else _too_big(e),
               "==": lambda: a == b, "!=": lambda: a != b, "<": lambda: a < b, "<=": lambda: a <= b,
               ">": lambda: a > b, ">=": lambda: a >= b, "and": lambda: a and b, "or": lambda: a or b}
        if e.op in ops:
            return ops[e.op]()
    raise DimError(f"cannot compute the dim {dim_text(e)}")


def _too_big(e):
    raise DimError(f"{dim_text(e)} is too large")
