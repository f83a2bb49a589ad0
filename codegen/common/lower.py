"""Lowering of spdsl IR expressions to TVM TIR ``PrimExpr``s.

The kernels call :func:`lower_expr` with TIR expressions for the index variables
(``b h q k``), the sizes (``B H Lq Lk``) and, inside a score expression, ``score``.
Inputs become buffer loads; every index into an input is clamped into the buffer so
that no generated kernel reads out of bounds, even in the lanes of a vectorised
``select`` whose value is thrown away.

Semantics (LANGUAGE.md, docs/semantics.md): ints are ``Env.int_dtype`` (int32, or int64
where ``spdsl.analysis.overflow.kernel_int_width`` cannot prove int32 enough; a call whose
ints could leave that width is refused before the kernel runs), ``//`` and ``%`` floor
with Python's signs, an integer division or modulo by zero at run time gives 0, ``/`` is
a float division, mixing int and float promotes to float32, ``int ** int`` is exact
(repeated squaring; a negative exponent gives 0), ``float ** float`` is ``pow``.

A division never executes with a zero divisor, in any lane: the divisor is made nonzero
with bit arithmetic (``b | (nz + 1)``, ``nz = (b | -(b & max)) >> (w - 1)``) that TVM's
simplifier cannot see through, not with a ``Select`` on ``b != 0`` (the simplifier folds
that away under an enclosing condition, and a vectorised select runs both arms). In
int32 a run-time divisor divides in float64, exactly (see :func:`_safe_int_div`).

``random_blocks(r, size, seed, shared, past)`` reads a host-made table (see
:func:`random_table_decl`): int8 ``[H, ceil(Lq/size), ceil(Lk/size)]``, 1 where key block
``k // size`` is chosen for query block ``q // size`` of head ``h``. The keyword arguments
only change the table (``spdsl.analysis.random_blocks``), so its key
(``random_blocks.table_key``) and name carry them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

import tvm
from tvm import tirx

from spdsl.analysis.overflow import POW_EXPONENT_CAP
from spdsl.codegen.common import vecmath
from spdsl.ir import nodes as ir

I32, I64, F32, F64, BOOL = "int32", "int64", "float32", "float64", "bool"
DTYPE_OF = {ir.INT: I32, ir.FLOAT: F32, ir.BOOL: BOOL}


class LoweringError(ValueError):
    """The IR holds something the kernel generator cannot lower (an unbound parameter...)."""


@dataclass
class Env:
    """What the names of an expression mean inside a kernel.

    ``vars`` maps ``b h q k B H Lq Lk`` (and ``score``) to TIR expressions; ``inputs``
    maps an input's name to its buffer; ``random_tables`` maps a call's
    :func:`random_blocks_key` to the table buffer of that ``random_blocks`` call.
    """

    vars: Mapping[str, tirx.PrimExpr]
    inputs: Mapping[str, tirx.Buffer] = field(default_factory=dict)
    random_tables: Mapping[tuple, tirx.Buffer] = field(default_factory=dict)
    int_dtype: str = I32


# ----------------------------------------------------------------------------- helpers


def _const(value, dtype):
    return tirx.const(value, dtype)


def dtype_of(x) -> str:
    """The dtype of a PrimExpr (TVM 0.27 keeps it in ``x.ty``)."""
    return str(x.ty.dtype)


def _is_float(x) -> bool:
    return dtype_of(x).startswith("float")


def _to(x, dtype):
    return x if dtype_of(x) == dtype else tirx.Cast(dtype, x)


def _promote(a, b):
    """Both operands as float32 when either is a float, else unchanged."""
    if _is_float(a) or _is_float(b):
        return _to(a, F32), _to(b, F32)
    return a, b


def _const_int(x):
    return int(x.value) if isinstance(x, tirx.IntImm) else None


def _nonzero_mask(b):
    """-1 where the int b is not 0, 0 where it is: the sign bit of b | -(b & max).

    b & max drops b's sign bit, so negating it never overflows (``-b`` does for the
    smallest int, and LLVM's no-wrap flags then made 1 // INT_MIN come out 0, not -1).
    No comparison either, for the simplifier to fold under an enclosing condition that
    implies b != 0 (a vectorised select computes both arms)."""
    dt = dtype_of(b)
    bits = 64 if dt == I64 else 32
    low = tirx.bitwise_and(b, _const(2 ** (bits - 1) - 1, dt))
    return tirx.shift_right(tirx.bitwise_or(b, -low), _const(bits - 1, dt))


def _safe_int_div(a, b, op):
    """floordiv / floormod with x // 0 == x % 0 == 0 at run time, never dividing by 0.

    A run-time divisor b is replaced by 1 where it is 0, and the quotient masked with nz
    (:func:`_nonzero_mask`). Both ways below are exact and write no ``Select``: TVM's
    own floordiv / floormod (a select between q and q - 1) made LLVM take minutes over
    the backward kernels' loops (an int64 ``(q * 7) % (q - k)`` in a score: 170 s; three
    nested divisions in a mask: 13 minutes for the forward kernel).

    int32 divides in float64: a, b and a - q * b are exact in float64, and the rounded
    quotient of two ints below 2**31 is within |a / b| * 2**-53 < 1 / |b| of the exact
    one, so it never crosses an integer and its floor is the floor. It vectorises (x86
    has no vector integer division; LLVM splits one into a division per lane). int64
    (float64 is not exact beyond 2**53) takes the truncated quotient and remainder and
    steps down by one where the remainder is nonzero and of the other sign than b."""
    dt = dtype_of(a)
    c = _const_int(b)
    if c is not None:
        return _const(0, dt) if c == 0 else op(a, b)
    nz = _nonzero_mask(b)
    # b where b != 0, 1 where b == 0 (a % 1 == 0: the modulo needs no mask); with | and
    # not b + 1 + nz, which the simplifier reorders into b + nz + 1, overflowing for INT_MIN
    safe = tirx.bitwise_or(b, nz + _const(1, dt))
    if dt == I32:
        fa, fb = tirx.Cast(F64, a), tirx.Cast(F64, safe)
        fq = tirx.floor(fa / fb)
        if op is tirx.floordiv:
            return tirx.bitwise_and(tirx.Cast(dt, fq), nz)
        return tirx.Cast(dt, fa - fq * fb)
    rem = tirx.truncmod(a, safe)
    # -1 where rem != 0 and rem, safe differ in sign (|rem| < |safe|: -rem cannot overflow)
    down = tirx.shift_right(tirx.bitwise_and(tirx.bitwise_xor(rem, safe), tirx.bitwise_or(rem, -rem)),
                            _const(63, dt))
    if op is tirx.floordiv:
        return tirx.bitwise_and(tirx.truncdiv(a, safe) + down, nz)
    return rem + tirx.bitwise_and(safe, down)


def _int_pow(a, b, cap: int):
    """a ** b exactly for an int exponent b; 0 where b < 0. A run-time exponent is
    clamped to at most ``cap`` keeping its parity: beyond it every base but -1, 0, 1
    overflows, which the call-time check refuses (spdsl.analysis.overflow).

    A run-time exponent e takes one step per bit of ``cap`` (5 for int32, 6 for int64):
    result *= (bit i of e ? a ** 2**i : 1), each operand written once per step, so the
    expression grows linearly (the previous form, a select between the squared and the
    unsquared base at every step, used the base three times a step: 3**6 copies that
    TVM's passes and LLVM took 160 s to build), and the choice is bit masks, not a
    ``Select`` (selects in a score made LLVM take 110 s over the backward kernels).
    Each square is taken of the previous one clamped to +-isqrt(max): a square beyond
    that is never needed (a ** e would overflow, and the call is refused), so no product
    overflows, needed or not. A constant base has constant squares; +-2**j a shift."""
    dt = dtype_of(a)
    one, zero = _const(1, dt), _const(0, dt)
    c = _const_int(b)
    if c is not None:
        if c < 0:
            return zero
        result, base = one, a
        while c:  # exponentiation by squaring, unrolled at compile time
            if c & 1:
                result = base if _const_int(result) == 1 else result * base
            c >>= 1
            if c:
                base = base * base
        return result
    bits = 64 if dt == I64 else 32
    top = 2 ** (bits - 1) - 1
    root = _const(math.isqrt(top), dt)
    e = tirx.max(tirx.min(b, _const(cap - 1, dt) + tirx.bitwise_and(b, one)), zero)
    negative = tirx.bitwise_not(tirx.shift_right(b, _const(bits - 1, dt)))  # 0 where b < 0
    ca = _const_int(a)
    if ca is not None and abs(ca) >= 2 and abs(ca) & (abs(ca) - 1) == 0:
        # +-2**j: a shift, kept below the width (a larger one overflows: refused anyway)
        shift = tirx.min(e * _const(abs(ca).bit_length() - 1, dt), _const(bits - 1, dt))
        result = tirx.shift_left(one, shift)
        if ca < 0:  # negated where e is odd: (x ^ -1) + 1 == -x
            odd = -tirx.bitwise_and(e, one)
            result = tirx.bitwise_xor(result, odd) - odd
        return tirx.bitwise_and(result, negative)
    result, base = one, a
    for i in range(cap.bit_length()):
        if ca is not None:  # 0 stands for a square too large to be needed
            square = ca ** (2**i)
            base = _const(square if abs(square) <= top else 0, dt)
        elif i:
            clamped = tirx.max(tirx.min(base, root), -root)
            base = clamped * clamped
        # all ones where bit i of e is set, else 0: the factor is base there, else 1
        ones = -tirx.bitwise_and(tirx.shift_right(e, _const(i, dt)), one)
        result = result * tirx.bitwise_or(tirx.bitwise_and(base, ones), ones + one)
    return tirx.bitwise_and(result, negative)


def _clamp_index(x, extent):
    dt = dtype_of(x)
    return _to(tirx.max(tirx.min(x, _to(extent, dt) - 1), _const(0, dt)), I32)


_ARITH = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}
_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
# TVM's intrinsics, lowered late (LLVM: libm calls, scalar in a vectorised loop; CUDA:
# sinf ...). codegen/common/vecmath.py has vectorisable float32 versions of sin cos tan
# sigmoid (tested to ~2e-7), kept out of the kernels for now: as PrimExprs with lets,
# TVM's simplifier inlines every let and re-analyses the copies, so a backward build of
# `score * sigmoid(0.1 * (q - k))` took 160 s and `score * sin(0.1 * (q - k))` over 300 s
# (10 s with the intrinsics). Using them needs the argument in a statement-level let.
_MATH = {"exp": tirx.exp, "log": tirx.log, "tanh": tirx.tanh, "sqrt": tirx.sqrt,
         "sin": tirx.sin, "cos": tirx.cos, "tan": tirx.tan, "sigmoid": tirx.sigmoid}
VECTOR_MATH = {"sin": vecmath.sin, "cos": vecmath.cos, "tan": vecmath.tan, "sigmoid": vecmath.sigmoid}


# ----------------------------------------------------------------------------- lowering


def _lower_binary(e: ir.Binary, a, b, env: Env):
    op = e.op
    if op in _ARITH:
        a, b = _promote(a, b)
        return _ARITH[op](a, b)
    if op == "/":
        return _to(a, F32) / _to(b, F32)
    if op == "//":
        return _safe_int_div(a, b, tirx.floordiv)
    if op == "%":
        return _safe_int_div(a, b, tirx.floormod)
    if op == "**":
        if e.type == ir.INT:
            return _int_pow(a, b, POW_EXPONENT_CAP[env.int_dtype])
        return tirx.pow(_to(a, F32), _to(b, F32))
    if op in _COMPARE:
        a, b = _promote(a, b)
        return _COMPARE[op](a, b)
    if op == "and":
        return tirx.And(a, b)
    if op == "or":
        return tirx.Or(a, b)
    raise LoweringError(f"unknown binary operator {op!r}")


def _lower_call(e: ir.Call, args):
    fn = e.fn
    if fn in _MATH:
        return _MATH[fn](_to(args[0], F32))
    if fn == "abs":
        x = args[0]
        if _is_float(x):
            return tirx.abs(x)
        # not TVM's int abs, select(x >= 0, x, -x): in the backward kernels' loops that
        # took LLVM 25 s per kernel (score * (1.0 + abs(q - k))), max 3 s
        return tirx.max(x, -x)
    if fn in ("min", "max"):
        result = args[0]
        for x in args[1:]:
            result, x = _promote(result, x)
            result = tirx.min(result, x) if fn == "min" else tirx.max(result, x)
        return result
    raise LoweringError(f"unknown function {fn!r}")


def _lower_random_blocks(e: ir.RandomBlocks, env: Env, memo: dict):
    key = random_blocks_key(e)
    table = env.random_tables.get(key)
    if table is None:
        raise LoweringError(f"no table for random_blocks{key}")
    if e.qpos is None:
        raise LoweringError("random_blocks: rewrite the pattern over rows first (spdsl.ir.positions)")
    size = key[1]  # at most 2**31 - 1 (checked by the front end)
    h, q, k = env.vars["h"], memo[id(e.qpos)], memo[id(e.kpos)]
    qb = tirx.floordiv(q, _const(size, dtype_of(q)))
    kb = tirx.floordiv(k, _const(size, dtype_of(k)))
    idx = [
        _clamp_index(h, table.shape[0]),
        _clamp_index(qb, table.shape[1]),
        _clamp_index(kb, table.shape[2]),
    ]
    # a negative position, or a key block past the table's ceil(Lk / size), is never chosen
    zero = _const(0, dtype_of(qb))
    inside = tirx.And(tirx.And(qb >= zero, kb >= zero), kb < _to(table.shape[2], dtype_of(kb)))
    return tirx.And(inside, tirx.BufferLoad(table, idx) != _const(0, "int8"))


def _lower_node(e: ir.Expr, kids: list, env: Env):
    if isinstance(e, ir.Const):
        return _const(e.value, env.int_dtype if e.type == ir.INT else DTYPE_OF[e.type])
    if isinstance(e, ir.Var):
        if e.name not in env.vars:
            raise LoweringError(f"variable {e.name!r} is not available here")
        x = env.vars[e.name]
        return x if e.name == "score" else _to(x, env.int_dtype)
    if isinstance(e, ir.Param):
        raise LoweringError(f"parameter {e.name!r} must be bound before compiling")
    if isinstance(e, ir.Index):
        buf = env.inputs.get(e.input.name)
        if buf is None:
            raise LoweringError(f"input {e.input.name!r} was not declared to the kernel")
        idx = [_clamp_index(x, ext) for x, ext in zip(kids, buf.shape)]
        value = tirx.BufferLoad(buf, idx)
        return _to(value, env.int_dtype) if e.type == ir.INT else value
    if isinstance(e, ir.Unary):
        return tirx.Not(kids[0]) if e.op == "not" else -kids[0]
    if isinstance(e, ir.Binary):
        return _lower_binary(e, kids[0], kids[1], env)
    if isinstance(e, ir.Call):
        return _lower_call(e, kids)
    if isinstance(e, ir.Select):
        a, b = _promote(kids[1], kids[2])
        return tirx.Select(kids[0], a, b)
    if isinstance(e, ir.RandomBlocks):
        return _lower_random_blocks(e, env)
    raise LoweringError(f"cannot lower {type(e).__name__}")


def flat_input_index(e: ir.Index, env: Env) -> tirx.PrimExpr:
    """The element an input load ``e`` reads, as a row-major offset into its buffer
    (int32, each index clamped as the load clamps it): where a learnable input's
    gradient goes (``codegen/common/input_grads.py``). The caller keeps the input's
    size below 2**31."""
    buf = env.inputs.get(e.input.name)
    if buf is None:
        raise LoweringError(f"input {e.input.name!r} was not declared to the kernel")
    flat = None
    for arg, extent in zip(e.args, buf.shape):
        i = _clamp_index(lower_expr(arg, env), extent)
        flat = i if flat is None else flat * _to(extent, I32) + i
    return flat if flat is not None else _const(0, I32)


def lower_expr(e: ir.Expr, env: Env) -> tirx.PrimExpr:
    """``e`` as a TIR expression (``env.int_dtype``, float32 or bool) under ``env``.

    Shared sub-expressions (``let``s) are lowered once and the same PrimExpr object is
    reused, so the TIR stays a DAG of the same size as the IR.
    """
    memo: dict[int, tirx.PrimExpr] = {}
    for node in ir.walk(e, computed=True):
        if isinstance(node, ir.RandomBlocks):
            memo[id(node)] = _lower_random_blocks(node, env, memo)
            continue
        kids = [memo[id(c)] for c in ir.children(node)]
        memo[id(node)] = _lower_node(node, kids, env)
    return memo[id(e)]


# ----------------------------------------------------------------------------- buffers


def random_blocks_key(e: ir.RandomBlocks) -> tuple:
    """``(r, size, seed)`` of a random_blocks call, ``(r, size, seed, shared, past)`` when
    a keyword argument is true (``random_blocks.table_key``); all must be folded constants."""
    from spdsl.analysis.random_blocks import call_key

    try:
        key = call_key(e)
    except ValueError as err:
        raise LoweringError(str(err).replace(" after binding", "")) from None
    if key[1] <= 0:
        raise LoweringError("random_blocks: size must be positive")
    return key


def random_table_name(key: tuple) -> str:
    """The table buffer's name: ``rb_{r}_{size}_{seed}``, then ``_shared`` / ``_past``."""
    r, size, seed = key[:3]
    flags = "".join(f"_{n}" for n, on in zip(("shared", "past"), key[3:]) if on)
    return f"rb_{r}_{size}_{seed}{flags}"


def random_blocks_used(*exprs: ir.Expr | None) -> list[tuple]:
    """The distinct keys (:func:`random_blocks_key`) used by the expressions, in a stable order."""
    keys: list[tuple] = []
    for e in exprs:
        if e is None:
            continue
        for n in ir.walk(e):
            if isinstance(n, ir.RandomBlocks):
                key = random_blocks_key(n)
                if key not in keys:
                    keys.append(key)
    return keys


def inputs_used(*exprs: ir.Expr | None) -> dict[str, ir.InputDecl]:
    """The inputs read by the expressions, sorted by name (the kernel's argument order)."""
    found: dict[str, ir.InputDecl] = {}
    for e in exprs:
        if e is not None:
            found.update(ir.inputs_read(e))
    return dict(sorted(found.items()))


def input_buffer(decl: ir.InputDecl, sizes: Mapping[str, tirx.PrimExpr]) -> tirx.Buffer:
    """A buffer for ``input NAME : int[DIMS]`` whose size dims are the kernel's size vars
    (a dim that is an expression of the sizes, ``Lq // 64``, is that expression of them)."""
    shape = [sizes[d] if isinstance(d, str) else int(d) if isinstance(d, int)
             else lower_expr(d, Env(dict(sizes), {}, {}, I32)) for d in decl.dims]
    return tirx.decl_buffer(shape, DTYPE_OF[decl.dtype], name=f"in_{decl.name}")


def random_table_decl(key: tuple, heads) -> tirx.Buffer:
    """The table buffer of ``random_blocks(r, size, seed, ...)``: int8 ``[H, nq, nk]``."""
    name = random_table_name(key)
    nq = tirx.Var(f"rb{name[3:]}_nq", I32)
    nk = tirx.Var(f"rb{name[3:]}_nk", I32)
    return tirx.decl_buffer((heads, nq, nk), "int8", name=name)


def dtype_cast(x, dtype: str):
    """``x`` cast to ``dtype`` (unchanged when it already has it)."""
    return _to(x, dtype)


@dataclass(frozen=True)
class KernelExtras:
    """What a kernel takes after its fixed arguments, read off the IR alone (no TIR): the
    pattern's inputs sorted by name (declared ones too: they are arguments whether or not
    the expressions read them), then one table per random_blocks call."""

    inputs: dict
    random_keys: list


def kernel_extras(mask, score, input_decls=()) -> KernelExtras:
    decls = inputs_used(mask, score)
    for decl in input_decls or ():
        decls.setdefault(decl.name, decl)
    return KernelExtras(dict(sorted(decls.items())), random_blocks_used(mask, score))
