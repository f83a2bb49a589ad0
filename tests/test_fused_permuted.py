"""The fused CPU backward ("dqkv") on token-permuted rows (docs/cpu_backward.md,
docs/permute.md): its dQ sums are kept per slot of the permuted grid and written to the
rows through the map. Gradients of a strided pattern through the fused kernel, forced,
against float64 in float32 and bfloat16 (the vdpbf16ps path where the CPU has it), in one
chunk and in several, queries and keys permuted, then keys alone; the fused and the split
kernels agree; odd lengths, grouped-query heads, rows that see no key."""

import pytest
import torch

import spdsl
from conftest import assert_within_eager_budget, has_avx512_bf16
from spdsl.analysis.permute import Permutation, permuted_length

STRIDE, BLOCK, D = 8, 16, 16
# the Sparse Transformer's strided head, compiled as tests/test_permute.py compiles it (the
# suite's kernel cache then builds its kernels once for both files)
PATTERN = spdsl.parse("pattern strided_head(stride = 128) { mask = causal and (q - k) % stride == 0 }"
                      )["strided_head"].bind(stride=STRIDE)
SQUARE = (1, 2, 1, 347, 301)    # grouped-query, odd, Lq > Lk (46 rows see no key): both axes permuted
KEYS = (1, 2, 2, 3, 301)        # a few rows against a long cache: the keys alone


@pytest.fixture(scope="module", params=[torch.float32, torch.bfloat16], ids=["float32", "bfloat16"])
def op(request):
    from spdsl.codegen import ScheduleConfig

    return spdsl.compile(PATTERN, head_dim=D, dtype=request.param, seq=256,
                         config=ScheduleConfig(block_q=BLOCK, block_k=BLOCK))


def _inputs(B, H, Hk, Lq, Lk, seed):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(B, h, n, D, generator=g, dtype=torch.float64)
            for h, n in ((H, Lq), (Hk, Lk), (Hk, Lk), (H, Lq))]


def _check(op, sizes, perm, thread_counts):
    """The op's gradients, then those of its backward kernels forced fused (for each of
    ``thread_counts``: the chunks balance for it) and split, against float64; fused ==
    split. Returns the float64 lse (to find the empty rows) and the chunk bounds."""
    B, H, Hk, Lq, Lk = sizes
    dt = op.dtype
    assert op.permutation_for(Lq, Lk) == perm
    q, k, v, do = _inputs(*sizes, seed=Lq * 7 + Lk)
    ref = [t.clone().requires_grad_() for t in (q, k, v)]
    out_ref, lse_ref = spdsl.reference_attention(PATTERN, *ref, return_lse=True)
    out_ref.backward(do)
    eager = [t.to(dt).requires_grad_() for t in (q, k, v)]
    spdsl.reference_attention(PATTERN, *eager).backward(do.to(dt))
    mine = [t.to(dt).requires_grad_() for t in (q, k, v)]
    out, lse = op(*mine, return_lse=True)
    out.backward(do.to(dt))
    what = f"{dt} {perm} B{B} H{H}/{Hk} Lq{Lq} Lk{Lk}"
    for name, m, r, e in zip("qkv", mine, ref, eager):
        assert_within_eager_budget(m.grad, r.grad, e.grad, what=f"{what} op d{name}")

    _, kernels = op.kernels(backward=True, lengths=(Lq, Lk))
    assert kernels.has_fused
    if dt == torch.bfloat16:   # the dot-product kernels where the CPU has vdpbf16ps
        assert kernels.dtype == ("bfloat16" if has_avx512_bf16() else "float32")
    layout, kernel_inputs = op.layout_for(B, H, Lq, Lk, {})
    grid = [-(-permuted_length(n, s, BLOCK) // BLOCK) for n, s in ((Lq, perm.q), (Lk, perm.k))]
    assert [layout.n_qb, layout.transposed.n_kb] == grid            # blocks of the permuted grid
    half = [t.to(dt) for t in (q, k, v)]
    empty = ~torch.isfinite(lse_ref)
    call = dict(scale=op.scale, inputs=kernel_inputs)
    split = kernels(*half, out.detach(), lse, do.to(dt), layout, fused=False, **call)
    for threads in thread_counts:
        bounds = kernels.fused_chunks(layout.transposed, Hk, num_threads=threads)
        chunks = 1 if bounds is None else len(bounds) - 1
        nan = tuple(torch.full_like(t, float("nan")) for t in half)    # every row must be written
        fused = kernels(*half, out.detach(), lse, do.to(dt), layout, fused=True, num_threads=threads,
                        grads=nan, **call)
        for name, f, s, r, e in zip("qkv", fused, split, ref, eager):
            assert torch.isfinite(f).all()
            assert_within_eager_budget(f, r.grad, e.grad, what=f"{what} fused ({chunks} chunks) d{name}")
            # the same products, dQ summed in another order
            tol = dict(rtol=1e-5, atol=1e-6) if dt == torch.float32 else {}
            torch.testing.assert_close(f, s, **tol)
        assert (fused[0][empty] == 0).all()           # rows that see no key: no gradient
    return lse_ref, [kernels.fused_chunks(layout.transposed, Hk, num_threads=n) for n in thread_counts]


def test_queries_and_keys_permuted(op):
    """Both axes residue-major: the dQ sums in slot space, written through the query map;
    one chunk and, balanced for 2 threads, several."""
    lse_ref, bounds = _check(op, SQUARE, Permutation(STRIDE, STRIDE), (1, 2))
    assert (~torch.isfinite(lse_ref)).any()         # the case really has empty rows
    assert len(bounds[1]) > 2                       # 2 threads, one key head: several chunks


@pytest.mark.parametrize("op", [torch.float32], indirect=True, ids=["float32"])
def test_keys_permuted_alone(op):
    """A few query rows against many keys: the keys alone permuted (queries in order)."""
    _check(op, KEYS, Permutation(0, STRIDE), (1,))
