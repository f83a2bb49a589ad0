"""spdsl.reference_attention against an independent implementation written here.

The masks come from NumPy formulas (LANGUAGE.md's text), attention from PyTorch's own
scaled_dot_product_attention in float64 (or, for score expressions that are not an
additive bias, a hand-written softmax).  Also: log-sum-exp, grouped-query heads, the
scale argument, empty rows (0, -inf, zero gradients, never NaN), gradcheck, bad input.
"""

from __future__ import annotations

import functools
import math
import pathlib

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import spdsl

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"
DT = torch.float64


@functools.lru_cache(maxsize=None)
def example(name):
    return spdsl.load(str(EXAMPLES / f"{name}.spdsl"))[name]


def grid(B, H, Lq, Lk):
    b = np.arange(B).reshape(B, 1, 1, 1)
    h = np.arange(H).reshape(1, H, 1, 1)
    # positions (LANGUAGE.md 1.1): q = qi + (Lk - Lq), k = ki by default; causal is k <= q
    q = np.arange(Lq).reshape(1, 1, Lq, 1) + (Lk - Lq)
    k = np.arange(Lk).reshape(1, 1, 1, Lk)
    return b, h, q, k, k <= q


def random_table(seed, r, Lq, Lk, H, size):
    """docs/random_blocks.md's NumPy reference."""
    def mix(z):
        with np.errstate(over="ignore"):
            z = z + np.uint64(0x9E3779B97F4A7C15)
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            return z ^ (z >> np.uint64(31))
    nq, n = -(-max(Lq, Lk) // size), -(-Lk // size)   # query blocks of positions < Lk
    table = np.zeros((H, nq, n), dtype=bool)
    for hh in range(H):
        for qb in range(nq):
            prefix = mix(mix(mix(np.uint64(seed % 2**64)) ^ np.uint64(hh)) ^ np.uint64(qb))
            chosen = set()
            for j in range(n - min(max(r, 0), n), n):
                t = int(mix(prefix ^ np.uint64(j)) % np.uint64(j + 1))
                chosen.add(j if t in chosen else t)
            table[hh, qb, sorted(chosen)] = True
    return table


def doc_ids(B, Lk, seed=0):
    rng = np.random.default_rng(seed)
    return np.sort(rng.integers(0, 4, size=(B, Lk)), axis=1).astype(np.int64)


# name -> (pattern, formula(B, H, Lq, Lk, inputs) -> bool [B, H, Lq, Lk], needs doc)
def _sliding(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    return causal & (q - k < 9)


def _longformer(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    return (np.abs(q - k) <= 6 // 2) | (q < 2) | (k < 2)


def _bigbird(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    qb, kb = q // 8, k // 8
    return (np.abs(qb - kb) <= 0) | (qb < 1) | (kb < 1) | random_table(3, 2, Lq, Lk, H, 8)[h, qb, kb]


def _strided(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    return causal & ((q - k < 5) | ((q - k) % 5 == 0))


def _prefix(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    return causal | (k < 6)


def _per_head(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    return causal & (q - k < np.where(h < H // 2, 128, 1024))


def _documents(B, H, Lq, Lk, ins):
    b, h, q, k, causal = grid(B, H, Lq, Lk)
    doc = ins["doc"].numpy()
    return causal & (doc[b, q] == doc[b, k])


def _dense(B, H, Lq, Lk, ins):
    return np.ones((B, H, Lq, Lk), dtype=bool)


PATTERNS = {
    "sliding_window": (lambda: example("sliding_window").bind(window=9), _sliding),
    "longformer": (lambda: example("longformer").bind(window=6, globals=2), _longformer),
    "bigbird": (lambda: example("bigbird").bind(size=8, window=1, globals=1, random=2, seed=3), _bigbird),
    "strided": (lambda: example("strided").bind(stride=5), _strided),
    "prefix_lm": (lambda: example("prefix_lm").bind(prefix=6), _prefix),
    "per_head_window": (lambda: example("per_head_window"), _per_head),
    "documents": (lambda: example("documents"), _documents),
    "dense": (lambda: spdsl.parse("pattern dense { }")["dense"], _dense),
}

# (B, H, Hk, Lq, Lk, D)
SHAPES = [
    (2, 4, 2, 37, 37, 16),     # GQA, odd length
    (1, 6, 1, 13, 29, 32),     # multi-query, Lq < Lk
    (1, 4, 2, 1, 50, 80),      # decoding
    (2, 2, 2, 50, 21, 16),     # Lq > Lk
]


def make_qkv(B, H, Hk, Lq, Lk, D, dtype=DT, seed=0, requires_grad=False):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Lq, D, generator=g, dtype=dtype)
    k = torch.randn(B, Hk, Lk, D, generator=g, dtype=dtype)
    v = torch.randn(B, Hk, Lk, D, generator=g, dtype=dtype)
    if requires_grad:
        for t in (q, k, v):
            t.requires_grad_(True)
    return q, k, v


def inputs_for(name, B, Lk):
    return {"doc": torch.from_numpy(doc_ids(B, Lk))} if name == "documents" else {}


def sdpa(q, k, v, mask, scale=None, bias=None):
    """torch SDPA with a bool (or additive float) mask; rows that are empty are zeroed."""
    mask_t = torch.as_tensor(mask)
    if bias is not None:
        attn = torch.where(mask_t, bias, torch.tensor(float("-inf"), dtype=q.dtype))
    else:
        attn = mask_t
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn, scale=scale,
                                         enable_gqa=k.shape[1] != q.shape[1])
    return out, mask_t.any(-1)


def expand_heads(t, H):
    return t.repeat_interleave(H // t.shape[1], dim=1)


def masked_scores(q, k, mask, scale):
    s = torch.matmul(q, expand_heads(k, q.shape[1]).transpose(-1, -2)) * scale
    return torch.where(torch.as_tensor(mask), s, torch.tensor(float("-inf"), dtype=s.dtype))


def assert_rows_close(out, want, rows, rtol=1e-9, atol=1e-10):
    """Compare only the non-empty rows (SDPA gives NaN on empty ones); empty rows are 0."""
    rows = torch.as_tensor(rows).expand(out.shape[:-1])
    torch.testing.assert_close(out[rows], want[rows], rtol=rtol, atol=atol)
    assert (out[~rows] == 0).all()


# ---------------------------------------------------------------------------
# forward against SDPA
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "B{}H{}Hk{}Lq{}Lk{}D{}".format(*s))
@pytest.mark.parametrize("name", list(PATTERNS))
def test_matches_sdpa(name, shape):
    B, H, Hk, Lq, Lk, D = shape
    make, formula = PATTERNS[name]
    pat = make()
    ins = inputs_for(name, B, Lk)
    if name == "documents" and Lq > Lk:
        # doc[b, q] on a [B, Lk] input would read past its end: a clear call-time error
        with pytest.raises(spdsl.PatternError, match="out of range"):
            spdsl.reference_attention(pat, *make_qkv(*shape), **ins)
        return
    mask = np.broadcast_to(formula(B, H, Lq, Lk, ins), (B, H, Lq, Lk)).copy()
    q, k, v = make_qkv(*shape)
    out = spdsl.reference_attention(pat, q, k, v, **ins)
    assert out.shape == (B, H, Lq, D) and out.dtype == DT
    want, rows = sdpa(q, k, v, mask)
    assert_rows_close(out, want, rows)
    assert rows.any()   # positions: the last rows see keys whatever Lq (LANGUAGE.md 1.1)


@pytest.mark.parametrize("scale", [0.05, 1.0, 2.5])
def test_scale_argument(scale):
    pat, formula = PATTERNS["sliding_window"][0](), _sliding
    q, k, v = make_qkv(1, 4, 2, 30, 30, 16)
    mask = formula(1, 4, 30, 30, {})
    out = spdsl.reference_attention(pat, q, k, v, scale=scale)
    want, rows = sdpa(q, k, v, np.broadcast_to(mask, (1, 4, 30, 30)).copy(), scale=scale)
    assert_rows_close(out, want, rows)
    default = spdsl.reference_attention(pat, q, k, v)
    explicit = spdsl.reference_attention(pat, q, k, v, scale=1 / math.sqrt(16))
    torch.testing.assert_close(default, explicit, rtol=0, atol=0)
    if scale != 1 / math.sqrt(16):
        assert not torch.allclose(out, default)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "B{}H{}Hk{}Lq{}Lk{}D{}".format(*s))
@pytest.mark.parametrize("name", ["sliding_window", "bigbird", "documents", "dense"])
def test_lse(name, shape):
    B, H, Hk, Lq, Lk, D = shape
    if name == "documents" and Lq > Lk:
        shape = (B, H, Hk, Lk, Lk, D)       # doc[b, q] needs Lq <= Lk
        Lq = Lk
    make, formula = PATTERNS[name]
    ins = inputs_for(name, B, Lk)
    mask = np.broadcast_to(formula(B, H, Lq, Lk, ins), (B, H, Lq, Lk)).copy()
    q, k, v = make_qkv(*shape, seed=1)
    out, lse = spdsl.reference_attention(make(), q, k, v, scale=0.7, return_lse=True, **ins)
    assert lse.shape == (B, H, Lq) and lse.dtype == DT
    want = torch.logsumexp(masked_scores(q, k, mask, 0.7), dim=-1)
    rows = torch.as_tensor(mask.any(-1))
    torch.testing.assert_close(lse[rows], want[rows], rtol=1e-10, atol=1e-10)
    assert torch.isneginf(lse[~rows]).all()
    torch.testing.assert_close(out, spdsl.reference_attention(make(), q, k, v, scale=0.7, **ins),
                               rtol=0, atol=0)


def test_float32_is_close_to_float64():
    pat = PATTERNS["longformer"][0]()
    q, k, v = make_qkv(2, 4, 2, 40, 40, 32)
    out64 = spdsl.reference_attention(pat, q, k, v)
    out32 = spdsl.reference_attention(pat, q.float(), k.float(), v.float())
    assert out32.dtype == torch.float32
    torch.testing.assert_close(out32.double(), out64, rtol=1e-5, atol=1e-5)


# ---------------------------------------------------------------------------
# score expressions
# ---------------------------------------------------------------------------
def alibi_bias(H, Lq, Lk):
    h = torch.arange(H, dtype=DT).view(1, H, 1, 1)
    q = torch.arange(Lq, dtype=DT).view(1, 1, Lq, 1) + (Lk - Lq)   # positions
    k = torch.arange(Lk, dtype=DT).view(1, 1, 1, Lk)
    slope = 2.0 ** (-8.0 * (h + 1) / H)
    return -slope * (q - k)


@pytest.mark.parametrize("shape", SHAPES[:3], ids=lambda s: "B{}H{}Hk{}Lq{}Lk{}D{}".format(*s))
def test_alibi_by_hand(shape):
    B, H, Hk, Lq, Lk, D = shape
    q, k, v = make_qkv(*shape, seed=2)
    _, _, _, _, causal = grid(B, H, Lq, Lk)
    mask = np.broadcast_to(causal, (B, H, Lq, Lk)).copy()
    bias = alibi_bias(H, Lq, Lk).expand(B, H, Lq, Lk)
    out, lse = spdsl.reference_attention(example("alibi"), q, k, v, return_lse=True)
    want, rows = sdpa(q, k, v, mask, bias=bias)
    assert_rows_close(out, want, rows)
    s = masked_scores(q, k, mask, D ** -0.5) + bias
    torch.testing.assert_close(lse, torch.logsumexp(s, dim=-1), rtol=1e-10, atol=1e-10)
    # the slope really differs per head: alibi is not plain causal attention
    plain = spdsl.reference_attention(spdsl.parse("pattern c { mask = causal }")["c"], q, k, v)
    if Lk > 1:
        assert not torch.allclose(out, plain)


@pytest.mark.parametrize("cap", [30.0, 0.8])
@pytest.mark.parametrize("shape", SHAPES[:3], ids=lambda s: "B{}H{}Hk{}Lq{}Lk{}D{}".format(*s))
def test_softcap_by_hand(shape, cap):
    B, H, Hk, Lq, Lk, D = shape
    q, k, v = make_qkv(*shape, seed=3)
    q = q * 3  # large scores, so that the cap bites
    pat = example("softcap").bind(cap=cap)
    out, lse = spdsl.reference_attention(pat, q, k, v, return_lse=True)
    s = torch.matmul(q, expand_heads(k, H).transpose(-1, -2)) * D ** -0.5
    s = cap * torch.tanh(s / cap)
    want = torch.matmul(torch.softmax(s, dim=-1), expand_heads(v, H))
    torch.testing.assert_close(out, want, rtol=1e-9, atol=1e-10)
    torch.testing.assert_close(lse, torch.logsumexp(s, dim=-1), rtol=1e-10, atol=1e-10)
    if cap < 1:
        dense = spdsl.reference_attention(PATTERNS["dense"][0](), q, k, v)
        assert not torch.allclose(out, dense)


def test_softcap_with_custom_scale():
    q, k, v = make_qkv(1, 2, 2, 9, 11, 8, seed=4)
    out = spdsl.reference_attention(example("softcap").bind(cap=2.0), q, k, v, scale=1.3)
    s = 2.0 * torch.tanh(torch.matmul(q, k.transpose(-1, -2)) * 1.3 / 2.0)
    torch.testing.assert_close(out, torch.softmax(s, -1) @ v, rtol=1e-9, atol=1e-10)


# ---------------------------------------------------------------------------
# empty rows
# ---------------------------------------------------------------------------
EMPTY_ROWS = "pattern p { mask = k < q - 10 }"


def test_empty_rows_give_zero_minus_inf_and_zero_gradients():
    pat = spdsl.parse(EMPTY_ROWS)["p"]
    B, H, Hk, L, D = 2, 4, 2, 25, 8
    q, k, v = make_qkv(B, H, Hk, L, L, D, seed=5, requires_grad=True)
    out, lse = spdsl.reference_attention(pat, q, k, v, return_lse=True)
    empty = torch.arange(L) <= 10                  # q <= 10 sees no key
    assert (out[:, :, empty] == 0).all()
    assert torch.isneginf(lse[:, :, empty]).all()
    assert torch.isfinite(out).all() and torch.isfinite(lse[:, :, ~empty]).all()

    # the other rows are ordinary attention
    b, h, qq, kk, _ = grid(B, H, L, L)
    mask = np.broadcast_to(kk < qq - 10, (B, H, L, L)).copy()
    want, rows = sdpa(q.detach(), k.detach(), v.detach(), mask)
    assert_rows_close(out.detach(), want, rows)

    w = torch.randn(out.shape, dtype=DT, generator=torch.Generator().manual_seed(0))
    loss = (out * w).sum() + lse[:, :, ~empty].sum()
    loss.backward()
    for name, t in (("q", q), ("k", k), ("v", v)):
        assert torch.isfinite(t.grad).all(), f"NaN/inf in d{name}"
    assert (q.grad[:, :, empty] == 0).all()
    assert q.grad[:, :, ~empty].abs().sum() > 0
    # keys that only empty-free rows can see get gradients, the rest none
    assert (k.grad[:, :, L - 10:] == 0).all() and (v.grad[:, :, L - 10:] == 0).all()


def test_all_rows_empty():
    pat = spdsl.parse("pattern never { mask = false }")["never"]
    q, k, v = make_qkv(1, 2, 2, 5, 6, 4, requires_grad=True)
    out, lse = spdsl.reference_attention(pat, q, k, v, return_lse=True)
    assert (out == 0).all() and torch.isneginf(lse).all()
    out.sum().backward()
    for t in (q, k, v):
        assert torch.isfinite(t.grad).all() and (t.grad == 0).all()


# ---------------------------------------------------------------------------
# gradients
# ---------------------------------------------------------------------------
GRAD_PATTERNS = {
    "sliding_window": lambda: example("sliding_window").bind(window=3),
    "alibi": lambda: example("alibi"),
    "softcap": lambda: example("softcap").bind(cap=0.7),
    "empty_rows": lambda: spdsl.parse("pattern p { mask = k < q - 2 }")["p"],
    "documents": lambda: example("documents"),
}


@pytest.mark.parametrize("Hk", [2, 1])
@pytest.mark.parametrize("name", list(GRAD_PATTERNS))
def test_gradcheck(name, Hk):
    pat = GRAD_PATTERNS[name]()
    q, k, v = make_qkv(1, 2, Hk, 7, 7, 3, seed=6, requires_grad=True)
    ins = {"doc": torch.tensor([[0, 0, 0, 1, 1, 2, 2]])} if name == "documents" else {}

    def f(q, k, v):
        return spdsl.reference_attention(pat, q, k, v, scale=1.7, **ins)

    assert torch.autograd.gradcheck(f, (q, k, v), eps=1e-6, atol=1e-5, rtol=1e-4)
    if name != "empty_rows":
        def g(q, k, v):
            return spdsl.reference_attention(pat, q, k, v, scale=1.7, return_lse=True, **ins)[1]
        assert torch.autograd.gradcheck(g, (q, k, v), eps=1e-6, atol=1e-5, rtol=1e-4)


def test_gradients_match_sdpa():
    pat = PATTERNS["longformer"][0]()
    q, k, v = make_qkv(1, 4, 2, 23, 23, 8, seed=7, requires_grad=True)
    mask = np.broadcast_to(_longformer(1, 4, 23, 23, {}), (1, 4, 23, 23)).copy()
    w = torch.randn(1, 4, 23, 8, dtype=DT)
    (spdsl.reference_attention(pat, q, k, v) * w).sum().backward()
    grads = [t.grad.clone() for t in (q, k, v)]
    q2, k2, v2 = (t.detach().clone().requires_grad_(True) for t in (q, k, v))
    (sdpa(q2, k2, v2, mask)[0] * w).sum().backward()
    for got, want in zip(grads, (q2.grad, k2.grad, v2.grad)):
        torch.testing.assert_close(got, want, rtol=1e-9, atol=1e-10)


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------
def _good():
    return make_qkv(1, 4, 2, 8, 8, 4)


@pytest.mark.parametrize("case,exc,words", [
    ("q_not_tensor", TypeError, r"(?i)tensor"),
    ("q_3d", ValueError, r"4-D|shape"),
    ("k_5d", ValueError, r"4-D|shape"),
    ("int_dtype", TypeError, r"float|dtype"),
    ("mixed_dtype", TypeError, r"dtype"),
    ("head_dim", ValueError, r"head dim|shape|D"),
    ("kv_shapes", ValueError, r"shape"),
    ("batch", ValueError, r"batch"),
    ("gqa_heads", ValueError, r"heads|H % Hk"),
])
def test_bad_qkv(case, exc, words):
    q, k, v = _good()
    if case == "q_not_tensor":
        q = q.numpy()
    elif case == "q_3d":
        q = q[0]
    elif case == "k_5d":
        k, v = k[None], v[None]
    elif case == "int_dtype":
        q, k, v = (t.to(torch.int64) for t in (q, k, v))
    elif case == "mixed_dtype":
        k = k.float()
    elif case == "head_dim":
        k, v = k[..., :3], v[..., :3]
    elif case == "kv_shapes":
        v = v[:, :, :5]
    elif case == "batch":
        k, v = torch.cat([k, k]), torch.cat([v, v])
    elif case == "gqa_heads":
        k, v = torch.cat([k, k[:, :1]], 1), torch.cat([v, v[:, :1]], 1)   # 4 % 3 != 0
    with pytest.raises(exc, match=words):
        spdsl.reference_attention(PATTERNS["sliding_window"][0](), q, k, v)


def test_bad_pattern_inputs():
    q, k, v = make_qkv(2, 2, 2, 8, 8, 4)
    docs = example("documents")
    good = torch.zeros(2, 8, dtype=torch.int64)
    assert issubclass(spdsl.PatternError, ValueError)
    with pytest.raises(spdsl.PatternError, match="doc"):
        spdsl.reference_attention(docs, q, k, v)                              # missing
    with pytest.raises(spdsl.PatternError, match="docs|extra|no input"):
        spdsl.reference_attention(docs, q, k, v, doc=good, docs=good)        # extra
    with pytest.raises(spdsl.PatternError, match="no input"):
        spdsl.reference_attention(PATTERNS["sliding_window"][0](), q, k, v, doc=good)
    with pytest.raises(spdsl.PatternError, match=r"shape.*\(2, 8\)"):
        spdsl.reference_attention(docs, q, k, v, doc=torch.zeros(2, 7, dtype=torch.int64))
    with pytest.raises(spdsl.PatternError, match="shape"):
        spdsl.reference_attention(docs, q, k, v, doc=torch.zeros(8, dtype=torch.int64))
    with pytest.raises(spdsl.PatternError, match="int"):
        spdsl.reference_attention(docs, q, k, v, doc=torch.zeros(2, 8))
    # a numpy int array is accepted and gives the same result as a tensor
    ids = doc_ids(2, 8, seed=3)
    torch.testing.assert_close(spdsl.reference_attention(docs, q, k, v, doc=ids),
                               spdsl.reference_attention(docs, q, k, v, doc=torch.from_numpy(ids)))


def test_unbound_parameter_is_an_error():
    pat = spdsl.parse("pattern w(width) { mask = abs(q - k) < width }")["w"]
    q, k, v = make_qkv(1, 1, 1, 4, 4, 2)
    with pytest.raises(spdsl.PatternError, match="width"):
        spdsl.reference_attention(pat, q, k, v)
    out = spdsl.reference_attention(pat.bind(width=2), q, k, v)
    b, h, qq, kk, _ = grid(1, 1, 4, 4)
    want, rows = sdpa(q, k, v, np.abs(qq - kk) < 2)
    assert_rows_close(out, want, rows)
