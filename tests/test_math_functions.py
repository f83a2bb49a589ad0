"""LANGUAGE.md 1.1: the functions ``sin cos tan sigmoid`` and the keyword arguments of
``random_blocks(r, size, seed, shared = false, past = false)``, through every stage.

Math: the vectorised float32 polynomials (codegen/common/vecmath.py) against float64
NumPy over a wide range of arguments, their error held to NumPy's own float32 error;
sound interval bounds against sampling; compiled CPU kernels (forward, dq, dk, dv)
against ``reference_attention`` in float64, their error held to a float32 eager run's;
the CUDA kernels compiled by nvcc and run in CPU emulation (tests/cuda_emu.py).

random_blocks: the NumPy snippet of docs/random_blocks.md, read from the page, against
the module, the reference mask, the layout analysis, FlexAttention and a compiled kernel.
"""

from __future__ import annotations

import pathlib
import shutil

import numpy as np
import pytest

torch = pytest.importorskip("torch")
tvm = pytest.importorskip("tvm")

import spdsl
from conftest import ROOT, assert_within_eager_budget, max_error

FUNCS = ("sin", "cos", "tan", "sigmoid")


def _sigmoid64(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, np.float64)))


NUMPY = {"sin": np.sin, "cos": np.cos, "tan": np.tan,
         "sigmoid": lambda x: np.where(x >= 0, 1, np.exp(-np.abs(x))) / (1 + np.exp(-np.abs(x)))}


# ----------------------------------------------------------------------------- vecmath


def _wide_arguments() -> np.ndarray:
    """float32 arguments: small, moderate, up to 1e7, and next to the zeros and poles
    (multiples of pi/2 up to 3e4), where a float32 range reduction loses its accuracy."""
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.uniform(-10, 10, 20000), rng.uniform(-1e4, 1e4, 20000),
                        rng.uniform(-1e7, 1e7, 10000), np.arange(1, 20001) * (np.pi / 2),
                        -np.arange(1, 4001) * np.pi, rng.uniform(-1e-3, 1e-3, 1000),
                        [0.0, -0.0, 1e-30, 87.0, -87.0, 100.0, -100.0]])
    return x.astype(np.float32)


def _vectorised_kernels(n: int):
    """One LLVM function computing the four functions of X in vectorised loops."""
    from tvm.script import tirx as T
    from spdsl.codegen.common import vecmath as vm

    @T.prim_func
    def f(X: T.Buffer((n,), "float32"), S: T.Buffer((n,), "float32"), C: T.Buffer((n,), "float32"),
          TN: T.Buffer((n,), "float32"), SG: T.Buffer((n,), "float32")):
        for i0 in T.serial(n // 16):
            for i1 in T.vectorized(16):
                S[i0 * 16 + i1] = vm.sin(X[i0 * 16 + i1])
                C[i0 * 16 + i1] = vm.cos(X[i0 * 16 + i1])
                TN[i0 * 16 + i1] = vm.tan(X[i0 * 16 + i1])
                SG[i0 * 16 + i1] = vm.sigmoid(X[i0 * 16 + i1])

    cpu = tvm.target.codegen.llvm_get_system_cpu()
    return tvm.compile(f, target={"kind": "llvm", "mcpu": cpu})


def test_vectorised_functions_match_float64_over_a_wide_range():
    x = _wide_arguments()
    special = np.array([np.inf, -np.inf, np.nan, 3e38, -3e38, -1e30, 1e30, 1e8, -88.0, -90.0, -103.0,
                        -200.0, 40.0, 1.5707964, 3.1415927, 4.712389], np.float32)
    n_body = len(x)
    x = np.concatenate([x, special])
    x = np.concatenate([x, np.zeros(-len(x) % 16, np.float32)])
    mod = _vectorised_kernels(len(x))
    xt = torch.from_numpy(x).clone()  # torch's allocations are 64-byte aligned, as the kernel wants
    outs = [torch.full_like(xt, 7.0) for _ in FUNCS]
    mod(xt, *outs)
    got = dict(zip(FUNCS, (o.numpy() for o in outs)))
    ll = mod.mod.inspect_source("ll")
    assert "@sinf" not in ll and "@cosf" not in ll and "@expf" not in ll  # no scalar calls
    assert "v16f64" in ll and "v16f32" in ll                            # vector code
    body = slice(0, n_body)
    finite = np.abs(x[body]) <= 1e8
    with np.errstate(all="ignore"):
        for fn in FUNCS:
            want = (_sigmoid64 if fn == "sigmoid" else NUMPY[fn])(x[body].astype(np.float64))
            eager = NUMPY[fn](x[body]).astype(np.float64)   # NumPy in float32: the budget
            scale = np.maximum(np.abs(want), 1e-30)
            err = (np.abs(got[fn][body] - want) / scale)[finite].max()
            eager_err = (np.abs(eager - want) / scale)[finite].max()
            assert err <= 2 * eager_err and err < 1e-6, (fn, err, eager_err)
    # IEEE at the edges: trig of +-inf and NaN is NaN; sigmoid(-inf) = 0, (inf) = 1
    s = {fn: got[fn][n_body:n_body + len(special)] for fn in FUNCS}
    for fn in ("sin", "cos", "tan"):
        assert np.isnan(s[fn][:3]).all(), fn
        assert (np.abs(s[fn][3:]) <= (1 if fn != "tan" else np.inf)).all(), fn  # huge x: finite, bounded
    assert s["sigmoid"][0] == 1.0 and s["sigmoid"][1] == 0.0 and np.isnan(s["sigmoid"][2])
    assert s["sigmoid"][3] == 1.0 and s["sigmoid"][4] == 0.0
    assert s["sigmoid"][8] == pytest.approx(_sigmoid64(-88.0), rel=1e-6)  # e / (1 + e): no cancellation
    assert 0 <= s["sigmoid"][10] < 1e-37 and s["sigmoid"][11] == 0.0      # flushed below normals
    assert abs(s["tan"][13]) > 1e7 and abs(s["cos"][13]) < 1e-7          # next to pi/2


def test_constant_folding_and_the_evaluator_agree_with_numpy():
    from spdsl.analysis.evaluate import backend
    from spdsl.ir.nodes import Const

    lib = spdsl.parse("pattern p { score = score + (sin(1.0) + cos(2.0) + tan(0.5) + sigmoid(-3.0)) }")
    folded = lib["p"].score.b
    want = np.sin(1.0) + np.cos(2.0) + np.tan(0.5) + _sigmoid64(-3.0)
    assert isinstance(folded, Const) and folded.value == pytest.approx(want, rel=1e-12)
    x = np.array([-800.0, -30.0, 0.0, 2.5, 800.0])
    np_ops = backend("numpy")
    with np.errstate(over="raise"):  # no overflow on the way (e / (1 + e) for x < 0)
        got = np_ops.sigmoid(x)
    assert np.allclose(got, [0.0, _sigmoid64(-30.0), 0.5, _sigmoid64(2.5), 1.0], rtol=1e-15, atol=0)
    assert np_ops.sigmoid(x.astype(np.float32)).dtype == np.float32


# ----------------------------------------------------------------------------- intervals


@pytest.mark.parametrize("fn", FUNCS)
def test_interval_bounds_hold_every_sampled_value(fn):
    from spdsl.analysis.intervals import _sigmoid, _trig_range

    rng = np.random.default_rng(1)
    lo = np.concatenate([rng.uniform(-20, 20, 3000), rng.uniform(-1e4, 1e4, 500), [np.pi / 2 - 0.1, -np.inf]])
    width = np.concatenate([rng.exponential(1.0, 3000), rng.uniform(0, 10, 500), [0.1, 1.0]])
    hi = lo + width
    if fn == "sigmoid":
        blo, bhi = _sigmoid(lo), _sigmoid(hi)
    else:
        blo, bhi = _trig_range(fn, lo, hi)
    t = np.linspace(0, 1, 201)
    xs = np.where(np.isfinite(lo[:, None]), lo[:, None] + width[:, None] * t, -1e300)
    with np.errstate(all="ignore"):
        ys = _sigmoid64(xs) if fn == "sigmoid" else NUMPY[fn](xs)
    ok = np.isfinite(xs).all(axis=1)
    assert ((ys >= blo[:, None] - 1e-12) & (ys <= bhi[:, None] + 1e-12))[ok].all()
    if fn != "tan":  # sin, cos, sigmoid: tight where the samples are dense enough
        small = ok & (width < 0.5)
        assert np.abs(ys.max(axis=1) - bhi)[small].max() < 1e-4
        assert np.abs(ys.min(axis=1) - blo)[small].max() < 1e-4
    else:
        assert (~np.isfinite(bhi[1:3000]) == (np.floor((hi - np.pi / 2) / np.pi) >=
                                            np.ceil((lo - np.pi / 2) / np.pi))[1:3000]).all()


def test_layout_of_a_trig_mask_is_sound_and_exact():
    lib = spdsl.parse("""
    pattern waves { mask = sin(0.05 * (q - k)) > 0.3 or cos(0.2 * k) < -0.9 or sigmoid(0.1 * (q - 40)) > 0.9 }
    """)
    pat = lib["waves"]
    Lq = Lk = 123
    lay = pat.layout(Lq, Lk, H=1, block=(8, 8))
    dense = pat.dense_mask(Lq, Lk)[0, 0].numpy()
    got = lay.kinds(0, 0)
    nq, nk = got.shape
    for i in range(nq):
        for j in range(nk):
            blk = dense[8 * i:8 * i + 8, 8 * j:8 * j + 8]
            want = 2 if blk.all() else 0 if not blk.any() else 1
            assert got[i, j] == want or (got[i, j] == 1), (i, j)  # PARTIAL only where unsure
    assert (got == 2).sum() > 0 and (got == 0).sum() > 0
    # decided blocks are most of them (the bounds are tight, not just sound)
    truth = np.array([[2 if d.all() else 0 if not d.any() else 1
                       for d in (dense[8 * i:8 * i + 8, 8 * j:8 * j + 8] for j in range(nk))] for i in range(nq)])
    assert (got == truth).mean() > 0.9


# ----------------------------------------------------------------------------- derivative


def test_derivatives_are_the_textbook_ones():
    from spdsl.codegen.common.derivative import derivative
    from spdsl.analysis.evaluate import evaluate

    lib = spdsl.parse("""
    pattern d1 { score = sin(score) + cos(2.0 * score) }
    pattern d2 { score = tan(0.3 * score) * sigmoid(score) }
    """)
    s = np.linspace(-4, 4, 41)
    for name, f in (("d1", lambda x: np.sin(x) + np.cos(2 * x)),
                    ("d2", lambda x: np.tan(0.3 * x) * _sigmoid64(x))):
        expr = lib[name].score
        d = derivative(expr)
        got = evaluate(d, {"score": s, "b": 0, "h": 0, "qi": 0, "ki": 0, "B": 1, "H": 1, "Lq": 1, "Lk": 1},
                       float_dtype=np.float64)
        h = 1e-6
        assert np.allclose(got, (f(s + h) - f(s - h)) / (2 * h), rtol=1e-6, atol=1e-6), name


# ----------------------------------------------------------------------------- CPU kernels

MATH_LIB = spdsl.parse("""
pattern trig {
    mask = causal
    score = score + 0.3 * sin(score) - 0.2 * cos(0.7 * score)
}
pattern tansig {
    mask = q - k < 20
    score = 3.0 * tan(0.1 * score) + score * sigmoid(score) * sigmoid(0.1 * (q - k))
}
""")


@pytest.fixture(scope="module", params=["trig", "tansig"])
def math_kernel(request):
    pat = MATH_LIB[request.param]
    return pat, spdsl.compile(pat, head_dim=16, dtype=torch.float32)


def _check_against_reference(pat, attn, B=1, H=2, L=37, D=16, scale_qk=2.0, **inputs):
    g = torch.Generator().manual_seed(L)
    q, k, v = (torch.randn(B, H, L, D, generator=g) * s for s in (scale_qk, scale_qk, 1.0))
    dout = torch.randn(B, H, L, D, generator=g)
    leaves = [t.clone().requires_grad_() for t in (q, k, v)]
    out = attn(*leaves, **inputs)
    out.backward(dout)
    ref_leaves = [t.double().requires_grad_() for t in (q, k, v)]
    ref = spdsl.reference_attention(pat, *ref_leaves, **inputs)
    ref.backward(dout.double())
    eager_leaves = [t.clone().requires_grad_() for t in (q, k, v)]
    eager = spdsl.reference_attention(pat, *eager_leaves, **inputs)
    eager.backward(dout)
    assert not out.isnan().any()
    assert_within_eager_budget(out, ref, eager, what=f"{pat.name} out")
    for what, a, r, e in zip(("dq", "dk", "dv"), leaves, ref_leaves, eager_leaves):
        assert a.grad is not None and not a.grad.isnan().any(), what
        assert r.grad.abs().max() > 1e-3, what  # the gradient is not trivially zero
        assert_within_eager_budget(a.grad, r.grad, e.grad, what=f"{pat.name} {what}")


def test_kernels_match_float64_forward_and_gradients(math_kernel):
    pat, attn = math_kernel
    _check_against_reference(pat, attn)


def test_score_functions_change_the_output(math_kernel):
    """The functions are not folded away: the score rewrite changes the attention."""
    pat, attn = math_kernel
    g = torch.Generator().manual_seed(3)
    q, k, v = (torch.randn(1, 2, 37, 16, generator=g) * 2 for _ in range(3))
    plain = spdsl.reference_attention(spdsl.parse("pattern c { mask = causal }")["c"], q, k, v)
    assert (attn(q, k, v) - plain).abs().max() > 1e-2


def test_flex_score_mod_uses_the_torch_functions():
    score = torch.linspace(-6, 6, 50, dtype=torch.float64)
    z = torch.zeros((), dtype=torch.int64)
    got = MATH_LIB["trig"].to_flex_score_mod(Lq=50, Lk=50)(score, z, z, z + 10, z + 3)
    torch.testing.assert_close(got, score + 0.3 * torch.sin(score) - 0.2 * torch.cos(0.7 * score))
    q_idx, k_idx = torch.tensor(30), torch.tensor(12)
    got = MATH_LIB["tansig"].to_flex_score_mod(Lq=50, Lk=50)(score, z, z, q_idx, k_idx)
    want = 3.0 * torch.tan(0.1 * score) + score * torch.sigmoid(score) * torch.sigmoid(torch.tensor(1.8, dtype=torch.float64))
    torch.testing.assert_close(got, want)


# ----------------------------------------------------------------------------- CUDA

HAVE_NVCC = shutil.which("nvcc") is not None


@pytest.mark.skipif(not HAVE_NVCC, reason="nvcc not installed")
def test_cuda_kernels_compile_and_match_float64_in_emulation(tmp_path):
    import cuda_emu
    from spdsl import codegen
    from spdsl.codegen.cuda import kernels as cuda

    pat = spdsl.parse("""
    pattern all4 {
        mask = causal
        score = score + 0.3 * sin(score) - 0.2 * cos(0.7 * score) + tan(0.1 * score) * sigmoid(score)
    }""")["all4"]
    fwd = codegen.build_forward_cuda(pat.mask, pat.score, head_dim=16, dtype="float32", arch="sm_90")
    bwd = codegen.build_backward_cuda(pat.mask, pat.score, head_dim=16, dtype="float32", arch="sm_90")
    for src in (fwd.source, *bwd.sources.values()):
        assert "__global__" in src and "sinf(" in src and "cosf(" in src and "tanf(" in src
    ptx = cuda.compile_offline(fwd.source, "sm_90", "ptx").decode()
    assert ".target sm_90" in ptx
    if not cuda_emu.have_compiler():
        pytest.skip("needs g++ with C++20 <barrier>, _Float16 to run the emulation")
    B, H, L, D = 1, 2, 37, 16
    g = torch.Generator().manual_seed(5)
    q, k, v = (torch.randn(B, H, L, D, generator=g) * s for s in (2.0, 2.0, 1.0))
    dout = torch.randn(B, H, L, D, generator=g)
    layout = cuda.pattern_layout(pat, B, H, L, L, fwd.config)
    out, lse = cuda_emu.run_forward(fwd, layout, q, k, v, {}, tmp_path, D ** -0.5)
    leaves64 = [t.double().requires_grad_() for t in (q, k, v)]
    ref = spdsl.reference_attention(pat, *leaves64)
    ref.backward(dout.double())
    leaves32 = [t.clone().requires_grad_() for t in (q, k, v)]
    eager = spdsl.reference_attention(pat, *leaves32)
    eager.backward(dout)
    assert_within_eager_budget(out, ref, eager, what="cuda out")
    blayout = cuda.pattern_layout(pat, B, H, L, L, bwd.config)
    dq, dk, dv, _ = cuda_emu.run_backward(bwd, blayout, q, k, v, out, lse, dout, {}, tmp_path, D ** -0.5)
    for what, got, r, e in zip(("dq", "dk", "dv"), (dq, dk, dv), leaves64, leaves32):
        assert_within_eager_budget(got, r.grad, e.grad, what=f"cuda {what}")


# ----------------------------------------------------------------------------- random_blocks


def doc_table():
    """``random_blocks_table`` as docs/random_blocks.md writes it (read from the page)."""
    doc = (ROOT / "docs" / "random_blocks.md").read_text()
    code = doc.split("```python")[1].split("```")[0]
    space: dict = {}
    exec(compile(code, "random_blocks.md", "exec"), space)
    return space["random_blocks_table"], space["random_blocks_mask"]


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize("past", [False, True])
@pytest.mark.parametrize("seed,r,Lq,Lk,H,size", [(0, 3, 300, 300, 3, 16), (7, 2, 77, 130, 2, 9),
                                                 (-5, 50, 64, 100, 2, 8), (2 ** 40, 1, 33, 33, 4, 4)])
def test_module_matches_the_documented_draw(seed, r, Lq, Lk, H, size, shared, past):
    from spdsl.analysis.random_blocks import chosen_blocks, random_block_table

    table_of, _ = doc_table()
    want = table_of(seed, r, Lq, Lk, H, size, shared=shared, past=past)
    nq, n = -(-Lq // size), -(-Lk // size)
    got = random_block_table(seed, r, n, H, nq, shared=shared, past=past)
    assert (got == want).all()
    counts = want.sum(axis=2)
    qb = np.arange(nq)[None, :]
    assert (counts == np.minimum(r, np.minimum(qb + 1, n) if past else n)).all()
    if past:  # never a block after the query's own
        assert not (want & (np.arange(n)[None, None, :] > qb[..., None])).any()
    if shared:
        assert (want == want[:1]).all()
    # shared is head 0's draw; past agrees with the plain draw where every block is a candidate
    plain = table_of(seed, r, Lq, Lk, H, size, past=past)
    assert (want == plain[:1]).all() if shared else (want == plain).all()
    chosen = chosen_blocks(seed, r, n, H, nq, shared=shared, past=past)
    assert chosen.shape == (H, nq, min(r, n))
    # sorted and distinct; past pads its shorter rows with -1 at the start
    assert ((np.diff(chosen, axis=2) > 0) | (chosen[:, :, :-1] == -1)).all()
    assert ((chosen == -1).sum(axis=2) == min(r, n) - counts).all()


RB_LIB = spdsl.parse("""
pattern unidirectional(seed = 5) {
    block = 16
    mask = causal and (q // 8 == k // 8 or random_blocks(2, 8, seed, past = true))
}
pattern shared_heads {
    mask = random_blocks(3, 8, 11, shared = true) or k == 0
}
pattern both {
    mask = random_blocks(r = 2, size = 8, seed = 1, shared = true, past = true)
}
""")


@pytest.mark.parametrize("name,shared,past", [("unidirectional", False, True),
                                              ("shared_heads", True, False), ("both", True, True)])
@pytest.mark.parametrize("Lq,Lk", [(70, 70), (23, 70)])
def test_reference_mask_matches_the_documented_draw(name, shared, past, Lq, Lk):
    table_of, mask_of = doc_table()
    pat = RB_LIB[name]
    H = 3
    got = pat.dense_mask(Lq, Lk, H=H)[0].numpy()
    hh, qi, ki = np.indices((H, Lq, Lk))
    q, k = qi + (Lk - Lq), ki
    seed, r = {"unidirectional": (5, 2), "shared_heads": (11, 3), "both": (1, 2)}[name]
    rand = mask_of(table_of(seed, r, Lk, Lk, H, 8, shared=shared, past=past), 8, hh, q, k)
    want = {"unidirectional": (k <= q) & ((q // 8 == k // 8) | rand),
            "shared_heads": rand | (k == 0), "both": rand}[name]
    assert (got == want).all() and want.any() and not want.all()
    if shared:
        assert (got == got[:1]).all()
    # the layout analysis: FULL and EMPTY blocks are right
    lay = pat.layout(Lq, Lk, H=H, block=(8, 8))
    for h in range(H):
        kinds = lay.kinds(0, h)
        for i in range(kinds.shape[0]):
            for j in range(kinds.shape[1]):
                blk = got[h, 8 * i:8 * i + 8, 8 * j:8 * j + 8]
                assert kinds[i, j] != 2 or blk.all()
                assert kinds[i, j] != 0 or not blk.any()


def test_keyword_arguments_print_and_reparse():
    from spdsl.ir.printer import print_pattern

    for name in ("unidirectional", "shared_heads", "both"):
        text = print_pattern(RB_LIB[name])
        again = spdsl.parse(text)[name]
        assert again.mask == RB_LIB[name].mask, text
    assert "past = true" in print_pattern(RB_LIB["unidirectional"])
    assert "shared" not in print_pattern(spdsl.parse("pattern p { mask = random_blocks(1, 8, 0, shared = false) }")["p"])
    # a parameter for a flag; positional flags
    lib = spdsl.parse("pattern p(s = false) { mask = random_blocks(1, 8, 0, s, past = not s) }")
    assert lib["p"].mask != lib["p"].bind(s=True).mask


@pytest.mark.parametrize("text,line,col,message", [
    ("pattern p {\n  mask = random_blocks(1, 8, 0, sharde = true)\n}", 2, 33, "has no argument 'sharde'"),
    ("pattern p {\n  mask = random_blocks(1, 8, 0, shared = 1)\n}", 2, 42, "'shared' must be true or false"),
    ("pattern p {\n  mask = random_blocks(1, 8, past = true)\n}", 2, 10, "missing argument 'seed'"),
    ("pattern p {\n  mask = random_blocks(1, 8, 0, true, false, 3)\n}", 2, 46, "at most 5 arguments"),
    ("pattern p {\n  mask = random_blocks(1, 8, 0, past = true, past = false)\n}", 2, 46, "given twice"),
    ("pattern p {\n  mask = random_blocks(1, 8, 0, past = k < 4)\n}", 2, 40, "must be a constant"),
    ("pattern p {\n  score = sin(score, 2.0)\n}", 2, 11, "'sin' takes 1 argument"),
    ("pattern p {\n  score = sigmoid(true)\n}", 2, 19, "'sigmoid' needs numbers"),
])
def test_errors_are_located(text, line, col, message):
    with pytest.raises(spdsl.PatternError) as info:
        spdsl.parse(text)
    d = info.value.diagnostics[0] if hasattr(info.value, "diagnostics") else info.value
    assert message in str(info.value)
    assert (d.line, d.column) == (line, col), str(info.value)


def test_flex_mask_mod_reads_the_keyword_tables():
    pat = RB_LIB["unidirectional"]
    Lq = Lk = 40
    mod = pat.to_flex_mask_mod(Lq=Lq, Lk=Lk, H=2)
    b = torch.zeros((), dtype=torch.int64)
    hh, qq, kk = (torch.from_numpy(a) for a in np.indices((2, Lq, Lk)))
    got = mod(b, hh, qq, kk)
    assert torch.equal(got, pat.dense_mask(Lq, Lk, H=2)[0])


def test_random_blocks_keywords_in_a_kernel():
    """One kernel with both keyword tables (past and shared) against float64, at odd
    sizes and at explicit offsets (the table covers query blocks past Lk)."""
    pat = spdsl.parse("""
    pattern kw {
        mask = (causal and random_blocks(2, 8, 5, past = true)) or random_blocks(1, 8, 9, shared = true)
    }""")["kw"]
    attn = spdsl.compile(pat, head_dim=16, dtype=torch.float32)
    _check_against_reference(pat, attn, B=1, H=2, L=37)
    # decoding-like rows at an offset: the same keys as the full rows there
    g = torch.Generator().manual_seed(9)
    q, k, v = (torch.randn(1, 2, n, 16, generator=g) for n in (5, 60, 60))
    got = attn(q, k, v, q_offset=50)
    want = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), q_offset=50)
    assert max_error(got, want) < 1e-5
