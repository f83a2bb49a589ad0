"""Math and loop nests that vectorise on LLVM, for the CPU kernels.

``T.exp`` in a vectorised loop becomes scalar ``expf`` calls, so the kernels use
:func:`exp2`, a polynomial built from PrimExprs. :func:`sin`, :func:`cos`, :func:`tan`
and :func:`sigmoid` are vectorisable float32 versions of those functions (LLVM's ``sinf``
does not vectorise either), accurate to about 2e-7 relative over a wide range; the
kernels do not use them yet (see ``lower.VECTOR_MATH``: TVM's simplifier inlines their
lets, and builds of position-dependent arguments took minutes). :func:`cpu_loops` gives the loop nests
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


# Cephes sinf / cosf on [-pi/4, pi/4]: relative error about 1e-7 in float32.
_SIN_COEFFS = (-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1)
_COS_COEFFS = (2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2)
# pi/2 = _HALF_PI_HI + _HALF_PI_LO: the high part has 27 significant bits, so n * hi is
# exact in float64 for |n| < 2**26 (|x| < 1e8), and x - n * hi is exact (Sterbenz)
_HALF_PI_HI = 1.570796325802803  # 0x1.921fb54p+0
_HALF_PI_LO = 9.920935796805404e-10
_TWO_OVER_PI = 0.6366197723675814
F64 = "float64"
I32, I64 = "int32", "int64"

# No Select below: these functions sit inside score expressions and their derivatives,
# where TVM's simplifier explores every select condition under the others (with the
# let values substituted); a score of tan and sigmoid built in 584 s with selects, 10 s
# without. Choices are bit blends instead, which LLVM vectorises as well.


def _d(v: float):
    return tirx.const(v, F64)


def _i(v: int, dtype=I32):
    return tirx.const(v, dtype)


def _poly(z, coeffs):
    p = _f(coeffs[0])
    for c in coeffs[1:]:
        p = p * z + _f(c)
    return p


def _bits(x):
    return tirx.reinterpret(I32, x)


def _blend(a, b, mask):
    """float32 ``b`` where the int32 ``mask`` is all ones, ``a`` where it is 0."""
    return tirx.reinterpret(F32, tirx.bitwise_xor(_bits(a), tirx.bitwise_and(tirx.bitwise_xor(_bits(a), _bits(b)), mask)))


def _flip_sign(x, bit):
    """x with its sign flipped where the int32 ``bit`` is 1."""
    return tirx.reinterpret(F32, tirx.bitwise_xor(_bits(x), tirx.shift_left(bit, _i(31))))


def _nan_where(x, flag):
    """float32 x, made NaN where the bool ``flag`` holds (bits, no select)."""
    mask = -tirx.Cast(I32, flag)
    return tirx.reinterpret(F32, tirx.bitwise_or(_bits(x), tirx.bitwise_and(mask, _i(0x7FC00000))))


def _quadrant_parts(x, body):
    """``body(s, c, j)`` with ``x = j * pi/2 + r`` (|r| <= pi/4), ``s = sin r``,
    ``c = cos r`` in float32 and the quadrant ``j`` in 0..3 as an int32.

    The reduction runs in float64 with pi/2 in two parts: r is then correct to float32
    rounding for |x| up to about 1e8 (beyond, n * hi is no longer exact and the error
    grows with |x|), also next to the zeros of sin and cos, where a float32 reduction
    loses the relative accuracy. Past about 2**60 the reduction means nothing; r is
    clamped to +-0.8 so that the result stays bounded. An infinite or NaN x gives NaN.
    j is read from the bits of j + 4.0 (4 <= j + 4 < 8: bits 50 and 51 of the float64),
    not by a float to int conversion, which is undefined for NaN."""
    xd = tirx.Var("sc_x", F64)
    nv = tirx.Var("sc_n", F64)
    rv = tirx.Var("sc_r", F32)
    zv = tirx.Var("sc_z", F32)
    jv = tirx.Var("sc_j", I32)
    sv = tirx.Var("sc_s", F32)
    cv = tirx.Var("sc_c", F32)
    reduced = (xd - nv * _d(_HALF_PI_HI)) - nv * _d(_HALF_PI_LO)
    reduced = tirx.min(tirx.max(reduced, _d(-0.8)), _d(0.8))
    jf = nv - _d(4.0) * tirx.floor(nv * _d(0.25)) + _d(4.0)
    j = tirx.Cast(I32, tirx.bitwise_and(tirx.shift_right(tirx.reinterpret(I64, jf), _i(50, I64)), _i(3, I64)))
    s = _poly(zv, _SIN_COEFFS) * zv * rv + rv
    c = _poly(zv, _COS_COEFFS) * zv * zv - _f(0.5) * zv + _f(1.0)
    inner = tirx.Let(sv, s, tirx.Let(cv, c, _nan_where(body(sv, cv, jv), tirx.Not(tirx.isfinite(xd)))))
    return tirx.Let(xd, tirx.Cast(F64, x), tirx.Let(
        nv, tirx.floor(xd * _d(_TWO_OVER_PI) + _d(0.5)), tirx.Let(
            jv, j, tirx.Let(rv, tirx.Cast(F32, reduced), tirx.Let(zv, rv * rv, inner)))))


def _odd_mask(j):
    return -tirx.bitwise_and(j, _i(1))  # all ones where j is odd


def sin(x) -> tirx.PrimExpr:
    """sin x in float32 (quadrant j: sin r, cos r, -sin r, -cos r)."""
    def body(s, c, j):
        return _flip_sign(_blend(s, c, _odd_mask(j)), tirx.shift_right(j, _i(1)))
    return _quadrant_parts(x, body)


def cos(x) -> tirx.PrimExpr:
    """cos x in float32 (quadrant j: cos r, -sin r, -cos r, sin r)."""
    def body(s, c, j):
        j1 = tirx.bitwise_and(j + _i(1), _i(3))
        return _flip_sign(_blend(s, c, _odd_mask(j1)), tirx.shift_right(j1, _i(1)))
    return _quadrant_parts(x, body)


def tan(x) -> tirx.PrimExpr:
    """tan x in float32: tan r in even quadrants, -cot r = -cos r / sin r in odd ones
    (one reduction for both, and no cancellation near the poles)."""
    def body(s, c, j):
        odd = _odd_mask(j)
        return _flip_sign(_blend(s, c, odd) / _blend(c, s, odd), tirx.bitwise_and(j, _i(1)))
    return _quadrant_parts(x, body)


def _exp_nonpositive(x) -> tirx.PrimExpr:
    """exp(x) for x <= 0 (or -inf) in float32, relative error about 2e-7 down to the
    smallest normal float (0 below it). ``exp2(x * log2 e)`` alone would round
    ``x * log2 e`` to float32 first, an error of up to ulp(126) / 2 in the exponent (3e-6
    relative at x = -67); here t = x * log2 e is split in float64 into an integer n and
    f in [-0.5, 0.5], 2**f is the exp2 polynomial and 2**n is made from its bits (0 for
    n <= -127). A NaN x gives a finite value: the caller marks it."""
    tv = tirx.Var("ex_t", F64)
    nv = tirx.Var("ex_n", F64)
    fv = tirx.Var("ex_f", F32)
    poly = _f(_EXP2_COEFFS[0])
    for c in _EXP2_COEFFS[1:]:
        poly = poly * fv + _f(c)
    poly = poly * fv + _f(1.0)
    biased = tirx.Cast(I32, tirx.max(nv, _d(-127.0))) + _i(127)  # 0 (a zero scale) below the normals
    scale = tirx.reinterpret(F32, tirx.shift_left(biased, _i(23)))
    t = tirx.max(tirx.Cast(F64, x) * _d(LOG2E), _d(-150.0))  # -inf (and NaN) clamped: f stays finite
    return tirx.Let(tv, t, tirx.Let(nv, tirx.floor(tv + _d(0.5)), tirx.Let(
        fv, tirx.Cast(F32, tv - nv), poly * scale)))


def sigmoid(x) -> tirx.PrimExpr:
    """1 / (1 + exp(-x)) in float32, as e / (1 + e) for x < 0 with e = exp(-|x|) (no
    overflow, and relative accuracy for large negative x, down to the point where exp
    flushes to 0); -inf gives 0, +inf 1, NaN stays NaN."""
    xv = tirx.Var("sg_x", F32)
    ev = tirx.Var("sg_e", F32)
    negative = tirx.shift_right(_bits(xv), _i(31))  # all ones where the sign bit is set
    value = _blend(_f(1.0), ev, negative) / (_f(1.0) + ev)
    return tirx.Let(xv, x, tirx.Let(ev, _exp_nonpositive(-tirx.abs(xv)), _nan_where(value, tirx.isnan(xv))))
