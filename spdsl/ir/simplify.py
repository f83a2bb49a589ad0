"""Smart constructors: every IR node is made here, folded and simplified as it is made.

Constant folding follows the language's semantics exactly (Python's floor division and
modulo signs, ``/`` always float). Algebraic rules are data: one (operator, rule) pair a
line; a rule returns the simplified node or None. A rule never changes the type of the
expression it rewrites.
"""

from __future__ import annotations

import math
from typing import Callable

from spdsl.ir.nodes import BOOL, ERROR, FLOAT, INT, Binary, Call, Const, Expr, Select, Span, Unary, RandomBlocks, Var


def is_const(e: Expr, value=None) -> bool:
    if not isinstance(e, Const) or e.type == ERROR:
        return False
    return value is None or (e.value == value and type(e.value) is not bool or e.value is value)


INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1   # an int constant is a 64-bit int
FLOAT32_MAX = 3.4028234663852886e38           # a float constant is a float32


class ConstantRangeError(ValueError):
    """A constant (a literal, a bound parameter or a folded expression) that the kernels
    cannot hold: an int outside 64 bits, a finite float beyond float32's range. The
    checker reports it where the constant is written."""


def _short(value) -> str:
    text = str(value) if not isinstance(value, int) or value.bit_length() < 200 else \
        f"a {value.bit_length()}-bit number"
    return text if len(text) <= 40 else text[:20] + "..." + text[-10:]


def check_range(value, type_: str) -> None:
    """Raise ConstantRangeError when ``value`` does not fit ``type_`` in a kernel."""
    if type_ == INT and not INT_MIN <= value <= INT_MAX:
        raise ConstantRangeError(f"the integer constant {_short(value)} does not fit in 64 bits "
                                 f"(ints are at most {INT_MAX})")
    if type_ == FLOAT and math.isfinite(value) and abs(value) > FLOAT32_MAX:
        raise ConstantRangeError(f"the float constant {value:g} is beyond float32's range "
                                 f"(at most {FLOAT32_MAX:.4g}); write 1e999 for infinity")


def const(value, type_: str, span: Span | None = None) -> Const:
    if type_ == FLOAT:
        if isinstance(value, int) and not isinstance(value, bool) and not INT_MIN <= value <= INT_MAX:
            check_range(value, INT)
        value = float(value)
    elif type_ == INT:
        value = int(value)
    elif type_ == BOOL:
        value = bool(value)
    check_range(value, type_)
    return Const(value, type_, span=span)


def _int_pow_fits(a: int, b: int) -> bool:
    """Whether ``a ** b`` (b >= 0) can be computed without building a huge number."""
    return abs(a) <= 1 or b * (abs(a).bit_length() - 1) <= 64


def _floordiv(a, b):
    return a // b


def _fold_binary(op: str, a, b):
    """Python value of ``a op b`` under the language's rules, or None (do not fold)."""
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return None if b == 0 else a / b
        if op == "//":
            return None if b == 0 else _floordiv(a, b)
        if op == "%":
            return None if b == 0 else a % b
        if op == "**":
            if isinstance(a, int) and isinstance(b, int) and b < 0:
                return None
            if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) \
                    and not _int_pow_fits(a, b):
                raise ConstantRangeError(f"{_short(a)} ** {_short(b)} does not fit in 64 bits")
            if isinstance(b, int) and abs(b) > 4096:
                return None  # keep folding cheap: 2.0 ** 10**9 is left to run time
            r = a ** b
            return None if isinstance(r, complex) else r
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        if op == ">=":
            return a >= b
        if op == "and":
            return a and b
        if op == "or":
            return a or b
    except ConstantRangeError:
        raise
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    return None


def _same(x: Expr, t: str) -> Expr | None:
    return x if x.type == t else None


# (operator, rule): each rule sees the operands and the result type.
RULES: list[tuple[str, Callable[[Expr, Expr, str], Expr | None]]] = [
    ("+", lambda a, b, t: _same(a, t) if is_const(b, 0) else None),          # x + 0 -> x
    ("+", lambda a, b, t: _same(b, t) if is_const(a, 0) else None),          # 0 + x -> x
    ("-", lambda a, b, t: _same(a, t) if is_const(b, 0) else None),          # x - 0 -> x
    ("*", lambda a, b, t: _same(a, t) if is_const(b, 1) else None),          # x * 1 -> x
    ("*", lambda a, b, t: _same(b, t) if is_const(a, 1) else None),          # 1 * x -> x
    ("*", lambda a, b, t: b if t == INT and is_const(b, 0) else None),       # x * 0 -> 0 (ints: no NaN)
    ("*", lambda a, b, t: a if t == INT and is_const(a, 0) else None),       # 0 * x -> 0
    ("//", lambda a, b, t: _same(a, t) if is_const(b, 1) else None),         # x // 1 -> x
    ("%", lambda a, b, t: const(0, INT) if is_const(b, 1) else None),        # x % 1 -> 0
    ("**", lambda a, b, t: _same(a, t) if is_const(b, 1) else None),         # x ** 1 -> x
    ("and", lambda a, b, t: b if is_const(a, True) else None),               # true and x -> x
    ("and", lambda a, b, t: a if is_const(b, True) else None),               # x and true -> x
    ("and", lambda a, b, t: a if is_const(a, False) else None),              # false and x -> false
    ("and", lambda a, b, t: b if is_const(b, False) else None),              # x and false -> false
    ("and", lambda a, b, t: a if a == b else None),                          # x and x -> x
    ("or", lambda a, b, t: a if is_const(a, True) else None),                # true or x -> true
    ("or", lambda a, b, t: b if is_const(b, True) else None),                # x or true -> true
    ("or", lambda a, b, t: b if is_const(a, False) else None),               # false or x -> x
    ("or", lambda a, b, t: a if is_const(b, False) else None),               # x or false -> x
    ("or", lambda a, b, t: a if a == b else None),                           # x or x -> x
    ("-", lambda a, b, t: const(0, INT) if t == INT and a == b and _pure(a) else None),  # x - x -> 0
]


def _pure(e: Expr) -> bool:
    return not isinstance(e, Const) or e.type != ERROR


def binary(op: str, a: Expr, b: Expr, type_: str, span: Span | None = None) -> Expr:
    if a.type == ERROR or b.type == ERROR:
        return Const(0, ERROR, span=span)
    if isinstance(a, Const) and isinstance(b, Const):
        value = _fold_binary(op, a.value, b.value)
        if value is not None and not (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
            return const(value, type_, span)
    for rule_op, rule in RULES:
        if rule_op == op:
            out = rule(a, b, type_)
            if out is not None:
                return out
    return Binary(op, a, b, type_, span=span)


def unary(op: str, x: Expr, type_: str, span: Span | None = None) -> Expr:
    if x.type == ERROR:
        return Const(0, ERROR, span=span)
    if isinstance(x, Const):
        return const(-x.value if op == "neg" else not x.value, type_, span)
    if isinstance(x, Unary) and x.op == op:
        return x.x                                                            # --x -> x, not not x -> x
    return Unary(op, x, type_, span=span)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


_MATH = {"exp": math.exp, "log": math.log, "tanh": math.tanh, "sqrt": math.sqrt,
         "sin": math.sin, "cos": math.cos, "tan": math.tan, "sigmoid": _sigmoid}


def call(fn: str, args: tuple[Expr, ...], type_: str, span: Span | None = None) -> Expr:
    if any(a.type == ERROR for a in args):
        return Const(0, ERROR, span=span)
    if all(isinstance(a, Const) for a in args):
        vals = [a.value for a in args]
        try:
            if fn == "abs":
                return const(abs(vals[0]), type_, span)
            if fn == "min":
                return const(min(vals), type_, span)
            if fn == "max":
                return const(max(vals), type_, span)
            return const(_MATH[fn](float(vals[0])), type_, span)
        except ConstantRangeError:
            raise
        except (ValueError, OverflowError):
            pass  # log(-1): left for run time, where it gives NaN like the kernels
    return Call(fn, tuple(args), type_, span=span)


def select(cond: Expr, a: Expr, b: Expr, type_: str, span: Span | None = None) -> Expr:
    if ERROR in (cond.type, a.type, b.type):
        return Const(0, ERROR, span=span)
    if isinstance(cond, Const):
        chosen = a if cond.value else b
        return chosen if chosen.type == type_ else promote(chosen, type_)
    if a == b and a.type == type_:
        return a
    return Select(cond, a, b, type_, span=span)


def promote(e: Expr, type_: str) -> Expr:
    """``e`` as ``type_`` (int -> float promotion is the only implicit conversion)."""
    if e.type == type_ or e.type == ERROR:
        return e
    if isinstance(e, Const) and type_ == FLOAT:
        return const(e.value, FLOAT, e.span)
    # Multiplying by 1.0 makes the conversion explicit without a new node kind.
    return Binary("*", e, Const(1.0, FLOAT), FLOAT, span=getattr(e, "span", None))


def random_blocks(r: Expr, size: Expr, seed: Expr, span: Span | None = None,
                  shared: Expr | None = None, past: Expr | None = None) -> Expr:
    flags = {n: x for n, x in (("shared", shared), ("past", past)) if x is not None}
    if ERROR in (r.type, size.type, seed.type, *(x.type for x in flags.values())):
        return Const(0, ERROR, span=span)
    if is_const(r, 0):
        return Const(False, BOOL, span=span)
    return RandomBlocks(r, size, seed, span=span, **flags)


# positions (LANGUAGE.md 1.1): the default q_offset = Lk - Lq aligns it bottom-right
CAUSAL = Binary("<=", Var("k"), Var("q"), BOOL)
