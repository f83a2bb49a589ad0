"""bfloat16 on the CPU: the block products of the forward and of the backward (dQ, dK/dV)
on AVX512-BF16 (vdpbf16ps, float32 sums) and on float32 FMAs, both against the float64
reference (outputs and autograd gradients) within the budget of torch's own bfloat16
computation; odd sizes, grouped-query heads, rows that see no key, a score with a
derivative. Which path a target gets, and that the choice is part of the kernels' keys."""

import pytest
import torch

import spdsl
from conftest import GOLDEN, assert_within_eager_budget, check_golden, has_avx512_bf16, max_error
from spdsl.codegen.cpu.schedule import ScheduleConfig

# FULL blocks (q < 150), PARTIAL ones past it, and rows q <= 70 that see no key
PATTERN = spdsl.parse("pattern gap { mask = k < q - 70 and (q < 150 or k % 3 != 1) }")["gap"]
# the same mask with a soft cap low enough that d score / d raw is far from 1 (dS reads it)
CAPPED = spdsl.parse("pattern gapcap { mask = k < q - 70 and (q < 150 or k % 3 != 1)\n"
                     "score = 2.0 * tanh(score / 2.0) }")["gapcap"]
D = 32


@pytest.fixture(scope="module", params=["dpbf16", "fp32"])
def op(request):
    if request.param == "dpbf16" and not has_avx512_bf16():
        pytest.skip("this CPU has no AVX512-BF16: the dpbf16 products cannot run here")
    return spdsl.compile(PATTERN, head_dim=D, dtype=torch.bfloat16,
                         config=ScheduleConfig(products=request.param))


@pytest.mark.parametrize("B,H,Hk,Lq,Lk", [(1, 2, 2, 203, 203), (2, 4, 2, 131, 197), (1, 3, 1, 70, 90)])
def test_forward_against_float64(op, B, H, Hk, Lq, Lk):
    gen = torch.Generator().manual_seed(Lq * 31 + Lk)
    q = torch.randn(B, H, Lq, D, generator=gen, dtype=torch.float64)
    k, v = (torch.randn(B, Hk, Lk, D, generator=gen, dtype=torch.float64) for _ in range(2))
    ref, ref_lse = spdsl.reference_attention(PATTERN, q, k, v, return_lse=True)
    half = [t.bfloat16() for t in (q, k, v)]
    eager, eager_lse = spdsl.reference_attention(PATTERN, *half, return_lse=True)
    out, lse = op(*half, return_lse=True)
    assert out.dtype == torch.bfloat16 and not torch.isnan(out).any()
    assert_within_eager_budget(out, ref, eager, what="out")
    finite = torch.isfinite(ref_lse)
    assert torch.equal(torch.isfinite(lse), finite)           # empty rows: -inf exactly there
    assert (out.float().masked_select(~finite[..., None]) == 0).all()   # and a zero output
    assert_within_eager_budget(lse[finite], ref_lse[finite], eager_lse[finite], metric=max_error,
                               floor=1e-4, what="lse")


@pytest.fixture(scope="module", params=["dpbf16", "fp32"])
def capped(request):
    if request.param == "dpbf16" and not has_avx512_bf16():
        pytest.skip("this CPU has no AVX512-BF16: the dpbf16 products cannot run here")
    return request.param, spdsl.compile(CAPPED, head_dim=D, dtype=torch.bfloat16,
                                        config=ScheduleConfig(products=request.param))


@pytest.mark.parametrize("B,H,Hk,Lq,Lk", [(2, 4, 2, 131, 197), (1, 3, 1, 70, 90)])
def test_gradients_against_float64(capped, B, H, Hk, Lq, Lk):
    products, op = capped
    gen = torch.Generator().manual_seed(Lq * 7 + Lk)
    q = torch.randn(B, H, Lq, D, generator=gen, dtype=torch.float64) * 2  # scores up to the cap
    k, v = (torch.randn(B, Hk, Lk, D, generator=gen, dtype=torch.float64) for _ in range(2))
    dout = torch.randn(B, H, Lq, D, generator=gen, dtype=torch.float64)
    ref = [t.clone().requires_grad_() for t in (q, k, v)]
    spdsl.reference_attention(CAPPED, *ref).backward(dout)
    eager = [t.bfloat16().requires_grad_() for t in (q, k, v)]
    spdsl.reference_attention(CAPPED, *eager).backward(dout.bfloat16())
    got = [t.bfloat16().requires_grad_() for t in (q, k, v)]
    op(*got).backward(dout.bfloat16())
    for what, g, r, e in zip(("dq", "dk", "dv"), got, ref, eager):
        assert g.grad.dtype == torch.bfloat16 and torch.isfinite(g.grad).all()
        assert_within_eager_budget(g.grad, r.grad, e.grad, what=f"{products} {what}")
    _, lse = spdsl.reference_attention(CAPPED, q, k, v, return_lse=True)
    empty = ~torch.isfinite(lse)                         # rows that see no key: no gradient
    assert empty.any() and (got[0].grad[empty] == 0).all()
    kernels = op.backward_kernels
    assert kernels.dtype == ("bfloat16" if products == "dpbf16" else "float32")
    # each backward path forced: the fused kernel and the dQ + dK/dV kernels
    assert kernels.has_fused
    half = [t.bfloat16() for t in (q, k, v)]
    out, out_lse = op(*half, return_lse=True)
    layout, kernel_inputs = op.layout_for(B, H, Lq, Lk, {})
    for fused in (False, True):
        grads = kernels(*half, out, out_lse, dout.bfloat16(), layout, scale=op.scale, inputs=kernel_inputs,
                        fused=fused)
        for what, g, r, e in zip(("dq", "dk", "dv"), grads, ref, eager):
            assert_within_eager_budget(g, r.grad, e.grad, what=f"{products} {what} (fused={fused})")


def test_backward_paths_have_their_own_keys(capped):
    from spdsl.codegen.build import build
    from spdsl.codegen.cpu.kernels import backward_dtype

    def made(products):  # the op's build, from this process's memo when the fixture made it
        return build(CAPPED.mask, CAPPED.score, kernel="backward", head_dim=D, dtype="bfloat16",
                     config=ScheduleConfig(products=products))

    products, _ = capped
    other = "fp32" if products == "dpbf16" else "dpbf16"
    if not has_avx512_bf16():
        pytest.skip("this CPU has no AVX512-BF16: only one path to key")
    assert made(products).key != made(other).key
    cfg = made("dpbf16").config
    assert backward_dtype("backward", "bfloat16", cfg, D) == "bfloat16"
    assert backward_dtype("backward_inputs", "bfloat16", cfg, D) == "float32"  # learnable inputs
    assert backward_dtype("backward", "float16", cfg, D) == "float32"
    assert backward_dtype("backward", "bfloat16", cfg, D, v_head_dim=31) == "float32"  # dP pairs along Dv


def test_the_products_knob_picks_the_kernel(update_golden):
    from spdsl.codegen.cpu.forward import uses_dot_products
    from spdsl.codegen.cpu.kernels import emit
    from spdsl.codegen.cpu.loops import DPBF16

    cfg = lambda p, **kw: ScheduleConfig(products=p, **kw)
    text = emit(PATTERN.mask, PATTERN.score, head_dim=D, dtype="bfloat16", config=cfg("dpbf16"))
    assert DPBF16 in text
    check_golden(GOLDEN / "code" / "tir" / "gap.forward.bfloat16_dpbf16.py", text, update_golden)
    for kernel in ("dq", "dkdv"):
        text = emit(PATTERN.mask, PATTERN.score, head_dim=D, dtype="bfloat16", kernel=kernel,
                    config=cfg("dpbf16"))
        assert DPBF16 in text
        check_golden(GOLDEN / "code" / "tir" / f"gap.{kernel}.bfloat16_dpbf16.py", text, update_golden)
    assert uses_dot_products("bfloat16", cfg("dpbf16"), D)
    assert not uses_dot_products("bfloat16", cfg("fp32"), D)
    assert not uses_dot_products("float16", cfg("dpbf16"), D)    # no native fp16 dot here: FMAs
    assert not uses_dot_products("float32", cfg("dpbf16"), D)
    assert not uses_dot_products("bfloat16", cfg("dpbf16"), 63)  # pairs need an even head dim
    assert not uses_dot_products("bfloat16", cfg("dpbf16", block_q=8), D)  # whole 16-lane dots


def test_products_follow_the_target_and_enter_the_key():
    from spdsl.codegen.build import key_material, resolve_config

    def resolved(mcpu):
        target = {"kind": "llvm", "mcpu": mcpu}
        return resolve_config(None, head_dim=D, dtype="bfloat16", device="cpu", target=target)

    assert resolved("skylake-avx512").products == "fp32"      # AVX-512 without BF16
    assert resolved("znver4").products == "dpbf16"
    assert resolved("sapphirerapids").products == "dpbf16"    # AMX tiles not generated yet
    keys = [key_material(PATTERN.mask, PATTERN.score, [], head_dim=D, dtype="bfloat16", device="cpu",
                         config=resolved("znver4").__class__(products=p, lanes=16), target=None)
            for p in ("fp32", "dpbf16")]
    assert keys[0] != keys[1]
    with pytest.raises(ValueError, match="products must be one of"):
        ScheduleConfig(products="amx").check(D)
    with pytest.raises(ValueError, match="needs a target with AVX512-BF16"):  # never built there
        resolve_config(ScheduleConfig(products="dpbf16"), head_dim=D, dtype="bfloat16", device="cpu",
                       target={"kind": "llvm", "mcpu": "skylake-avx512"})


def test_the_tuner_searches_products_for_bfloat16_only():
    from spdsl.tune.db import config_problem
    from spdsl.tune.search import search_space

    assert "products" not in search_space(PATTERN, D, dtype=torch.float32).knobs
    bf16 = search_space(PATTERN, D, dtype=torch.bfloat16)
    if has_avx512_bf16():
        assert bf16.knobs["products"] == ("fp32", "dpbf16") and bf16.default.products == "dpbf16"
    else:
        assert "products" not in bf16.knobs
    assert config_problem({"products": "dpbf16", "key_tile": 2}, "cpu/znver4") is None
    assert "products" in config_problem({"products": "amx"}, "cpu/znver4")


def test_token_permuted_kernels_multiply_on_vdpbf16ps():
    """A strided pattern compiled over its token permutation keeps the dot products: the
    pair loads read the permuted rows (forward, dQ and dK/dV against float64)."""
    if not has_avx512_bf16():
        pytest.skip("this CPU has no AVX512-BF16: the dpbf16 products cannot run here")
    pat = spdsl.parse("pattern strided16 { mask = causal and (q - k) % 16 == 0 }")["strided16"]
    op = spdsl.compile(pat, head_dim=D, dtype=torch.bfloat16, seq=2048)
    assert op.permutation is not None and op.backward_kernels.dtype == "bfloat16"
    gen = torch.Generator().manual_seed(11)
    B, H, Hk, L = 1, 2, 1, 700
    q = torch.randn(B, H, L, D, generator=gen, dtype=torch.float64)
    k, v = (torch.randn(B, Hk, L, D, generator=gen, dtype=torch.float64) for _ in range(2))
    dout = torch.randn(B, H, L, D, generator=gen, dtype=torch.float64)
    ref = [t.clone().requires_grad_() for t in (q, k, v)]
    ref_out = spdsl.reference_attention(pat, *ref)
    ref_out.backward(dout)
    eager = [t.bfloat16().requires_grad_() for t in (q, k, v)]
    eager_out = spdsl.reference_attention(pat, *eager)
    eager_out.backward(dout.bfloat16())
    got = [t.bfloat16().requires_grad_() for t in (q, k, v)]
    out = op(*got)
    out.backward(dout.bfloat16())
    assert_within_eager_budget(out, ref_out.detach(), eager_out.detach(), what="out")
    for what, g, r, e in zip(("dq", "dk", "dv"), got, ref, eager):
        assert_within_eager_budget(g.grad, r.grad, e.grad, what=what)
