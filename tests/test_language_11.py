"""LANGUAGE.md 1.1 features: ``A in (C1, ...)``, ``int[]`` scalar and ``bool[...]`` inputs,
input dims that are int expressions of the sizes and parameters, the ``inf`` literal, and
index bounds through ``%`` / ``//`` by sizes.

Each feature: parse/check, located errors for misuse, the call-time checks of the inputs,
and (one compiled kernel shared by all of them) the CPU kernel forward and gradients at
odd sizes against the float64 reference, plus the FlexAttention mods.
"""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pytest
import torch

import spdsl
from spdsl.ir.printer import input_text
from spdsl.errors import BindError
from spdsl.ir.nodes import Index, Var, walk
from conftest import assert_within_eager_budget


def one(src: str, name: str = "p"):
    return spdsl.parse(src)[name]


def error_of(src: str) -> spdsl.PatternError:
    with pytest.raises(spdsl.PatternError) as info:
        spdsl.parse(src)
    return info.value


def assert_error_at(src: str, line: int, column: int, words: str, hint: str | None = None):
    """An error whose message holds ``words``, located at ``line:column`` of ``src``."""
    e = error_of(src)
    text = str(e)
    assert f"<string>:{line}:{column}: error:" in text and words in text, text
    if hint is not None:
        assert hint in text, text


# ---------------------------------------------------------------------------
# 1. membership: A in (C1, C2, ...)
# ---------------------------------------------------------------------------
def test_in_is_or_of_equalities():
    p = one("pattern p(a = 3) { mask = (q - k) % 5 in (0, a, 4,) }")
    want = one("pattern p(a = 3) { mask = (q - k) % 5 == 0 or (q - k) % 5 == a or (q - k) % 5 == 4 }")
    assert p.mask == want.mask
    m = p.dense_mask(11, 13)[0, 0].numpy()
    qi, ki = np.meshgrid(np.arange(11) + 2, np.arange(13), indexing="ij")
    assert (m == np.isin((qi - ki) % 5, [0, 3, 4])).all()
    # precedence 5: looser than arithmetic, tighter than not / and / or
    p2 = one("pattern p { mask = not q + 1 in (2, 3) and k < 4 }")
    assert p2.mask == one("pattern p { mask = (not (q + 1 == 2 or q + 1 == 3)) and k < 4 }").mask
    # int and float mix promotes to float (as '==' does); bools compare with bools
    p3 = one("pattern p { mask = q / 2 in (1, 1.5) or (k < 3) in (true) }")
    assert p3.dense_mask(4, 4)[0, 0].tolist()[3] == [True, True, True, True]
    assert one("pattern p { mask = q in (-1, 1_000) }").mask is not None


def test_in_prints_and_parses_back():
    p = one("pattern p(w = 4) { mask = causal and (q - k) % w in (0, 1) }")
    again = spdsl.parse(str(p))["p"]
    assert again.mask == p.mask


@pytest.mark.parametrize("src, line, col, words", [
    ("pattern p {\n  mask = q in ()\n}", 2, 12, "'in' needs at least one constant"),
    ("pattern p {\n  mask = q in (0, k)\n}", 2, 19, "holds constants, but this reads 'k'"),
    ("pattern p {\n  mask = q in (Lk - 1)\n}", 2, 16, "holds constants, but this reads 'Lk'"),
    ("pattern p {\n  mask = q in (1, true)\n}", 2, 19, "cannot compare int with bool"),
    ("pattern p {\n  mask = q < k in (1, 2)\n}", 2, 16, "comparisons cannot be chained"),
    ("pattern p {\n  mask = q in (1, 2) == true\n}", 2, 22, "comparisons cannot be chained"),
    ("pattern p {\n  mask = q in 3\n}", 2, 15, "unexpected '3'"),
    ("pattern p {\n  let in = 3\n}", 2, 7, "'in' is a keyword and cannot be used as a name"),
])
def test_in_errors_are_located(src, line, col, words):
    assert_error_at(src, line, col, words)


# ---------------------------------------------------------------------------
# 2. scalar and bool inputs
# ---------------------------------------------------------------------------
SCALARS = """
pattern window_n {
    input n : int[]
    mask = causal and q - k < n
}
pattern keep {
    input keep : bool[B, Lk]
    input on : bool[]
    mask = (causal and keep[b, k]) or not on
}
pattern uses_keep {
    mask = keep and k < 100
}
"""


def test_scalar_and_bool_declarations_as_written():
    lib = spdsl.parse(SCALARS)
    n = lib["window_n"].inputs["n"]
    assert (n.elem, n.declared_dims, input_text(n)) == ("int", (), "int[]")
    keep = lib["keep"].inputs
    assert input_text(keep["keep"]) == "bool[B, Lk]" and input_text(keep["on"]) == "bool[]"
    assert lib["uses_keep"].inputs.keys() == {"keep", "on"}   # a callee's inputs become the caller's
    text = str(lib["keep"])
    assert "input keep : bool[B, Lk]" in text and "keep[b, k]" in text and "not on" in text
    assert spdsl.parse(text)["keep"].mask == lib["keep"].mask


def test_scalar_and_bool_values_at_call_time():
    lib = spdsl.parse(SCALARS)
    p = lib["window_n"]
    want = torch.tensor([[(0 <= q + 2 - k < 3) for k in range(7)] for q in range(5)])
    for value in (3, torch.tensor(3), torch.tensor([3]), np.int64(3)):
        assert torch.equal(p.dense_mask(5, 7, n=value)[0, 0], want), value
    keep = torch.rand(2, 9, generator=torch.Generator().manual_seed(1)) < 0.5
    m = lib["keep"].dense_mask(6, 9, B=2, keep=keep, on=True)
    causal = torch.ones(6, 9, dtype=torch.bool).tril(3)
    assert torch.equal(m[:, 0], causal[None] & keep[:, None, :])
    assert lib["keep"].dense_mask(6, 9, B=2, keep=keep.int(), on=torch.tensor(False)).all()


@pytest.mark.parametrize("name, value, words", [
    ("n", torch.tensor([1, 2]), "'n' is a scalar (int[])"),
    ("n", 2.5, "declared int[]; got the float 2.5"),
    ("n", torch.tensor(2.0), "declared int[]; got a torch.float32 tensor"),
    ("n", "3", "must be a Python number or a 0-d tensor, got str"),
])
def test_scalar_misuse_at_call_time(name, value, words):
    with pytest.raises(BindError) as info:
        spdsl.parse(SCALARS)["window_n"].dense_mask(5, 7, **{name: value})
    assert words in str(info.value)


@pytest.mark.parametrize("keep, on, words", [
    (torch.zeros(2, 9), True, "declared bool[B, Lk]; got a torch.float32 tensor"),
    (torch.zeros(2, 8, dtype=torch.bool), True, "must have shape (2, 9) (bool[B=2, Lk=9]), got (2, 8)"),
    (torch.zeros(2, 9, dtype=torch.bool), 1, "declared bool[]; got the int 1"),
    (torch.zeros(2, 9, dtype=torch.bool), None, "needs the input 'on' (bool[]): pass on=value"),
])
def test_bool_misuse_at_call_time(keep, on, words):
    ins = {"keep": keep} if on is None else {"keep": keep, "on": on}
    with pytest.raises(BindError) as info:
        spdsl.parse(SCALARS)["keep"].dense_mask(6, 9, B=2, **ins)
    assert words in str(info.value)


@pytest.mark.parametrize("src, line, col, words", [
    ("pattern p {\n  input n : int[]\n  mask = k < n[0]\n}", 3, 14, "input 'n' is a scalar (int[]) and cannot be indexed"),
    ("pattern p {\n  input n : int[]\n  mask = k < n()\n}", 3, 14, "'n' is a input, not a function"),
    ("pattern p {\n  input g : bool[Lk]\n  mask = g[k] + 1 > 0\n}", 3, 10, "'+' needs numbers, but this is bool"),
    ("pattern p {\n  input g : bool[Lk]\n  mask = g\n}", 3, 10, "input 'g' is a tensor; index it, e.g. g[k]"),
    ("pattern p {\n  input g : bool[Lk]\n  score = score + g[k]\n}", 3, 19, "'+' needs numbers, but this is bool"),
    ("pattern p {\n  input g : boolean[Lk]\n}", 2, 13, "expected 'int', 'float' or 'bool'"),
    ("pattern a {\n  input g : bool[Lk]\n  mask = g[k]\n}\npattern c {\n  input g : int[Lk]\n  mask = a and g[k] == 1\n}",
     2, 9, "input 'g' is declared as bool[Lk] here but as int[Lk] in another pattern"),
])
def test_scalar_and_bool_errors_are_located(src, line, col, words):
    assert_error_at(src, line, col, words)


# ---------------------------------------------------------------------------
# 3. dims that are int expressions of sizes and parameters
# ---------------------------------------------------------------------------
BLOCKS = """
pattern block_table(size = 8) {
    input t : int[H, (Lq + size - 1) // size, (Lk + size - 1) // size]
    mask = t[h, qi // size, ki // size] != 0
}
pattern rel_bias(W = 3) {
    input rel : float[2 * W + 1]
    mask = abs(q - k) <= W
    score = score + rel[min(max(q - k + W, 0), 2 * W)]
}
pattern language {                     # LANGUAGE.md's own example of a dim list
    input t : int[H, Lq // 64, Lk // 64]
    mask = t[h, qi // 64, ki // 64] == 1
}
"""


def test_dim_expressions_checked_at_call_time():
    lib = spdsl.parse(BLOCKS)
    bt = lib["block_table"]
    assert input_text(bt.inputs["t"]) == "int[H, (Lq + 8 - 1) // 8, (Lk + 8 - 1) // 8]"
    t = torch.randint(0, 2, (3, 5, 7), generator=torch.Generator().manual_seed(0))
    m = bt.dense_mask(37, 53, H=3, t=t)
    qi, ki = np.meshgrid(np.arange(37), np.arange(53), indexing="ij")
    assert (m[0].numpy() == (t.numpy()[:, qi // 8, ki // 8] != 0)).all()
    with pytest.raises(BindError, match=r"must have shape \(3, 5, 7\) \(int\[H=3, \(Lq \+ 8 - 1\) // 8 = 5"):
        bt.dense_mask(37, 53, H=3, t=t[:, :4])
    assert input_text(bt.bind(size=16).inputs["t"]) == "int[H, (Lq + 16 - 1) // 16, (Lk + 16 - 1) // 16]"
    # a parameter folds: the dim is a plain int
    assert lib["rel_bias"].inputs["rel"].dims == (7,)
    assert input_text(lib["rel_bias"].bind(W=1).inputs["rel"]) == "float[3]"
    assert not lib["rel_bias"].index_checks  # clamped to [0, 2W]: proven, no call-time check
    # Lq // 64 is 0 at Lq = 37: a read of row block 0 is out of range, said at call time
    lang = lib["language"]
    with pytest.raises(BindError, match="out of range"):
        lang.dense_mask(37, 128, t=torch.zeros(1, 0, 2, dtype=torch.int64))
    assert lang.dense_mask(128, 128, t=torch.ones(1, 2, 2, dtype=torch.int64)).all()


@pytest.mark.parametrize("src, line, col, words", [
    ("pattern p {\n  input t : int[L]\n}", 2, 17, "'L' is not a dimension"),
    ("pattern p {\n  input t : int[Lk + q]\n}", 2, 17, "but this reads 'q'"),
    ("pattern p {\n  input t : int[Lk / 2]\n}", 2, 17, "an input dimension must be an int, but this is float"),
    ("pattern p(W = 2) {\n  input t : int[W - 5]\n}", 2, 17, "at least 1, but this is -3"),
    ("pattern p {\n  input t : int[0]\n}", 2, 17, "an input dimension must be at least 1"),
    ("pattern p {\n  input t : int[Lk]\n  input u : int[t[0]]\n}", 3, 17, "unknown input 't'"),
])
def test_dim_errors_are_located(src, line, col, words):
    assert_error_at(src, line, col, words)


def test_dim_expression_bound_errors_at_bind():
    p = one("pattern p(W) {\n  input t : int[W - 5]\n  mask = t[0] == 1\n}")
    with pytest.raises(BindError, match="at least 1, but this is -3"):
        p.bind(W=2)
    assert p.bind(W=6).inputs["t"].dims == (1,)


# ---------------------------------------------------------------------------
# 4. inf
# ---------------------------------------------------------------------------
def test_minus_inf_score_removes_keys_like_the_mask():
    by_score = one("pattern p { score = if causal and q - k < 4 then score else -inf }")
    by_mask = one("pattern p { mask = causal and q - k < 4 }")
    g = torch.Generator().manual_seed(3)
    q, k, v = (torch.randn(2, 2, n, 8, generator=g, dtype=torch.float64) for n in (9, 12, 12))
    for pat in (by_score, by_mask):
        q.grad = None
    a, la = spdsl.reference_attention(by_score, q, k, v, return_lse=True)
    b, lb = spdsl.reference_attention(by_mask, q, k, v, return_lse=True)
    assert torch.allclose(a, b, atol=1e-12) and torch.allclose(la, lb, atol=1e-12)
    assert str(by_score).count("-inf") == 1 and spdsl.parse(str(by_score))["p"].score == by_score.score
    # a row whose keys all score -inf: out 0, lse -inf, zero gradients (never NaN)
    empty = one("pattern p { score = if qi in (0, 4) then -inf else score * 1.5 }")
    qg = q.clone().requires_grad_()
    out, lse = spdsl.reference_attention(empty, qg, k, v, return_lse=True)
    assert (out[:, :, [0, 4]] == 0).all() and (lse[:, :, [0, 4]] == float("-inf")).all()
    out.sum().backward()
    assert torch.isfinite(qg.grad).all() and (qg.grad[:, :, [0, 4]] == 0).all()


def test_inf_is_a_float_literal():
    assert one("pattern p { score = min(score, inf) }").score is not None
    assert_error_at("pattern p {\n  mask = q < inf + 1 and k // inf == 0\n}", 2, 31,
                    "'//' is integer floor division, but this is float")
    assert_error_at("pattern p {\n  let inf = 1\n}", 2, 7, "'inf' is a keyword and cannot be used as a name")


# ---------------------------------------------------------------------------
# 5. bounds through % and // by sizes
# ---------------------------------------------------------------------------
BOUNDS = """
pattern modk { input bias : float[Lk]
    score = score + bias[(q + k) % Lk] }
pattern headdiv { input table : float[1]
    score = score + table[h // H] }
pattern qdiv { input u : float[1]
    score = score + u[q // Lk] }
pattern mixed(W = 5) { input t : float[2 * W + 1]
    score = score + t[min(abs(q - k), 2 * W)] + t[(q - k) % (2 * W + 1)] }
pattern wrap { input rows : int[Lq, 3]
    mask = rows[qi, (k + 2 * q) % 3] == 1 }
"""


def test_issue_12_item_7_indices_are_accepted():
    lib = spdsl.parse(BOUNDS)
    assert not lib["modk"].index_checks and not lib["headdiv"].index_checks
    assert not lib["mixed"].index_checks and not lib["wrap"].index_checks
    assert [c.dim for c in lib["qdiv"].index_checks] == [0]   # q may be negative: checked at call
    # the call-time check of q // Lk: in range with the default offsets while Lq <= Lk
    assert lib["qdiv"].dense_mask(5, 9, u=torch.zeros(1)).all()
    with pytest.raises(BindError, match="out of range"):
        lib["qdiv"].to_flex_score_mod(Lq=9, Lk=5, u=torch.zeros(1))


def _index_values(pattern, Lq, Lk, H, B, q_off, kv_off):
    """Every (input, dim, values) an expression of ``pattern`` reads, over the whole grid
    at these offsets (evaluated in int64, without reading any input)."""
    from spdsl.analysis.evaluate import evaluate
    from spdsl.ir.positions import offset_tensors

    rows = pattern.at_rows(True)
    offs = {n: t.numpy() for n, t in offset_tensors(q_off, kv_off, B, Lq, Lk).items()}
    ar = np.arange
    env = {"b": ar(B).reshape(B, 1, 1, 1), "h": ar(H).reshape(1, H, 1, 1),
           "qi": ar(Lq).reshape(1, 1, Lq, 1), "ki": ar(Lk).reshape(1, 1, 1, Lk),
           "B": B, "H": H, "Lq": Lq, "Lk": Lk}
    for root in (rows.mask, rows.score):
        for n in walk(root) if root is not None else ():
            if isinstance(n, Index) and n.input.name not in offs:
                for d, a in enumerate(n.args):
                    yield n.input, d, np.asarray(evaluate(a, env, inputs=offs))


def test_proven_indices_hold_by_enumeration():
    """An index the checker proves (no call-time check) stays in range at every size and
    at any offsets, negative positions included."""
    from spdsl.ir.dims import dim_value

    lib = spdsl.parse(BOUNDS)
    for name in ("modk", "headdiv", "mixed", "wrap"):
        pat = lib[name]
        for Lq, Lk, H, q_off, kv_off in itertools.product((1, 3, 7), (1, 4, 9), (1, 3), (-8, 0, 5), (-3, 0)):
            for decl, d, values in _index_values(pat, Lq, Lk, H, 2, q_off, kv_off):
                n = dim_value(decl.dims[d], dict(B=2, H=H, Lq=Lq, Lk=Lk))
                assert values.min() >= 0 and values.max() <= n - 1, (name, Lq, Lk, H, q_off, kv_off)


@pytest.mark.parametrize("src, col, hint", [
    ("pattern p {\n  input u : float[4]\n  score = score + u[(q - k) % -4]\n}", 22, "'%' takes the sign of its divisor"),
    ("pattern p(W) {\n  input u : float[4]\n  score = score + u[(q - k) % W]\n}", 22, "'%' takes the sign of its divisor"),
    ("pattern p {\n  input u : float[Lk]\n  score = score + u[k - 1]\n}", 21, "clamp it, e.g. max(q - 1, 0)"),
])
def test_negative_index_hints(src, col, hint):
    assert_error_at(src, 3, col, "can be negative", hint)


# ---------------------------------------------------------------------------
# the kernel, the reference and FlexAttention, on one pattern using every feature
# ---------------------------------------------------------------------------
# (a bool[] input is stored as int[] is: the kernel covers both through n; a score that
# reads (q + k) % 7 made the backward build take minutes, so the -inf keys are by row and column)
EVERYTHING = """
pattern everything(W = 2) {
    input n : int[]
    input keep : bool[Lk]
    input rel : float[2 * W + 1]
    mask = (causal and q - k < n) or keep[k]
    score = if qi in (0, 9) or ki in (3, 4) then -inf else score + rel[(q - k) % (2 * W + 1)]
}
"""
B, H, LQ, LK, D = 2, 2, 37, 53, 16


def everything_inputs(seed: int, n: int = 5) -> dict:
    g = torch.Generator().manual_seed(seed)
    return {"n": torch.tensor(n), "keep": torch.rand(LK, generator=g) < 0.2,
            "rel": torch.randn(5, generator=g)}


@functools.lru_cache(maxsize=None)
def everything():
    return spdsl.parse(EVERYTHING)["everything"]


@functools.lru_cache(maxsize=None)
def everything_kernel():
    return spdsl.compile(everything(), head_dim=D, dtype=torch.float32)


def qkv(seed: int):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(B, H, L, D, generator=g) for L in (LQ, LK, LK)]


@pytest.mark.parametrize("seed, n", [(0, 5), (1, 1), (2, 40)])
def test_kernel_forward_against_float64(seed, n):
    pat, attn = everything(), everything_kernel()
    q, k, v = qkv(seed)
    ins = everything_inputs(seed, n)
    out, lse = attn(q, k, v, return_lse=True, **ins)
    ref, ref_lse = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), return_lse=True, **ins)
    eager = spdsl.reference_attention(pat, q, k, v, **ins)
    assert_within_eager_budget(out, ref, eager, what=f"forward seed {seed}")
    # rows 0 and 9 score -inf everywhere: removed as a mask would, out 0 and lse -inf
    assert (out[:, :, [0, 9]] == 0).all() and (lse[:, :, [0, 9]] == float("-inf")).all()
    live = torch.isfinite(ref_lse)
    assert torch.allclose(lse[live].double(), ref_lse[live], atol=1e-4)
    assert torch.equal(torch.isfinite(lse), live)


def test_kernel_gradients_against_float64():
    pat, attn = everything(), everything_kernel()
    q, k, v = qkv(7)
    ins = everything_inputs(7)
    dout = torch.randn(B, H, LQ, D, generator=torch.Generator().manual_seed(8))
    got = [t.clone().requires_grad_() for t in (q, k, v)]
    attn(*got, **ins).backward(dout)
    ref = [t.double().requires_grad_() for t in (q, k, v)]
    spdsl.reference_attention(pat, *ref, **ins).backward(dout.double())
    eager = [t.clone().requires_grad_() for t in (q, k, v)]
    spdsl.reference_attention(pat, *eager, **ins).backward(dout)
    for name, g, r, e in zip("qkv", got, ref, eager):
        assert torch.isfinite(g.grad).all(), name
        assert_within_eager_budget(g.grad, r.grad, e.grad, what=f"d{name}")
    assert (got[0].grad[:, :, [0, 9]] == 0).all()


def test_kernel_rejects_wrong_inputs():
    attn = everything_kernel()
    q, k, v = qkv(0)
    bad = {**everything_inputs(0), "keep": torch.zeros(LK)}
    with pytest.raises(BindError, match=r"declared bool\[Lk\]; got a torch.float32 tensor"):
        attn(q, k, v, **bad)
    bad = {**everything_inputs(0), "rel": torch.zeros(4)}
    with pytest.raises(BindError, match=r"must have shape \(5,\) \(float\[5\]\), got \(4,\)"):
        attn(q, k, v, **bad)


def test_flex_mods_match_the_pattern():
    pat = everything()
    ins = everything_inputs(3)
    ar = lambda n: torch.arange(n, dtype=torch.int64)
    grid = (ar(B).view(B, 1, 1, 1), ar(H).view(1, H, 1, 1), ar(LQ).view(1, 1, LQ, 1), ar(LK).view(1, 1, 1, LK))
    mask_mod = pat.to_flex_mask_mod(Lq=LQ, Lk=LK, H=H, B=B, **ins)
    assert torch.equal(mask_mod(*grid).expand(B, H, LQ, LK), pat.dense_mask(LQ, LK, H=H, B=B, **ins))
    score_mod = pat.to_flex_score_mod(Lq=LQ, Lk=LK, H=H, B=B, **ins)
    raw = torch.randn(B, H, LQ, LK, generator=torch.Generator().manual_seed(4))
    got = score_mod(raw, *grid)
    qpos, kpos = grid[2] + (LK - LQ), grid[3]
    want = raw + ins["rel"][(qpos - kpos) % 5]
    dead = (grid[2] == 0) | (grid[2] == 9) | (grid[3] == 3) | (grid[3] == 4)
    want = torch.where(dead, torch.tensor(float("-inf")), want)
    assert torch.equal(torch.isinf(got), dead.expand_as(got))
    assert torch.allclose(got[~dead.expand_as(got)], want.expand_as(got)[~dead.expand_as(got)], atol=1e-6)
    # a scalar given as a Python number works for the mods too
    assert torch.equal(pat.to_flex_mask_mod(Lq=LQ, Lk=LK, H=H, B=B, **{**ins, "n": 5})(*grid), mask_mod(*grid))


def test_flex_attention_with_scalar_and_bool_inputs():
    flex = pytest.importorskip("torch.nn.attention.flex_attention")
    pat = spdsl.parse(SCALARS)["keep"]
    g = torch.Generator().manual_seed(5)
    keep = torch.rand(B, LK, generator=g) < 0.5
    keep[:, 0] = True   # every row sees a key: FlexAttention and the reference agree there
    q, k, v = qkv(5)
    mask_mod = pat.to_flex_mask_mod(Lq=LQ, Lk=LK, H=H, B=B, keep=keep, on=True)
    bm = flex.create_block_mask(mask_mod, B, H, LQ, LK, device="cpu")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = flex.flex_attention(q, k, v, block_mask=bm)
    ref = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), keep=keep, on=True)
    eager = spdsl.reference_attention(pat, q, k, v, keep=keep, on=True)
    assert_within_eager_budget(got, ref, eager, what="flex_attention")


# ---------------------------------------------------------------------------
# LANGUAGE.md's text uses these features: its snippets work as written
# ---------------------------------------------------------------------------
def test_language_md_snippets():
    one("pattern p { input blocks : int[H, Lq // 64, Lk // 64]\n mask = blocks[h, qi // 64, ki // 64] == 1 }")
    p = one("pattern p(c = 1) {\n let c2 = q - k < 8 * c\n score = if c2 then score else -inf }")
    assert p.score is not None
    one("pattern p { input doc : int[B, Lk]\n input qdoc : int[B, Lq]\n"
        " mask = doc[b, q] == doc[b, k] and qdoc[b, qi] in (0, 1) }")


def test_kernel_with_dims_that_are_expressions_of_the_sizes():
    """A dim that stays an expression of the call's sizes (``(Lk + 15) // 16``) becomes
    that expression of the kernel's size variables: one build serves every length."""
    pat = spdsl.parse("pattern p {\n    input t : int[H, (Lk + 15) // 16]\n"
                      "    mask = causal and t[h, ki // 16] != 0\n}\n")["p"]
    attn = spdsl.compile(pat, head_dim=D, dtype=torch.float32)
    for lk in (LK, 70):
        g = torch.Generator().manual_seed(lk)
        q, k, v = (torch.randn(B, H, L, D, generator=g) for L in (LQ, lk, lk))
        t = (torch.rand(H, (lk + 15) // 16, generator=g) < 0.6).to(torch.int64)
        t[:, -1] = 1                             # the diagonal's block: no row is empty
        out = attn(q, k, v, t=t)
        ref = spdsl.reference_attention(pat, q.double(), k.double(), v.double(), t=t)
        eager = spdsl.reference_attention(pat, q, k, v, t=t)
        assert_within_eager_budget(out, ref, eager, what=f"Lk={lk}")
    with pytest.raises(spdsl.BindError, match="t"):
        attn(q, k, v, t=t[:, :-1])
