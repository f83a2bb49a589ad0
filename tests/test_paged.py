"""Paged KV caches: ``attn(q, k_pages, v_pages, block_table=, seq_lens=)`` (spdsl/runtime/paged.py,
codegen/cpu/paged.py).

Each case builds a page pool whose pages are shuffled, whose free pages and the tails of
partly filled pages hold NaN, where two sequences share a physical page (a common prefix)
and whose table entries past a sequence's last page are -1 or far out of range (never
read). The paged result is compared, sequence by sequence, with the same compiled
attention on that sequence's gathered, unpaged K/V (the default offsets put its queries
at the last Lq positions, as the paged call does) and with the float64 reference, within
the error budget of the same computation done eagerly in the kernel's dtype."""

import math

import pytest
import torch

import spdsl
from spdsl.analysis.reference import reference_attention
from spdsl.codegen.cpu.schedule import ScheduleConfig

from conftest import assert_within_eager_budget, max_error

LIB = spdsl.parse("""
pattern window(w = 45) { mask = causal and q - k < w }
pattern documents { input doc : int[B, Lk]
    mask = causal and doc[b, q] == doc[b, k] }
pattern lq_window { mask = causal and q - k < 4 * Lq }
pattern sloped { input slope : float[H]
    mask = causal and q - k < 45
    score = score - slope[h] * (q - k) }
""")
D = 24            # not a power of two
H, HK = 4, 2      # grouped-query attention
LENS = [37, 130, 1]
_ATTN = {}


def compiled(name, dtype=torch.float32):
    key = (name, dtype)
    if key not in _ATTN:
        _ATTN[key] = spdsl.compile(LIB[name], head_dim=D, dtype=dtype,
                                   config=ScheduleConfig(block_q=16, block_k=64))
    return _ATTN[key]


def sequences(lens, dtype, seed=0):
    """Per sequence K, V [1, HK, L, D]; sequence 2 starts with sequence 0's first 16 keys
    (shared prefix pages when page_size is 16)."""
    g = torch.Generator().manual_seed(seed)
    ks = [torch.randn(1, HK, n, D, generator=g).to(dtype) for n in lens]
    vs = [torch.randn(1, HK, n, D, generator=g).to(dtype) for n in lens]
    n = min(16, lens[0], lens[2])
    ks[2][:, :, :n], vs[2][:, :, :n] = ks[0][:, :, :n], vs[0][:, :, :n]
    return ks, vs


def paged(ks, vs, page_size, dtype, spare_pages=5, seed=1, share=True):
    """(k_pages, v_pages, block_table int32 [B, max_pages]): pages in shuffled order, free
    pages and unused rows NaN, sequence 2's first page shared with sequence 0 where their
    first page_size keys agree, table entries past each sequence -1 or 10**6."""
    g = torch.Generator().manual_seed(seed)
    lens = [k.shape[2] for k in ks]
    need = [math.ceil(n / page_size) for n in lens]
    max_pages = max(need) + 1
    n_pages = sum(need) + spare_pages
    kp = torch.full((n_pages, HK, page_size, D), float("nan"), dtype=dtype)
    vp = kp.clone()
    order = torch.randperm(n_pages, generator=g).tolist()
    table = torch.full((len(lens), max_pages), -1, dtype=torch.int32)
    table[:, -1] = 10 ** 6
    for b, (k, v) in enumerate(zip(ks, vs)):
        for p in range(need[b]):
            lo, hi = p * page_size, min((p + 1) * page_size, lens[b])
            same = share and b == 2 and p == 0 and hi == page_size and hi <= lens[0] \
                and torch.equal(k[:, :, :hi], ks[0][:, :, :hi])
            page = int(table[0, 0]) if same else order.pop()
            table[b, p] = page
            kp[page, :, :hi - lo], vp[page, :, :hi - lo] = k[0, :, lo:hi], v[0, :, lo:hi]
    return kp, vp, table


def check_against_unpaged_and_reference(name, dtype, lq, page_size, lens=LENS, **make_inputs):
    attn = compiled(name, dtype)
    ks, vs = sequences(lens, dtype)
    kp, vp, table = paged(ks, vs, page_size, dtype)
    capacity = table.shape[1] * page_size
    g = torch.Generator().manual_seed(2)
    q = torch.randn(len(lens), H, lq, D, generator=g).to(dtype)
    inputs = {n: f(len(lens), capacity) for n, f in make_inputs.items()}
    out, lse = attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(lens), return_lse=True,
                    **inputs)
    assert out.shape == q.shape and not out.isnan().any() and not lse.isnan().any()
    for b, n in enumerate(lens):
        kw = {k: t[b:b + 1, :n] for k, t in inputs.items()}
        qb = q[b:b + 1]
        unpaged = attn(qb, ks[b], vs[b], **kw)
        ref = reference_attention(LIB[name], qb.double(), ks[b].double(), vs[b].double(), **kw)
        eager = reference_attention(LIB[name], qb, ks[b], vs[b], **kw)
        what = f"{name} {dtype} Lq={lq} page={page_size} sequence {b} (length {n})"
        assert_within_eager_budget(out[b:b + 1], ref, eager, what=what)
        assert_within_eager_budget(unpaged, ref, eager, what=what + " unpaged")
        # same arithmetic, maybe another key block: agree to the dtype's rounding
        tol = 2e-2 if dtype == torch.bfloat16 else 1e-5
        assert max_error(out[b:b + 1], unpaged) < tol, what
    return out, lse


@pytest.mark.parametrize("page_size", [16, 64])
@pytest.mark.parametrize("lq", [1, 7])
def test_window_gqa_fp32(lq, page_size):
    """Decoding (Lq=1) and chunked prefill (Lq=7), three sequences of different lengths,
    a sliding window, GQA, page sizes below (16: a key-block-16 variant) and equal to the
    compiled key block."""
    check_against_unpaged_and_reference("window", torch.float32, lq, page_size)


@pytest.mark.parametrize("lq", [1, 7])
def test_window_bf16(lq):
    check_against_unpaged_and_reference("window", torch.bfloat16, lq, 16)


def test_a_mask_that_reads_lq_gets_its_own_layout():
    """Decoding shares one layout across steps by building it for a taller query block;
    a mask that reads Lq (a window of 4 * Lq keys) would be another pattern there, so its
    calls get the layout of their own Lq (a shared one made FULL blocks of keys outside the
    window and skipped the mask)."""
    check_against_unpaged_and_reference("lq_window", torch.float32, 1, 16)


@pytest.mark.parametrize("page_size", [16, 64])
def test_documents_input(page_size):
    """A pattern with an input over positions: ``doc`` is int[B, Lk] with Lk the table's
    capacity (max_pages * page_size); its entries past a sequence are never read."""
    def doc(B, capacity):
        g = torch.Generator().manual_seed(3)
        ids = torch.cumsum((torch.rand(B, capacity, generator=g) < 0.05).long(), dim=1)
        return ids

    check_against_unpaged_and_reference("documents", torch.float32, 7, page_size, lens=[37, 130, 20], doc=doc)


def test_bf16_float_input_reaches_the_kernel_every_call():
    """A bfloat16 float input (a per-head slope in the score): the paged call keys its
    layout cache without the slope's bytes (it never changes the layout) and passes each
    call's values to the kernel; the second call's new slopes must be used, not the first
    call's. (The paged layout cache once hashed inputs through NumPy, which has no
    bfloat16: every such call raised.)"""
    attn = compiled("sloped", torch.bfloat16)
    ks, vs = sequences(LENS, torch.bfloat16)
    kp, vp, table = paged(ks, vs, 16, torch.bfloat16)
    q = torch.randn(len(LENS), H, 1, D).bfloat16()
    for slope in (torch.tensor([0.5, 0.25, 0.125, 0.0625]), torch.tensor([2.0, 0.0, 1.0, 0.5])):
        slope = slope.bfloat16()
        out = attn(q, kp, vp, block_table=table, seq_lens=torch.tensor(LENS), slope=slope)
        for b, n in enumerate(LENS):
            ref = reference_attention(LIB["sloped"], q[b:b + 1].double(), ks[b].double(), vs[b].double(),
                                      slope=slope.double())
            eager = reference_attention(LIB["sloped"], q[b:b + 1], ks[b], vs[b], slope=slope)
            assert_within_eager_budget(out[b:b + 1], ref, eager, what=f"sloped bf16 sequence {b} slope {slope}")


def test_empty_and_full_sequences():
    """seq_lens 0 (no key: out 0, lse -inf) and a sequence filling the whole table."""
    attn = compiled("window")
    ks, vs = sequences([64, 128, 16], torch.float32)
    kp, vp, table = paged(ks, vs, 64, torch.float32, share=False)
    table = table[:, :2].contiguous()    # capacity 128: sequence 1 fills it
    q = torch.randn(3, H, 1, D)
    out, lse = attn(q, kp, vp, block_table=table, seq_lens=torch.tensor([0, 128, 16]),
                    return_lse=True)
    assert torch.equal(out[0], torch.zeros_like(out[0])) and bool((lse[0] == -math.inf).all())
    ref = reference_attention(LIB["window"], q[1:2].double(), ks[1].double(), vs[1].double())
    assert max_error(out[1:2], ref) < 1e-5


def test_explicit_offsets():
    """q_offset / kv_offset given: the positions LANGUAGE.md defines (here a query at
    position 100 against keys at positions 80 .. 80 + L - 1)."""
    attn = compiled("window")
    ks, vs = sequences([30, 30, 30], torch.float32)
    kp, vp, table = paged(ks, vs, 64, torch.float32, share=False)
    q = torch.randn(3, H, 1, D)
    out = attn(q, kp, vp, block_table=table, seq_lens=torch.tensor([30, 30, 30]),
               q_offset=100, kv_offset=80)
    for b in range(3):
        ref = reference_attention(LIB["window"], q[b:b + 1].double(), ks[b].double(), vs[b].double(),
                                  q_offset=100, kv_offset=80)
        assert max_error(out[b:b + 1], ref) < 1e-5


# ---- errors ------------------------------------------------------------------------------

def _case():
    ks, vs = sequences([20, 40, 5], torch.float32)
    kp, vp, table = paged(ks, vs, 16, torch.float32, share=False)
    return torch.randn(3, H, 1, D), kp, vp, table, torch.tensor([20, 40, 5])


def test_errors():
    attn = compiled("window")
    q, kp, vp, table, lens = _case()
    with pytest.raises(ValueError, match=r"block_table must have shape \[B, max_pages\]"):
        attn(q, kp, vp, block_table=table[:2], seq_lens=lens)
    with pytest.raises(TypeError, match="block_table must be an int tensor"):
        attn(q, kp, vp, block_table=table.float(), seq_lens=lens)
    bad = table.clone()
    bad[1, 2] = kp.shape[0]
    with pytest.raises(ValueError, match=r"block_table\[1, 2\] = .* is not a page: k_pages has"):
        attn(q, kp, vp, block_table=bad, seq_lens=lens)
    bad[1, 2] = -1
    with pytest.raises(ValueError, match=r"block_table\[1, 2\] = -1 is not a page"):
        attn(q, kp, vp, block_table=bad, seq_lens=lens)
    capacity = table.shape[1] * 16
    with pytest.raises(ValueError, match=rf"seq_lens\[0\] = {capacity + 1} is beyond the block table's capacity"):
        attn(q, kp, vp, block_table=table, seq_lens=torch.tensor([capacity + 1, 4, 4]))
    with pytest.raises(ValueError, match="needs both block_table"):
        attn(q, kp, vp, seq_lens=lens)
    with pytest.raises(ValueError, match="k_pages and v_pages must have the same shape"):
        attn(q, kp, vp[:-1], block_table=table, seq_lens=lens)
    with pytest.raises(RuntimeError, match="inference only"):
        attn(q.requires_grad_(), kp, vp, block_table=table, seq_lens=lens)


def test_layout_skips_keys_past_each_sequence():
    """The layout the paged kernel walks lists no key block at or past seq_lens[b] (the
    kernel never reads the table there), and its PARTIAL/FULL split is exact per sequence."""
    from spdsl.runtime.paged import SEQ_LENS, _layout, _variant

    attn = compiled("window")
    v = _variant(attn, 64)
    lens = torch.tensor([37, 130, 0])
    B, Lq, capacity = 3, 7, 192
    from spdsl.ir.positions import offset_tensors
    offs = offset_tensors(lens - Lq, None, B, Lq, capacity)
    layout, _ = _layout(attn, v, B, H, Lq, capacity, {**offs, SEQ_LENS: lens})
    for b in range(B):
        row = int(layout.head_class[b, 0]) * (layout.n_qb + 1)
        blocks = layout.col_idx[layout.row_ptr[row]:layout.row_ptr[row + 1]]
        assert all(kb * 64 < int(lens[b]) for kb in blocks.tolist()), (b, blocks)
        if int(lens[b]):
            assert len(blocks) > 0
