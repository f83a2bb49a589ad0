"""Symbolic differentiation of a score expression with respect to ``score``, and with
respect to the value of a float input's load (learnable inputs, :func:`load_derivative`).

The backward kernels need d(score_expr)/d(score) at every kept element: ALiBi
(``score - slope * (q - k)``) gives 1, softcap (``cap * tanh(score / cap)``) gives
``1 - tanh(score / cap) ** 2``; sin -> cos, cos -> -sin, tan -> 1 + tan ** 2,
sigmoid -> sigmoid * (1 - sigmoid). The result is a new IR expression over the same names
(it may read ``score``), built with 0/1 folding so simple patterns stay simple.

Int and bool sub-expressions never depend on ``score`` (the language has no float to
int conversion), so their derivative is 0; ``//`` and ``%`` are piecewise constant.
"""

from __future__ import annotations

from spdsl.ir import nodes as ir

F = ir.FLOAT
ZERO = ir.Const(0.0, F)
ONE = ir.Const(1.0, F)


def _is_const(e, value) -> bool:
    return isinstance(e, ir.Const) and e.type != ir.BOOL and float(e.value) == value


def _as_float(e: ir.Expr) -> ir.Expr:
    if e.type == F:
        return e
    if isinstance(e, ir.Const):
        return ir.Const(float(e.value), F)
    return ir.Binary("*", ONE, e, F)  # int -> float promotion, as the language does


def add(a, b):
    if _is_const(a, 0):
        return b
    if _is_const(b, 0):
        return a
    return ir.Binary("+", a, b, F)


def sub(a, b):
    if _is_const(b, 0):
        return a
    if _is_const(a, 0):
        return neg(b)
    return ir.Binary("-", a, b, F)


def mul(a, b):
    if _is_const(a, 0) or _is_const(b, 0):
        return ZERO
    if _is_const(a, 1):
        return _as_float(b)
    if _is_const(b, 1):
        return _as_float(a)
    return ir.Binary("*", a, b, F)


def div(a, b):
    if _is_const(a, 0):
        return ZERO
    if _is_const(b, 1):
        return _as_float(a)
    return ir.Binary("/", a, b, F)


def neg(a):
    if _is_const(a, 0):
        return ZERO
    return ir.Unary("neg", a, F)


def _call(fn, *args):
    return ir.Call(fn, tuple(args), F)


def _binary_rule(e: ir.Binary, da, db):
    a, b = e.a, e.b
    if e.op == "+":
        return add(da, db)
    if e.op == "-":
        return sub(da, db)
    if e.op == "*":
        return add(mul(da, b), mul(a, db))
    if e.op == "/":
        return sub(div(da, b), div(mul(a, db), mul(b, b)))
    if e.op == "**":
        # d(a**b) = b * a**(b-1) * da + a**b * log(a) * db
        term_a = ZERO
        if not _is_const(da, 0):
            b_minus_1 = ir.Binary("-", _as_float(b), ONE, F)
            term_a = mul(mul(_as_float(b), ir.Binary("**", _as_float(a), b_minus_1, F)), da)
        term_b = ZERO
        if not _is_const(db, 0):
            term_b = mul(mul(e, _call("log", _as_float(a))), db)
        return add(term_a, term_b)
    return ZERO  # // % comparisons and logic: piecewise constant in score


def _call_rule(e: ir.Call, dargs):
    x = e.args[0]
    dx = dargs[0]
    if e.fn == "exp":
        return mul(e, dx)
    if e.fn == "log":
        return div(dx, x)
    if e.fn == "tanh":
        return mul(sub(ONE, mul(e, e)), dx)
    if e.fn == "sqrt":
        return div(dx, mul(ir.Const(2.0, F), e))
    if e.fn == "sin":
        return mul(_call("cos", x), dx)
    if e.fn == "cos":
        return mul(neg(_call("sin", x)), dx)
    if e.fn == "tan":
        return mul(add(ONE, mul(e, e)), dx)
    if e.fn == "sigmoid":
        return mul(mul(e, sub(ONE, e)), dx)
    if e.fn == "abs":
        sign = ir.Select(ir.Binary(">=", x, ir.Const(0, x.type), ir.BOOL), ONE, ir.Const(-1.0, F), F)
        return mul(sign, dx)
    if e.fn in ("min", "max"):
        # The derivative follows the argument that wins (the first on ties).
        best, dbest = e.args[0], dargs[0]
        for y, dy in zip(e.args[1:], dargs[1:]):
            if _is_const(dbest, 0) and _is_const(dy, 0):
                best = ir.Call(e.fn, (best, y), e.type)
                continue
            keep = ir.Binary("<=" if e.fn == "min" else ">=", best, y, ir.BOOL)
            dbest = _select(keep, dbest, dy)
            best = ir.Call(e.fn, (best, y), e.type)
        return dbest
    return ZERO


def _select(cond, a, b):
    if a == b:
        return a
    return ir.Select(cond, _as_float(a), _as_float(b), F)


def derivative(e: ir.Expr, var: str = "score") -> ir.Expr:
    """d e / d var as an IR expression (float). Shared nodes are differentiated once."""
    return _differentiate(e, lambda node: isinstance(node, ir.Var) and node.name == var)


def _differentiate(e: ir.Expr, is_var) -> ir.Expr:
    """d e / d x where ``is_var(node)`` marks the float leaves that are x."""
    memo: dict[int, ir.Expr] = {}
    for node in ir.walk(e):
        if node.type != F:
            memo[id(node)] = ZERO
            continue
        if is_var(node):
            memo[id(node)] = ONE
            continue
        d = [memo[id(c)] for c in ir.children(node)]
        if isinstance(node, ir.Binary):
            memo[id(node)] = _binary_rule(node, *d)
        elif isinstance(node, ir.Unary) and node.op == "neg":
            memo[id(node)] = neg(d[0])
        elif isinstance(node, ir.Call):
            memo[id(node)] = _call_rule(node, d)
        elif isinstance(node, ir.Select):
            memo[id(node)] = _select(node.cond, d[1], d[2])
        else:  # Const, Index, Param: independent of var
            memo[id(node)] = ZERO
    return memo[id(e)]


# ---- learnable inputs: the derivative with respect to a float input's load ------------


def load_sites(e: ir.Expr | None) -> list[ir.Index]:
    """The distinct loads of float inputs in ``e`` (a score expression), in a stable
    order. Two loads are the same site when they read the same input at equal index
    expressions: they read the same element at every (b, h, q, k)."""
    sites: list[ir.Index] = []
    if e is None:
        return sites
    for node in ir.walk(e, computed=True):
        if isinstance(node, ir.Index) and node.type == F and node not in sites:
            sites.append(node)
    return sites


def load_derivative(e: ir.Expr, site: ir.Index) -> ir.Expr:
    """d e / d (the value ``site`` loads), as an IR expression that may read ``score``
    and the inputs. Every load equal to ``site`` is the same variable (``bias[k] *
    bias[k]`` gives ``2 bias[k]`` in effect); other loads, even of the same input at other
    indices, are independent of it (their contribution goes to other elements)."""
    return _differentiate(e, lambda node: isinstance(node, ir.Index) and node == site)
