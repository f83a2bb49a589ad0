"""The bfloat16 paged CPU forward on both product paths: vdpbf16ps (bfloat16 pairs, float32
sums) and float32 FMAs, each forced with ``ScheduleConfig(products=...)``, against the
float64 reference within the budget of torch's own bfloat16 computation
(codegen/cpu/forward.py with ``paged=True``, codegen/common/paged.py).

One op per path (module-scoped), three calls each: decoding (Lq=1) and a prefill chunk
(Lq=7), which share taller-block layouts across steps (FULL blocks that cross a sequence's
end: the "edge" kind), and Lq=21 (two query blocks, a layout of its own). Key blocks are
half a page, so a block starts mid-page; every sequence's last page is partly used, its
tail and the free pages hold NaN, pages are shuffled; H=4 over 2 key heads, head dim 24;
rows at positions q <= 5 see no key (zero output, lse -inf)."""

import math

import pytest
import torch

import spdsl
from conftest import assert_within_eager_budget, has_avx512_bf16, max_error
from spdsl.codegen.cpu.schedule import ScheduleConfig

# no key for q <= 5; FULL blocks below k = 64 (not causal: a FULL block can cross a sequence's
# end in a layout shared by decoding steps), PARTIAL ones past it
PATTERN = spdsl.parse("pattern gapped { mask = q > 5 and (k < 64 or k % 3 != 1) }")["gapped"]
D, H, HK = 24, 4, 2
PAGE, BLOCK_K = 64, 32
# (Lq, seq_lens): 50 and 60 end inside their first page's second key block (FULL in the
# shared layouts of Lq 1 and 7: the edge kind), 130 leaves 2 rows in its last page, 5 / 9 /
# 23 hold rows that see no key
CALLS = [(1, [50, 130, 5]), (7, [9, 130, 60]), (21, [37, 130, 23])]


@pytest.fixture(scope="module", params=["dpbf16", "fp32"])
def op(request):
    if request.param == "dpbf16" and not has_avx512_bf16():
        pytest.skip("this CPU has no AVX512-BF16: the dpbf16 products cannot run here")
    return request.param, spdsl.compile(PATTERN, head_dim=D, dtype=torch.bfloat16, permute=False,
                                        config=ScheduleConfig(block_q=16, block_k=BLOCK_K,
                                                              products=request.param))


def paged(ks, vs, seed):
    """(k_pages, v_pages, block_table): the sequences' pages shuffled in a pool whose free
    pages and unused rows are NaN; table entries past a sequence's last page -1."""
    g = torch.Generator().manual_seed(seed)
    need = [math.ceil(k.shape[2] / PAGE) for k in ks]
    n_pages = sum(need) + 3
    kp = torch.full((n_pages, HK, PAGE, D), float("nan"), dtype=torch.bfloat16)
    vp = kp.clone()
    order = torch.randperm(n_pages, generator=g).tolist()
    table = torch.full((len(ks), max(need) + 1), -1, dtype=torch.int32)
    for b, (k, v) in enumerate(zip(ks, vs)):
        for p in range(need[b]):
            page, lo, hi = order.pop(), p * PAGE, min((p + 1) * PAGE, k.shape[2])
            table[b, p] = page
            kp[page, :, :hi - lo], vp[page, :, :hi - lo] = k[0, :, lo:hi], v[0, :, lo:hi]
    return kp, vp, table


@pytest.mark.parametrize("lq,lens", CALLS)
def test_paged_bf16_against_float64(op, lq, lens):
    products, attn = op
    g = torch.Generator().manual_seed(lq)
    ks = [torch.randn(1, HK, n, D, generator=g, dtype=torch.float64) for n in lens]
    vs = [torch.randn(1, HK, n, D, generator=g, dtype=torch.float64) for n in lens]
    q = torch.randn(len(lens), H, lq, D, generator=g, dtype=torch.float64)
    kp, vp, table = paged([k.bfloat16() for k in ks], [v.bfloat16() for v in vs], seed=lq)
    out, lse = attn(q.bfloat16(), kp, vp, block_table=table, seq_lens=torch.tensor(lens), return_lse=True)
    assert out.dtype == torch.bfloat16 and not out.isnan().any()
    for b, n in enumerate(lens):
        qb, what = q[b:b + 1], f"{products} Lq={lq} sequence {b} (length {n})"
        # the paged call's queries are the sequence's last Lq positions: the default offsets
        ref, ref_lse = spdsl.reference_attention(PATTERN, qb, ks[b], vs[b], return_lse=True)
        eager, eager_lse = spdsl.reference_attention(PATTERN, qb.bfloat16(), ks[b].bfloat16(),
                                                     vs[b].bfloat16(), return_lse=True)
        assert_within_eager_budget(out[b:b + 1], ref, eager, what=what)
        finite = torch.isfinite(ref_lse)
        assert torch.equal(torch.isfinite(lse[b:b + 1]), finite), what     # no key: -inf exactly
        assert (out[b:b + 1].float().masked_select(~finite[..., None]) == 0).all(), what
        assert_within_eager_budget(lse[b:b + 1][finite], ref_lse[finite], eager_lse[finite],
                                   metric=max_error, floor=1e-4, what=what + " lse")
    assert not bool(torch.isfinite(lse).all())  # each call holds rows that see no key
    if lq < 16:  # decoding steps share a taller-block layout: FULL blocks cross the ends
        assert edge_blocks(attn, lens), "no FULL block crosses a sequence's end"


def edge_blocks(attn, lens):
    """(sequence, first key) of the blocks the op's latest paged layout calls FULL though
    they cross the sequence's end (the kernel's "edge" kind: checked against seq_lens)."""
    from spdsl.runtime.paged import _variant

    layout, _ = next(reversed(_variant(attn, PAGE)["layouts"].values()))
    found = []
    for b, n in enumerate(lens):
        for qb in range(layout.n_qb):
            row = int(layout.head_class[b, 0]) * (layout.n_qb + 1) + qb
            for j in range(int(layout.row_ptr[row]), int(layout.row_ptr[row + 1])):
                k0 = int(layout.col_idx[j]) * layout.block_k
                if layout.full[j] and k0 < n < k0 + layout.block_k:
                    found.append((b, k0))
    return found


def test_the_paged_kernel_takes_the_forced_products(op):
    """The paged variant the calls built keeps the op's products; on "dpbf16" its kernel
    calls vdpbf16ps (the placeholder ``loops.DPBF16``, which ``kernels.compile_primfunc``
    turns into the intrinsic where the PrimFunc carries ``loops.DOT_ATTR``)."""
    from spdsl.codegen.cpu.loops import DOT_ATTR, DPBF16
    from spdsl.codegen.cpu.paged import paged_forward_primfunc
    from spdsl.runtime.paged import _variant

    products, attn = op
    v = _variant(attn, PAGE)
    cfg = v["config"]
    assert (cfg.products, cfg.block_k) == (products, BLOCK_K)
    rows = v["rows"]
    func, _ = paged_forward_primfunc(rows.mask, rows.score, D, cfg, list(rows.inputs.values()), "bfloat16")
    dots = func.attrs is not None and DOT_ATTR in func.attrs
    assert dots == (products == "dpbf16")
    assert (DPBF16 in func.script()) == dots
