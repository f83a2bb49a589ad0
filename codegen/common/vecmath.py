"""Math and loop nests that vectorise on LLVM, for the CPU kernels.

``T.exp`` in a vectorised loop becomes scalar ``expf`` calls, so the kernels use
:func:`exp2`, a polynomial built from PrimExprs. :func:`cpu_loops` gives the loop nests
that the forward, dQ and dK/dV kernels share (task walk, block-kind dispatch, register-tile
products) as TVMScript macros, each written once."""

from __future__ import annotations

from tvm import tirx


F32 = "float32"
LOG2E = 1.4426950408889634
LN2 = 0.6931471805599453

# Cephes exp2f: 2**f on [-0.5, 0.5], relative error about 2e-7.
_EXP2_COEFFS = (
    1.535336188319500e-4,
    1.339887440266574e-3,
    9.618437357674640e-3,
    5.550332471162809e-2,
    2.402264791363012e-1,
    6.931472028550421e-1,
)


def _f(v: float):
    return tirx.const(v, F32)


def exp2(x) -> tirx.PrimExpr:
    """2**x in float32 for x <= 127; exactly 0 for x < -126 (and for -inf); NaN for NaN
    (the clamp alone would turn a NaN into 0 and drop it from a softmax sum)."""
    rv = tirx.Var("e2_r", F32)
    xv = tirx.Var("e2_x", F32)
    nv = tirx.Var("e2_n", F32)
    fv = tirx.Var("e2_f", F32)
    poly = _f(_EXP2_COEFFS[0])
    for c in _EXP2_COEFFS[1:]:
        poly = poly * fv + _f(c)
    poly = poly * fv + _f(1.0)
    bits = tirx.reinterpret("int32", poly) + tirx.shift_left(tirx.Cast("int32", nv), tirx.const(23, "int32"))
    value = tirx.Select(xv < _f(-126.0), _f(0.0), tirx.reinterpret(F32, bits))
    value = tirx.Select(tirx.isnan(rv), rv, value)
    clamped = tirx.min(tirx.max(rv, _f(-127.0)), _f(127.0))
    return tirx.Let(rv, x, tirx.Let(
        xv, clamped, tirx.Let(nv, tirx.floor(xv + _f(0.5)), tirx.Let(fv, xv - nv, value))
    ))
