"""Learnable score inputs (LANGUAGE.md 1.1, issue 12 item 2): a float input that requires
grad receives its gradient, from the backward's gradient variant (``codegen/common/
input_grads.py``), checked against autograd through the float64 reference.

Two patterns keep the builds few: ``BIAS`` reads a [H, Lq, Lk] bias (both lengths: the
block-sparse element buffers), ``SMALL`` the other forms (per-head gate, a clamped
relative-position table, a per-key bias, a bias read through an int input: per-task
rows). Both have rows that see no key, at odd sizes with grouped-query heads."""

from __future__ import annotations

import pytest
import torch

import spdsl
from conftest import assert_within_eager_budget
from spdsl.codegen.common.derivative import load_derivative, load_sites
from spdsl.codegen.common.input_grads import ELEMENTS, PARTIAL, plan
from spdsl.ir.printer import print_expr

B, H, HK, LQ, LK, D = 2, 4, 2, 37, 53, 16

LIB = spdsl.parse("""
pattern bias_full {                 # rows with q < 20 (qi < 4) see no key
    input bias : float[H, Lq, Lk]
    mask = causal and k >= 20 and q - k < 24
    score = score + bias[h, qi, ki]
}

pattern small_forms {
    input gate : float[H]
    input rel : float[9]
    input kb : float[Lk]
    input tb : float[Lk]
    input off : int[Lq]
    mask = causal and k >= 20
    score = score * exp(gate[h]) + tanh(rel[min(max(q - k, -4), 4) + 4]) + kb[k] + tb[off[qi]] * 0.5
}
""")


def _tensors(seed: int, dtype=torch.float32):
    gen = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, LQ, D, generator=gen, dtype=dtype)
    k = torch.randn(B, HK, LK, D, generator=gen, dtype=dtype)
    v = torch.randn(B, HK, LK, D, generator=gen, dtype=dtype)
    dout = torch.randn(B, H, LQ, D, generator=gen, dtype=dtype)
    return q, k, v, dout


def _inputs(name: str, seed: int) -> dict:
    gen = torch.Generator().manual_seed(seed)
    if name == "bias_full":
        return {"bias": torch.randn(H, LQ, LK, generator=gen)}
    return {"gate": 0.3 * torch.randn(H, generator=gen), "rel": torch.randn(9, generator=gen),
            "kb": torch.randn(LK, generator=gen), "tb": torch.randn(LK, generator=gen),
            "off": torch.randint(0, LK, (LQ,), generator=gen)}


_COMPILED: dict = {}


def _attn(name: str):
    if name not in _COMPILED:
        _COMPILED[name] = spdsl.compile(LIB[name], head_dim=D, dtype=torch.float32)
    return _COMPILED[name]


def _grads(fn, q, k, v, dout, inputs, learn):
    """(out, dq, dk, dv, {input: grad}) of ``fn(q, k, v, **inputs)`` under autograd,
    the inputs named in ``learn`` requiring grad."""
    q, k, v = (t.detach().clone().requires_grad_() for t in (q, k, v))
    inputs = {n: t.detach().clone().requires_grad_(n in learn) for n, t in inputs.items()}
    out = fn(q, k, v, **inputs)
    out.backward(dout.to(out.dtype))
    return out, q.grad, k.grad, v.grad, {n: inputs[n].grad for n in learn}


def _reference(name: str, dtype):
    pat = LIB[name]
    return lambda q, k, v, **inputs: spdsl.reference_attention(pat, q, k, v, **inputs)


@pytest.mark.parametrize("name", ["bias_full", "small_forms"])
def test_input_gradients_match_float64_autograd(name):
    q, k, v, dout = _tensors(1)
    inputs = _inputs(name, 2)
    learn = [n for n, t in inputs.items() if t.is_floating_point()]
    got = _grads(_attn(name), q, k, v, dout, inputs, learn)
    as64 = lambda d: {n: t.double() if t.is_floating_point() else t for n, t in d.items()}
    ref = _grads(_reference(name, torch.float64), q.double(), k.double(), v.double(), dout.double(),
                 as64(inputs), learn)
    eager = _grads(_reference(name, torch.float32), q, k, v, dout, inputs, learn)
    for i, what in ((0, "out"), (1, "dq"), (2, "dk"), (3, "dv")):
        assert_within_eager_budget(got[i], ref[i], eager[i], what=f"{name} {what}")
    for n in learn:
        g = got[4][n]
        assert g is not None and g.dtype == torch.float32 and g.shape == inputs[n].shape, n
        assert ref[4][n].abs().max() > 0, n  # the check is not vacuous
        assert_within_eager_budget(g, ref[4][n], eager[4][n], what=f"{name} d{n}")


@pytest.mark.parametrize("name", ["bias_full", "small_forms"])
def test_input_gradients_are_deterministic(name):
    q, k, v, dout = _tensors(3)
    inputs = _inputs(name, 4)
    learn = [n for n, t in inputs.items() if t.is_floating_point()]
    first = _grads(_attn(name), q, k, v, dout, inputs, learn)[4]
    second = _grads(_attn(name), q, k, v, dout, inputs, learn)[4]
    for n in learn:
        assert torch.equal(first[n], second[n]), n


def test_no_grad_inputs_take_the_plain_kernels():
    attn = _attn("bias_full")
    q, k, v, dout = _tensors(5)
    inputs = _inputs("bias_full", 6)
    variant = attn._kernel_sets.variants[False]
    built_before = variant["backward_inputs"]
    plain = _grads(attn, q, k, v, dout, inputs, learn=[])
    assert variant["backward_inputs"] is built_before  # nothing new was built or used
    # the plain kernels' gradients, bitwise: the op's backward is today's
    out, lse = attn(q, k, v, return_lse=True, **inputs)
    layout, kernel_inputs = attn.layout_for(B, H, LQ, LK, inputs)
    dq, dk, dv = attn.backward_kernels(q, k, v, out, lse, dout, layout, scale=attn.scale,
                                       inputs=kernel_inputs)
    assert torch.equal(plain[1], dq) and torch.equal(plain[2], dk) and torch.equal(plain[3], dv)
    # the gradient variant gives the same dq, dk, dv as the dQ and dK/dV kernels, bitwise
    # (the op may have run the fused kernel: its dQ sums in another order)
    split = attn.backward_kernels(q, k, v, out, lse, dout, layout, scale=attn.scale, inputs=kernel_inputs,
                                  fused=False)
    learnt = _grads(attn, q, k, v, dout, inputs, learn=["bias"])
    for a, b, c in zip(split, learnt[1:4], plain[1:4]):
        assert torch.equal(a, b)
        torch.testing.assert_close(c, b, rtol=1e-5, atol=1e-6)


def test_int_inputs_never_get_a_gradient():
    attn = _attn("small_forms")
    assert "off" not in attn.learnable and set(attn.learnable) == {"gate", "kb", "rel", "tb"}
    q, k, v, dout = _tensors(7)
    inputs = _inputs("small_forms", 8)
    qq = q.clone().requires_grad_()
    tb = inputs["tb"].clone().requires_grad_()
    out = attn(qq, k, v, **{**inputs, "tb": tb})
    out.backward(dout)
    assert inputs["off"].grad is None and tb.grad is not None and tb.grad.abs().max() > 0
    with pytest.raises(RuntimeError):  # torch itself: an int tensor cannot require grad
        inputs["off"].requires_grad_()


def test_bfloat16_input_gets_a_bfloat16_gradient():
    attn = _attn("small_forms")
    q, k, v, dout = _tensors(9)
    inputs = _inputs("small_forms", 10)
    gate32 = inputs["gate"].to(torch.bfloat16).float()
    got = _grads(attn, q, k, v, dout, {**inputs, "gate": gate32.to(torch.bfloat16)}, ["gate"])[4]["gate"]
    assert got.dtype == torch.bfloat16 and got.shape == (H,)
    want = _grads(_reference("small_forms", torch.float64), q.double(), k.double(), v.double(),
                  dout.double(), {**inputs, "gate": gate32.double()}, ["gate"])[4]["gate"]
    # the kernel's float32 gradient rounded once to bfloat16
    assert torch.allclose(got.double(), want, rtol=2 ** -7, atol=1e-3)


def test_load_derivatives_are_symbolic_per_site():
    pat = LIB["small_forms"]
    sites = load_sites(pat.score)
    assert [s.input.name for s in sites] == ["gate", "rel", "kb", "tb"]
    derivs = {s.input.name: print_expr(load_derivative(pat.score, s)) for s in sites}
    assert derivs["gate"] == print_expr(load_derivative(pat.score, sites[0]))
    assert "exp" in derivs["gate"] and "score" in derivs["gate"]
    assert "tanh" in derivs["rel"]
    assert derivs["kb"] == "1.0" and derivs["tb"] == "0.5"
    modes = {s.load.input.name: s.mode for s in plan(pat.score).sites}
    assert modes == {"gate": PARTIAL, "rel": PARTIAL, "kb": PARTIAL, "tb": PARTIAL}
    assert [s.mode for s in plan(LIB["bias_full"].score).sites] == [ELEMENTS]


def test_repeated_load_is_one_variable():
    """d/dw[k] of score + w[k] * w[k] + w[max(k - 1, 0)] is 2 w[k]: equal loads are one site,
    another element's load is independent."""
    import numpy as np

    from spdsl.analysis.evaluate import evaluate

    lib = spdsl.parse("""
    pattern sq {
        input w : float[Lk]
        mask = k >= 1
        score = score + w[k] * w[k] + w[max(k - 1, 0)]
    }
    """)
    score = lib["sq"].score
    sites = load_sites(score)
    assert len(sites) == 2
    w = np.linspace(-1.0, 2.0, 6)
    env = {"b": np.zeros((1, 1)), "h": np.zeros((1, 1)), "q": np.zeros((1, 1), dtype=np.int64),
           "k": np.arange(1, 6).reshape(1, 5), "B": 1, "H": 1, "Lq": 1, "Lk": 6,
           "score": np.zeros((1, 5))}
    got = [evaluate(load_derivative(score, s), env, inputs={"w": w}, float_dtype=np.float64)
           for s in sites]
    square = [print_expr(s.args[0]) for s in sites].index("k")
    assert np.allclose(np.broadcast_to(got[square], (1, 5)), 2 * w[1:])
    assert np.allclose(np.broadcast_to(got[1 - square], (1, 5)), 1.0)


def test_torch_compile_fullgraph_learns_a_gate():
    """The gradient variant under torch.compile(fullgraph=True) (eager backend: AOT
    autograd traces both ops through their fake implementations)."""
    attn = _attn("small_forms")
    q, k, v, dout = _tensors(11)
    inputs = _inputs("small_forms", 12)

    def f(q, k, v, gate):
        return attn(q, k, v, **{**inputs, "gate": gate})

    compiled = torch.compile(f, fullgraph=True, backend="aot_eager")
    gate = inputs["gate"].clone().requires_grad_()
    compiled(q, k, v, gate).backward(dout)
    want = _grads(attn, q, k, v, dout, inputs, ["gate"])[4]["gate"]
    assert gate.grad is not None and torch.equal(gate.grad, want)


def test_new_float_values_reuse_the_layout_and_reach_the_kernels():
    """Float inputs the mask never reads (a learnable bias changing every step) are keyed by
    dtype and shape only: the layout is not rebuilt, and each call computes with its own
    values. An int input that indexes (``off``) still keys by value."""
    attn = _attn("small_forms")
    q, k, v, _ = _tensors(40)
    ref = _reference("small_forms", torch.float64)
    before = len(attn._layouts)
    base = _inputs("small_forms", 41)
    for seed in (42, 43):
        new = {**_inputs("small_forms", seed), "off": base["off"]}
        out = attn(q, k, v, **new)
        want = ref(q.double(), k.double(), v.double(), **new)
        assert_within_eager_budget(out, want, _reference("small_forms", torch.float32)(q, k, v, **new),
                                   what=f"seed {seed}")
    assert len(attn._layouts) == before + 1
    attn(q, k, v, **{**base, "off": (base["off"] + 1) % LK})
    assert len(attn._layouts) == before + 2
