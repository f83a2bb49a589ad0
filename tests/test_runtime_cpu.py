"""spdsl.compile on the CPU: every example, forward and gradients, against the float64
reference on fresh random inputs; odd sizes, decode, grouped-query heads, empty rows."""

import math
import zlib

import pytest
import torch

import spdsl
import spdsl.runtime.op as rt
from conftest import EXAMPLES, assert_within_eager_budget, max_error

EXAMPLE_PATTERNS = []
for path in sorted(EXAMPLES.glob("*.spdsl")):
    lib = spdsl.load(path)
    EXAMPLE_PATTERNS += [(name, lib[name]) for name in lib.root_names]
assert EXAMPLE_PATTERNS, f"no examples under {EXAMPLES}"


@pytest.fixture
def poisoned_outputs(monkeypatch):
    """Outputs start as NaN, so an element the kernel fails to write shows."""
    monkeypatch.setattr(rt, "POISON_OUTPUTS", True)

SMALL = {"sliding_window": {"window": 100}, "longformer": {"window": 64, "globals": 8},
         "bigbird": {"size": 32}, "strided": {"stride": 48}, "fixed": {"stride": 64, "c": 8},
         "dilated": {"window": 64, "dilation": 3}, "prefix_lm": {"prefix": 40},
         "neighborhood_2d": {"width": 20, "radius": 2}, "streaming": {"window": 64, "sinks": 4},
         "causal_window": {"window": 50}}


def _inputs(pat, B, Lq, Lk, gen):
    out = {}
    for name, decl in pat.inputs.items():
        assert decl.dtype == "int" and decl.dims == ("B", "Lk")
        out[name] = torch.sort(torch.randint(0, 5, (B, Lk), generator=gen), dim=-1).values
    return out


def check_against_reference(attn, pat, B, H, Hk, Lq, Lk, D, seed, dtype=torch.float32, grads=True):
    gen = torch.Generator().manual_seed(seed)
    q = torch.randn(B, H, Lq, D, generator=gen, dtype=torch.float64)
    k = torch.randn(B, Hk, Lk, D, generator=gen, dtype=torch.float64)
    v = torch.randn(B, Hk, Lk, D, generator=gen, dtype=torch.float64)
    dout = torch.randn(B, H, Lq, D, generator=gen, dtype=torch.float64)
    inputs = _inputs(pat, B, Lq, Lk, gen)

    ref_q, ref_k, ref_v = (t.clone().requires_grad_() for t in (q, k, v))
    ref = spdsl.reference_attention(pat, ref_q, ref_k, ref_v, **inputs)
    ref.backward(dout)
    # The same computation in the kernel's dtype, eagerly: the error budget.
    e_q, e_k, e_v = (t.to(dtype).requires_grad_() for t in (q, k, v))
    eager = spdsl.reference_attention(pat, e_q, e_k, e_v, **inputs)
    eager.backward(dout.to(dtype))

    x_q, x_k, x_v = (t.to(dtype).requires_grad_() for t in (q, k, v))
    out, lse = attn(x_q, x_k, x_v, return_lse=True, **inputs)
    assert out.dtype == dtype and not torch.isnan(out).any() and not torch.isnan(lse).any()
    assert_within_eager_budget(out, ref, eager, what="out")
    _, ref_lse = spdsl.reference_attention(pat, q, k, v, return_lse=True, **inputs)
    _, eager_lse = spdsl.reference_attention(pat, *(t.to(dtype) for t in (q, k, v)), return_lse=True, **inputs)
    finite = torch.isfinite(ref_lse)
    assert torch.equal(torch.isfinite(lse), finite)                 # empty rows: -inf exactly there
    assert_within_eager_budget(lse[finite], ref_lse[finite], eager_lse[finite], metric=max_error, floor=1e-4,
                               what="lse")
    if not grads:
        return
    out.backward(dout.to(dtype))
    for what, got, want, e in (("dq", x_q, ref_q, e_q), ("dk", x_k, ref_k, e_k), ("dv", x_v, ref_v, e_v)):
        assert got.grad.dtype == dtype and not torch.isnan(got.grad).any()
        assert_within_eager_budget(got.grad, want.grad, e.grad, what=what)


def stable_seed(name: str) -> int:
    """The same seed in every process (``hash`` of a str changes with PYTHONHASHSEED)."""
    return zlib.crc32(name.encode()) % 1000


@pytest.mark.usefixtures("poisoned_outputs")
@pytest.mark.parametrize("name,pat", EXAMPLE_PATTERNS, ids=[n for n, _ in EXAMPLE_PATTERNS])
def test_every_example_forward_and_gradients(name, pat):
    pat = pat.bind(**SMALL.get(name, {}))
    attn = spdsl.compile(pat, head_dim=32)
    check_against_reference(attn, pat, B=2, H=4, Hk=2, Lq=203, Lk=203, D=32, seed=stable_seed(name))


@pytest.fixture(scope="module")
def window_attn():
    pat = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"].bind(window=70)
    attn = spdsl.compile(pat, head_dim=64)
    attn.backward_kernels  # built now, so that the test below sees every build
    return pat, attn


@pytest.mark.usefixtures("poisoned_outputs")
@pytest.mark.parametrize("Lq,Lk", [(100, 300), (1, 300), (1, 1), (300, 300), (129, 64)])
def test_lengths_share_one_build(window_attn, Lq, Lk):
    pat, attn = window_attn
    seconds = attn.build_seconds
    check_against_reference(attn, pat, B=1, H=3, Hk=1, Lq=Lq, Lk=Lk, D=64, seed=Lq * 7 + Lk)
    assert attn.build_seconds == seconds            # no rebuild when L changes


@pytest.mark.usefixtures("poisoned_outputs")
@pytest.mark.parametrize("D", [32, 80, 128])
def test_head_dims(D):
    pat = spdsl.load(EXAMPLES / "alibi.spdsl")["alibi"]
    check_against_reference(spdsl.compile(pat, head_dim=D), pat, B=1, H=2, Hk=2, Lq=130, Lk=130, D=D, seed=D)


@pytest.mark.usefixtures("poisoned_outputs")
def test_empty_rows_give_zero_and_zero_gradients():
    pat = spdsl.parse("pattern gap { mask = k < q - 70 and k % 3 != 1 }")["gap"]
    attn = spdsl.compile(pat, head_dim=32)
    gen = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, 2, 150, 32, generator=gen, requires_grad=True) for _ in range(3))
    out, lse = attn(q, k, v, return_lse=True)
    assert (out[:, :, :71] == 0).all() and torch.isinf(lse[:, :, :71]).all() and (lse[:, :, :71] < 0).all()
    out.sum().backward()
    assert (q.grad[:, :, :71] == 0).all() and not any(torch.isnan(t.grad).any() for t in (q, k, v))
    check_against_reference(attn, pat, B=1, H=2, Hk=1, Lq=150, Lk=150, D=32, seed=3)


@pytest.mark.usefixtures("poisoned_outputs")
@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_half_precision_against_same_dtype_eager(dtype):
    pat = spdsl.load(EXAMPLES / "longformer.spdsl")["longformer"].bind(window=64, globals=8)
    attn = spdsl.compile(pat, head_dim=64, dtype=dtype)
    check_against_reference(attn, pat, B=1, H=2, Hk=2, Lq=200, Lk=200, D=64, seed=11, dtype=dtype)


@pytest.mark.usefixtures("poisoned_outputs")
def test_random_inputs_each_call_and_documents_layouts_per_input():
    pat = spdsl.load(EXAMPLES / "documents.spdsl")["documents"]
    attn = spdsl.compile(pat, head_dim=32)
    for seed in range(3):                  # a different doc array each call: a new layout each
        check_against_reference(attn, pat, B=2, H=2, Hk=2, Lq=190, Lk=190, D=32, seed=100 + seed, grads=False)


def test_module_and_training_step():
    pat = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"].bind(window=32)

    class Block(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = torch.nn.Linear(64, 3 * 64)
            self.attn = spdsl.SparseAttention(pat, head_dim=16)
            self.out = torch.nn.Linear(64, 64)

        def forward(self, x):
            B, L, _ = x.shape
            q, k, v = self.qkv(x).view(B, L, 3, 4, 16).permute(2, 0, 3, 1, 4).contiguous()
            y = self.attn(q, k, v)
            return self.out(y.transpose(1, 2).reshape(B, L, 64))

    with torch.random.fork_rng():       # seeded weights, without resetting the process's generator
        torch.manual_seed(0)
        model = Block()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    gen = torch.Generator().manual_seed(0)
    x, target = torch.randn(2, 100, 64, generator=gen), torch.randn(2, 100, 64, generator=gen)
    losses = []
    for _ in range(3):
        loss = torch.nn.functional.mse_loss(model(x), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0] and all(math.isfinite(l) for l in losses)
    assert model.qkv.weight.grad is not None and model.qkv.weight.grad.abs().sum() > 0


def test_torch_compile_fullgraph():
    pat = spdsl.load(EXAMPLES / "streaming.spdsl")["streaming"].bind(window=40, sinks=2)
    attn = spdsl.compile(pat, head_dim=32)

    def f(q, k, v):
        return (attn(q, k, v) * 2).sum(dim=-1)

    compiled = torch.compile(f, fullgraph=True, backend="eager")
    gen = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, 2, 90, 32, generator=gen, requires_grad=True) for _ in range(3))
    got = compiled(q, k, v)
    want = f(q, k, v)
    assert torch.allclose(got, want)
    got.sum().backward()
    assert q.grad is not None and not torch.isnan(q.grad).any()
    inductor = torch.compile(f, fullgraph=True)
    assert torch.allclose(inductor(q, k, v), want, atol=1e-5)


@pytest.mark.parametrize("make, words", [
    (lambda q, k, v: (q[0], k, v), "4-D"),
    (lambda q, k, v: (q.double(), k.double(), v.double()), "compiled for torch.float32"),
    (lambda q, k, v: (q[..., :16].contiguous(), k[..., :16].contiguous(), v[..., :16].contiguous()), "head dim 16"),
    (lambda q, k, v: (q, k, v[:, :, :50].contiguous()), "same shape"),
    (lambda q, k, v: (q, torch.cat([k, k[:1]]), torch.cat([v, v[:1]])), "batch sizes differ"),  # 3 under 2
    (lambda q, k, v: (q, torch.cat([k, k, k], 1), torch.cat([v, v, v], 1)), "H % Hk == 0"),
    (lambda q, k, v: (q.to("meta"), k.to("meta"), v.to("meta")), "compiled for 'cpu'"),
])
def test_bad_tensors_are_clear_errors(window_attn, make, words):
    _, attn = window_attn
    q, k, v = (torch.randn(2, 4, 60, 64) for _ in range(3))
    with pytest.raises((ValueError, TypeError), match=words):
        attn(*make(q, k, v))


def test_bad_pattern_inputs_are_clear_errors():
    pat = spdsl.parse("pattern p { input pos : int[Lk]\n input t : float[8]\n mask = t[pos[k]] > 0.5 }")["p"]
    attn = spdsl.compile(pat, head_dim=32)
    q, k, v = (torch.randn(1, 1, 40, 32) for _ in range(3))
    pos, t = torch.randint(0, 8, (40,)), torch.rand(8)
    assert attn(q, k, v, pos=pos, t=t).shape == q.shape
    for kwargs, words in [({"pos": pos}, "needs the input 't'"),
                          ({"pos": pos, "t": t, "x": t}, "no input 'x'"),
                          ({"pos": pos + 8, "t": t}, "out of range"),
                          ({"pos": pos[:20], "t": t}, "shape"),
                          ({"pos": pos.float(), "t": t}, "declared int")]:
        with pytest.raises(spdsl.PatternError, match=words):
            attn(q, k, v, **kwargs)


def test_compile_errors():
    with pytest.raises(spdsl.PatternError, match="without a value"):
        spdsl.compile(spdsl.parse("pattern p(w) { mask = q - k < w }")["p"], head_dim=32)
    pat = spdsl.parse("pattern p(w = 2) { mask = q - k < w }")["p"]
    with pytest.raises(spdsl.PatternError, match="no parameter 'x'"):
        spdsl.compile(pat, head_dim=32, x=3)
    with pytest.raises(TypeError, match="dtype"):
        spdsl.compile(pat, head_dim=32, dtype=torch.int32)
    with pytest.raises(ValueError, match="not supported"):
        spdsl.compile(pat, head_dim=32, device="tpu")


def test_strided_views_and_bool_inputs_are_taken():
    """Issue 11 bug 4: q/k/v as transformers passes them ([B, L, H, D] memory seen through
    .transpose(1, 2)) and a bool tensor for an int input (as 0/1) compute the reference."""
    pat = spdsl.parse("pattern p { input keep : int[B, Lk]\n mask = causal and keep[b, k] != 0 }")["p"]
    attn = spdsl.compile(pat, head_dim=16)
    g = torch.Generator().manual_seed(5)
    B, L, H, Hk = 2, 29, 4, 2
    q = torch.randn(B, L, H, 16, generator=g).transpose(1, 2).requires_grad_()
    k, v = (torch.randn(B, L, Hk, 16, generator=g).transpose(1, 2).requires_grad_() for _ in range(2))
    assert not q.is_contiguous() and not k.is_contiguous()
    keep = torch.rand(B, L, generator=g) > 0.3
    out = attn(q, k, v, keep=keep)
    leaves = [t.detach().double().requires_grad_() for t in (q, k, v)]
    ref = spdsl.reference_attention(pat, *leaves, keep=keep.long())
    assert (out.double() - ref).abs().max().item() < 1e-5
    dout = torch.randn(out.shape, generator=g)
    for got, want in zip(torch.autograd.grad(out, (q, k, v), dout),
                         torch.autograd.grad(ref, leaves, dout.double())):
        assert got.shape == want.shape and (got.double() - want).abs().max().item() < 1e-4


def test_two_scales_of_one_pattern_are_two_kernels():
    """Issue 11: two compiles of one pattern with different scales (a Mistral and a Gemma
    in one process) must each compute with their own scale, forward and backward, in
    whatever order they are called."""
    pat = spdsl.parse("pattern p { mask = causal }")["p"]
    first = spdsl.compile(pat, head_dim=16, scale=0.25)
    second = spdsl.compile(pat, head_dim=16, scale=1.5)
    same = spdsl.compile(pat, head_dim=16, scale=0.25)
    assert first.id != second.id and first.id == same.id
    g = torch.Generator().manual_seed(11)
    q, k, v = (torch.randn(1, 2, 33, 16, generator=g, requires_grad=True) for _ in range(3))
    for attn in (first, second, first):
        leaves = [t.detach().double().requires_grad_() for t in (q, k, v)]
        ref = spdsl.reference_attention(pat, *leaves, scale=attn.scale)
        out = attn(q, k, v)
        assert (out.double() - ref).abs().max().item() < 1e-5
        dout = torch.randn(out.shape, generator=g)
        grads = torch.autograd.grad(out, (q, k, v), dout)
        want = torch.autograd.grad(ref, leaves, dout.double())
        for got, exp in zip(grads, want):
            assert (got.double() - exp).abs().max().item() < 1e-4


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402
from test_roundtrip import PROGRAMS  # noqa: E402


# the fixture's one setting serves every example hypothesis draws
@pytest.mark.usefixtures("poisoned_outputs")
@settings(max_examples=2, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(PROGRAMS, st.integers(1, 60), st.sampled_from([(77, 77), (40, 100), (1, 50)]))
def test_random_patterns_forward_and_gradients(prog, w, lengths):
    pat = spdsl.parse(f"pattern p(w = {w}) {{ mask = {prog[0]} }}")["p"]
    attn = spdsl.compile(pat, head_dim=16, config=__import__("spdsl.codegen", fromlist=["x"]).ScheduleConfig(
        block_q=16, block_k=16))
    Lq, Lk = lengths
    check_against_reference(attn, pat, B=1, H=2, Hk=1, Lq=Lq, Lk=Lk, D=16, seed=w)
