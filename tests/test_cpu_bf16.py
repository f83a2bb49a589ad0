"""bfloat16 on the CPU: the forward's block products on AVX512-BF16 (vdpbf16ps, float32
sums) and on float32 FMAs, both against the float64 reference within the budget of torch's
own bfloat16 computation; odd sizes, grouped-query heads, rows that see no key. Which path
a target gets, and that the choice is part of the kernel's key."""

import pytest
import torch

import spdsl
from conftest import GOLDEN, assert_within_eager_budget, check_golden, max_error
from spdsl.codegen.cpu.schedule import ScheduleConfig

# FULL blocks (q < 150), PARTIAL ones past it, and rows q <= 70 that see no key
PATTERN = spdsl.parse("pattern gap { mask = k < q - 70 and (q < 150 or k % 3 != 1) }")["gap"]
D = 32


def _has_avx512_bf16() -> bool:
    from spdsl.codegen.cpu.target import bf16_products

    return bf16_products(None) == "dpbf16"


@pytest.fixture(scope="module", params=["dpbf16", "fp32"])
def op(request):
    if request.param == "dpbf16" and not _has_avx512_bf16():
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


def test_the_products_knob_picks_the_kernel(update_golden):
    from spdsl.codegen.cpu.forward import uses_dot_products
    from spdsl.codegen.cpu.kernels import emit
    from spdsl.codegen.cpu.loops import DPBF16

    cfg = lambda p, **kw: ScheduleConfig(products=p, **kw)
    text = emit(PATTERN.mask, PATTERN.score, head_dim=D, dtype="bfloat16", config=cfg("dpbf16"))
    assert DPBF16 in text
    check_golden(GOLDEN / "code" / "tir" / "gap.forward.bfloat16_dpbf16.py", text, update_golden)
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
    if _has_avx512_bf16():
        assert bf16.knobs["products"] == ("fp32", "dpbf16") and bf16.default.products == "dpbf16"
    else:
        assert "products" not in bf16.knobs
    assert config_problem({"products": "dpbf16", "key_tile": 2}, "cpu/znver4") is None
    assert "products" in config_problem({"products": "amx"}, "cpu/znver4")
