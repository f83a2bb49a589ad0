"""Interval analysis against enumeration, and the block classifier against the dense mask."""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from spdsl.ir import nodes as ir
from spdsl.analysis.blocks import classify
from spdsl.analysis.layout_stats import layout_stats
from spdsl.analysis.evaluate import dense_mask, evaluate_points
from spdsl.analysis.intervals import EMPTY, FULL, PARTIAL, Context, Regions, evaluate_regions, value_range
from spdsl.ir.nodes import Binary, Call, Const, Index, InputDecl, RandomBlocks, Select, Unary, Var

# the analysis binds rows (qi, ki); positions are rewritten into rows before it runs
q, k, h, b = Var("qi"), Var("ki"), Var("h"), Var("b")
Lq, Lk, H = Var("Lq"), Var("Lk"), Var("H")
INT, FLOAT, BOOL = ir.INT, ir.FLOAT, ir.BOOL


def C(v):
    return Const(v, FLOAT if isinstance(v, float) else INT)


def bi(op, x, y):
    if op in ir.COMPARE_OPS or op in ir.LOGIC_OPS:
        t = BOOL
    elif op == "/" or FLOAT in (x.type, y.type):
        t = FLOAT
    else:
        t = INT
    return Binary(op, x, y, t)


def abs_(x):
    return Call("abs", (x,), x.type)


def AND(*xs):
    out = xs[0]
    for x in xs[1:]:
        out = bi("and", out, x)
    return out


def OR(*xs):
    out = xs[0]
    for x in xs[1:]:
        out = bi("or", out, x)
    return out


def NOT(x):
    return Unary("not", x, BOOL)


causal = bi("<=", k, bi("+", q, bi("-", Lk, Lq)))


# ---------------------------------------------------------------------------
# the oracle
# ---------------------------------------------------------------------------
def true_kinds(mask, Lq_, Lk_, H_, B_, bq, bk, inputs=None):
    d = dense_mask(mask, Lq_, Lk_, H_, B_, inputs).numpy()
    nqb, nkb = -(-Lq_ // bq), -(-Lk_ // bk)
    pad = np.full((B_, H_, nqb * bq, nkb * bk), -1, np.int8)
    pad[:, :, :Lq_, :Lk_] = d
    blocks = pad.reshape(B_, H_, nqb, bq, nkb, bk).transpose(0, 1, 2, 4, 3, 5).reshape(B_, H_, nqb, nkb, -1)
    any_t, any_f = (blocks == 1).any(-1), (blocks == 0).any(-1)
    return np.where(any_t & any_f, PARTIAL, np.where(any_t, FULL, EMPTY)), d


def check_layout(mask, Lq_, Lk_, H_=1, B_=1, bq=16, bk=16, inputs=None, exact=True):
    lay = classify(mask, Lq=Lq_, Lk=Lk_, H=H_, B=B_, block_q=bq, block_k=bk, inputs=inputs)
    want, dense = true_kinds(mask, Lq_, Lk_, H_, B_, bq, bk, inputs)
    for bb in range(B_):
        for hh in range(H_):
            got = lay.kinds(bb, hh)
            w = want[bb, hh]
            # sound: FULL and EMPTY are never wrong
            assert not ((got == FULL) & (w != FULL)).any(), (bb, hh)
            assert not ((got == EMPTY) & (w != EMPTY)).any(), (bb, hh)
            if exact:
                assert (got == w).all(), (bb, hh, np.argwhere(got != w)[:5])
            lay_ = lay.layout(bb, hh)
            assert lay_.row_ptr.dtype == np.int64 and lay_.col_idx.dtype == np.int32
            for r in range(lay.n_qb):  # sorted key blocks per row
                cols = lay_.col_idx[lay_.row_ptr[r]:lay_.row_ptr[r + 1]]
                assert (np.diff(cols) > 0).all()
    return lay, dense


# ---------------------------------------------------------------------------
# intervals against enumeration
# ---------------------------------------------------------------------------
SIZES = dict(B=2, H=3, Lq=13, Lk=11)


def enumerate_region(expr, region, inputs=None):
    (b0, b1), (h0, h1), (q0, q1), (k0, k1) = region
    g = np.meshgrid(*(np.arange(lo, hi + 1) for lo, hi in region), indexing="ij")
    return evaluate_points(expr, *(x.ravel() for x in g), SIZES, inputs)


regions_st = st.tuples(*(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).map(sorted)
                         for n in (SIZES["B"], SIZES["H"], SIZES["Lq"], SIZES["Lk"])))

affine_leaf = st.one_of(st.sampled_from([q, k, b, h, Lq, Lk, H]), st.integers(-6, 6).map(C))


def affine_ext(children):
    return st.one_of(
        st.tuples(st.sampled_from(["+", "-"]), children, children).map(lambda t: bi(*t)),
        st.tuples(children, st.integers(-4, 4)).map(lambda t: bi("*", t[0], C(t[1]))),
        st.tuples(st.integers(-3, 3), children).map(lambda t: bi("*", C(t[0]), t[1])),
        children.map(lambda x: Unary("neg", x, INT)))


affine_st = st.recursive(affine_leaf, affine_ext, max_leaves=8)


def int_ext(children):
    return st.one_of(
        affine_ext(children),
        st.tuples(st.sampled_from(["*", "//", "%"]), children, children).map(lambda t: bi(*t)),
        st.tuples(st.sampled_from(["//", "%"]), children, st.integers(-7, 7).filter(bool))
          .map(lambda t: bi(t[0], t[1], C(t[2]))),
        children.map(abs_),
        st.tuples(st.sampled_from(["min", "max"]), children, children).map(
            lambda t: Call(t[0], (t[1], t[2]), INT)),
        st.tuples(children, children, children, children).map(
            lambda t: Select(bi("<", t[0], t[1]), t[2], t[3], INT)),
        st.tuples(children, st.integers(0, 3)).map(lambda t: bi("**", t[0], C(t[1]))))


int_st = st.recursive(affine_leaf, int_ext, max_leaves=7)


def float_from(x):
    return st.one_of(
        st.just(bi("/", x, C(3))),
        st.just(Call("exp", (bi("/", x, C(4)),), FLOAT)),
        st.just(Call("tanh", (bi("*", x, C(0.3)),), FLOAT)),
        st.just(Call("log", (bi("+", x, C(0.5)),), FLOAT)),
        st.just(Call("sqrt", (bi("-", x, C(1)),), FLOAT)),
        st.just(bi("**", C(2.0), bi("/", x, C(5)))),
        st.just(bi("-", bi("*", x, C(0.1)), C(0.7))))


float_st = int_st.flatmap(float_from)

CMPS = st.sampled_from(list(ir.COMPARE_OPS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(affine_st, regions_st)
def test_affine_intervals_are_exact(expr, region):
    vals = enumerate_region(expr, region)
    R = Regions.make(**{v: lo for v, (lo, _) in zip("bhqk", region)},
                     **{v + "_hi": hi for v, (_, hi) in zip("bhqk", region)})
    out = evaluate_regions(expr, R, Context(SIZES))
    assert out.valid[0]
    assert out.lo[0] == vals.min() and out.hi[0] == vals.max()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(int_st, float_st), regions_st)
def test_numeric_intervals_are_sound(expr, region):
    vals = enumerate_region(expr, region).astype(np.float64)
    R = Regions.make(**{v: lo for v, (lo, _) in zip("bhqk", region)},
                     **{v + "_hi": hi for v, (_, hi) in zip("bhqk", region)})
    out = evaluate_regions(expr, R, Context(SIZES))
    if out.valid[0]:
        assert not np.isnan(vals).any()
        assert out.lo[0] <= vals.min() and vals.max() <= out.hi[0], (out.lo[0], out.hi[0], vals)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(st.one_of(int_st, float_st), CMPS, st.one_of(int_st, float_st)), regions_st)
def test_comparison_classes_are_sound(parts, region):
    expr = bi(parts[1], parts[0], parts[2])
    vals = enumerate_region(expr, region)
    R = Regions.make(**{v: lo for v, (lo, _) in zip("bhqk", region)},
                     **{v + "_hi": hi for v, (_, hi) in zip("bhqk", region)})
    cls = evaluate_regions(expr, R, Context(SIZES))[0]
    if cls == FULL:
        assert vals.all()
    if cls == EMPTY:
        assert not vals.any()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(affine_st, CMPS, affine_st, regions_st)
def test_affine_comparisons_are_exact(x, op, y, region):
    assume(op not in ("==", "!="))  # equality of affine forms is only exact up to gcd arguments
    expr = bi(op, x, y)
    vals = enumerate_region(expr, region)
    R = Regions.make(**{v: lo for v, (lo, _) in zip("bhqk", region)},
                     **{v + "_hi": hi for v, (_, hi) in zip("bhqk", region)})
    cls = evaluate_regions(expr, R, Context(SIZES))[0]
    want = FULL if vals.all() else EMPTY if not vals.any() else PARTIAL
    assert cls == want


def test_value_range_whole_domain():
    sizes = dict(B=1, H=2, Lq=100, Lk=300)
    assert value_range(bi("-", q, k), sizes) == (-299, 99, True)
    assert value_range(bi("+", bi("-", q, k), k), sizes) == (0, 99, True)
    assert value_range(bi("+", q, bi("-", Lk, Lq)), sizes) == (200, 299, True)
    assert value_range(bi("%", bi("-", q, k), C(7)), sizes) == (0, 6, True)
    assert value_range(causal, sizes) == PARTIAL
    assert value_range(bi("<", q, Lq), sizes) == FULL
    lo, hi, ok = value_range(Call("log", (bi("-", q, C(1)),), FLOAT), sizes)
    assert not ok


def test_index_intervals_use_range_queries():
    rng = np.random.default_rng(1)
    doc = rng.integers(-50, 50, size=(2, 37))
    decl = InputDecl("doc", INT, ("B", "Lk"))
    e = Index(decl, (b, k))
    sizes = dict(B=2, H=1, Lq=37, Lk=37)
    lo = rng.integers(0, 37, 200)
    hi = np.minimum(lo + rng.integers(0, 20, 200), 36)
    bb = rng.integers(0, 2, 200)
    out = evaluate_regions(e, Regions.make(b=bb, k=lo, k_hi=hi), Context(sizes, {"doc": doc}))
    for i in range(200):
        seg = doc[bb[i], lo[i]:hi[i] + 1]
        assert out.lo[i] == seg.min() and out.hi[i] == seg.max()


# ---------------------------------------------------------------------------
# the classifier against the dense mask
# ---------------------------------------------------------------------------
def atom_st():
    small = st.integers(-3, 3)
    linear = st.tuples(small, small, st.integers(-40, 40), CMPS, st.integers(-40, 40)).map(
        lambda t: bi(t[3], bi("+", bi("+", bi("*", C(t[0]), q), bi("*", C(t[1]), k)), C(t[2])), C(t[4])))
    modular = st.tuples(st.integers(1, 9), st.integers(0, 8)).map(
        lambda t: bi("==", bi("%", bi("-", q, k), C(t[0])), C(t[1] % t[0])))
    divided = st.tuples(st.integers(1, 70), CMPS).map(
        lambda t: bi(t[1], bi("//", q, C(t[0])), bi("//", k, C(t[0]))))
    absolute = st.tuples(st.integers(-20, 20), CMPS, st.integers(0, 60)).map(
        lambda t: bi(t[1], abs_(bi("+", bi("-", q, k), C(t[0]))), C(t[2])))
    per_head = st.integers(1, 90).map(
        lambda w: bi("<", bi("-", q, k), Select(bi("<", h, C(1)), C(w), C(w + 37), INT)))
    random = st.tuples(st.integers(0, 4), st.sampled_from([8, 16, 23, 32]), st.integers(0, 5)).map(
        lambda t: RandomBlocks(C(t[0]), C(t[1]), C(t[2])))
    return st.one_of(linear, modular, divided, absolute, per_head, random, st.just(causal))


def bool_ext(children):
    return st.one_of(
        st.tuples(st.sampled_from(["and", "or"]), children, children).map(lambda t: bi(*t)),
        children.map(NOT),
        st.tuples(children, children, children).map(lambda t: Select(t[0], t[1], t[2], BOOL)))


mask_st = st.recursive(atom_st(), bool_ext, max_leaves=4)
shape_st = st.sampled_from([(300, 300, 16, 16), (300, 300, 64, 64), (100, 300, 16, 16),
                            (300, 100, 16, 32), (37, 53, 7, 5), (130, 70, 64, 16)])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mask_st, shape_st)
def test_classifier_is_exact_on_affine_programs(mask, shape):
    Lq_, Lk_, bq, bk = shape
    check_layout(mask, Lq_, Lk_, H_=2, bq=bq, bk=bk)


# LANGUAGE.md examples, built by hand
def sliding_window(window=256):
    return AND(causal, bi("<", bi("-", q, k), C(window)))


def longformer(window=512, globals_=32):
    local = bi("<=", abs_(bi("-", q, k)), bi("//", C(window), C(2)))
    glob = OR(bi("<", q, C(globals_)), bi("<", k, C(globals_)))
    return OR(local, glob)


def bigbird(size=64, window=3, globals_=2, random=3, seed=0):
    qb, kb = bi("//", q, C(size)), bi("//", k, C(size))
    return OR(bi("<=", abs_(bi("-", qb, kb)), bi("//", C(window), C(2))), bi("<", qb, C(globals_)),
              bi("<", kb, C(globals_)), RandomBlocks(C(random), C(size), C(seed)))


def strided(stride=128):
    d = bi("-", q, k)
    return AND(causal, OR(bi("<", d, C(stride)), bi("==", bi("%", d, C(stride)), C(0))))


def fixed(stride=128, c=8):
    return AND(causal, OR(bi("==", bi("//", q, C(stride)), bi("//", k, C(stride))),
                          bi(">=", bi("%", k, C(stride)), bi("-", C(stride), C(c)))))


def dilated(window=512, dilation=2):
    d = bi("-", q, k)
    return AND(causal, bi("<", d, bi("*", C(window), C(dilation))), bi("==", bi("%", d, C(dilation)), C(0)))


def prefix_lm(prefix=256):
    return OR(causal, bi("<", k, C(prefix)))


DOC = InputDecl("doc", INT, ("B", "Lk"))


def documents():
    return AND(causal, bi("==", Index(DOC, (b, q)), Index(DOC, (b, k))))


def neighborhood_2d(width=64, radius=3):
    return AND(bi("<=", abs_(bi("-", bi("//", q, C(width)), bi("//", k, C(width)))), C(radius)),
               bi("<=", abs_(bi("-", bi("%", q, C(width)), bi("%", k, C(width)))), C(radius)))


def streaming(window=1024, sinks=4):
    return AND(causal, OR(bi("<", k, C(sinks)), bi("<", bi("-", q, k), C(window))))


def per_head_window():
    return AND(causal, bi("<", bi("-", q, k), Select(bi("<", h, bi("//", H, C(2))), C(128), C(1024), INT)))


EXAMPLES = {
    "sliding_window": sliding_window(40), "longformer": longformer(50, 7),
    "bigbird": bigbird(16, 3, 2, 3, 1), "strided": strided(24), "fixed": fixed(32, 5),
    "dilated": dilated(40, 3), "prefix_lm": prefix_lm(45), "neighborhood_2d": neighborhood_2d(17, 2),
    "streaming": streaming(60, 4), "per_head_window": per_head_window(),
    "sliding_window_default": sliding_window(), "longformer_default": longformer(),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("shape", [(300, 300, 16, 16), (300, 300, 64, 64), (100, 300, 16, 16),
                                   (300, 300, 128, 64)])
def test_language_examples_are_exact(name, shape):
    Lq_, Lk_, bq, bk = shape
    check_layout(EXAMPLES[name], Lq_, Lk_, H_=4, bq=bq, bk=bk)


@pytest.mark.parametrize("shape", [(300, 300, 16, 16), (300, 300, 64, 32), (100, 300, 16, 16)])
def test_documents_with_runtime_ids(shape):
    Lq_, Lk_, bq, bk = shape
    rng = np.random.default_rng(0)
    doc = np.sort(rng.integers(0, 9, size=(2, Lk_)), axis=1)
    lay, _ = check_layout(documents(), Lq_, Lk_, H_=2, B_=2, bq=bq, bk=bk, inputs={"doc": doc})
    assert lay.head_class.shape == (2, 2) and lay.head_class[0, 0] == lay.head_class[0, 1]


def test_heads_share_layouts():
    lay = classify(per_head_window(), Lq=4096, Lk=4096, H=8, block_q=128, block_k=128)
    assert len(lay.layouts) == 2 and lay.head_class.tolist() == [[0] * 4 + [1] * 4]
    lay = classify(sliding_window(), Lq=4096, Lk=4096, H=8, B=3, block_q=128, block_k=128)
    assert len(lay.layouts) == 1 and lay.head_class.shape == (3, 8)
    c = lay.counts()
    assert c["full"] + c["partial"] + c["empty"] == 3 * 8 * 32 * 32


def test_stats_match_the_dense_mask():
    cases = [(sliding_window(40), 300, 300), (dilated(40, 3), 300, 300),
             (AND(causal, bi(">", bi("-", q, k), C(20))), 300, 300),   # 21 rows with no key
             (AND(bigbird(16), bi("!=", bi("%", k, C(5)), C(0))), 100, 300),
             (AND(bi(">=", q, C(7)), per_head_window()), 130, 257)]
    for mask, Lq_, Lk_ in cases:
        lay = classify(mask, Lq=Lq_, Lk=Lk_, H=4, block_q=16, block_k=32)
        dense = dense_mask(mask, Lq_, Lk_, 4, 1).numpy()
        st_ = layout_stats(mask, lay)
        assert not st_.nonzero_is_estimate and st_.nonzero == dense.sum()
        assert st_.empty_rows_is_exact and st_.empty_rows == (~dense.any(-1)).sum()
        est = layout_stats(mask, lay, exact_limit=10, sample_blocks=10 ** 6)
        assert est.nonzero_is_estimate and est.nonzero == pytest.approx(dense.sum())


def test_sliding_window_at_a_million():
    # how fast: benchmarks/front_end.py
    lay = classify(sliding_window(256), Lq=1 << 20, Lk=1 << 20, H=16, block_q=128, block_k=128)
    n = 1 << 13
    assert lay.counts() == {"full": 16 * (n - 1), "partial": 16 * (2 * n - 2),
                            "empty": 16 * n * n - 16 * (3 * n - 3)}
    assert len(lay.layouts) == 1 and lay.nbytes < 1 << 20
