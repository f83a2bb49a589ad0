"""Token permutation (spdsl/analysis/permute.py): the analysis finds residue-major orders
for strided masks and no other, its permuted layout against the dense mask, and the
permuted kernels against float64 forward and backward (odd lengths, grouped-query heads,
Lq != Lk, bfloat16 and float32, empty rows), outputs in the caller's order."""

import numpy as np
import pytest
import torch

import spdsl
from conftest import EXAMPLES, assert_within_eager_budget
from spdsl.analysis import permute as P

STRIDE = 8                    # small sizes: a few blocks per residue class
BLOCK = 16                    # the kernels' blocks here (vector lanes divide it)
# the Sparse Transformer's strided head alone (its window is another head's pattern)
STRIDED_HEAD = "pattern strided_head(stride = 128) { mask = causal and (q - k) % stride == 0 }"


def strided_head(stride):
    return spdsl.parse(STRIDED_HEAD)["strided_head"].bind(stride=stride)


def _rows(file, name, **params):
    if name == "strided_head":
        return strided_head(**params).at_rows(False)
    pat = spdsl.load(EXAMPLES / f"{file}.spdsl")[name]
    return (pat.bind(**params) if params else pat).at_rows(False)


def test_candidates_only_where_the_mask_reads_a_residue():
    assert P.candidates(_rows("strided", "strided_head", stride=64).mask) == ({64}, {64})
    assert P.candidates(_rows("sliding_window", "sliding_window").mask) == (set(), set())
    assert P.candidates(_rows("prefix_lm", "prefix_lm").mask) == (set(), set())


def test_kept_for_the_strided_head_not_for_causal_window_or_the_union():
    kw = dict(Lq=4096, Lk=4096, block_q=64, block_k=64)
    head = P.evaluate(_rows("strided", "strided_head", stride=64).mask, **kw)
    assert head.kept and head.perm == P.Permutation(64, 64) and head.gain > 30
    # window OR strided: the window scatters under the permutation (measured, not kept)
    union = P.evaluate(_rows("strided", "strided", stride=64).mask, **kw)
    assert union is not None and not union.kept
    for file in ("sliding_window", "prefix_lm"):
        assert P.evaluate(_rows(file, file).mask, **kw) is None


@pytest.mark.parametrize("Lq,Lk,perm", [(37, 37, (5, 5)), (40, 29, (8, 0)), (23, 50, (0, 3)),
                                         (3, 29, (5, 5)), (29, 2, (5, 5))])   # classes of padding only
def test_permuted_layout_against_the_dense_mask(Lq, Lk, perm):
    """Every FULL block all true, every EMPTY block all false, padding never true."""
    from spdsl.analysis.evaluate import dense_mask

    rows = _rows("strided", "strided", stride=5)
    p = P.Permutation(*perm)
    lay = P.permuted_layout(rows.mask, p, Lq=Lq, Lk=Lk, H=1, B=1, block_q=4, block_k=4)
    dense = dense_mask(rows.mask, Lq, Lk, 1, 1).numpy()[0, 0]
    qs, ks = P.slot_rows(Lq, p.q, 4), P.slot_rows(Lk, p.k, 4)
    assert lay.Lq == len(qs) and lay.Lk == len(ks)
    assert sorted(qs[qs >= 0]) == list(range(Lq)) and sorted(ks[ks >= 0]) == list(range(Lk))
    grid = np.zeros((len(qs), len(ks)), bool)
    real = (qs[:, None] >= 0) & (ks[None, :] >= 0)
    grid[real] = dense[np.maximum(qs, 0)[:, None], np.maximum(ks, 0)[None, :]][real]
    kinds = lay.kinds()
    for qb in range(lay.n_qb):
        for kb in range(lay.n_kb):
            blk = grid[qb * 4:(qb + 1) * 4, kb * 4:(kb + 1) * 4]
            if kinds[qb, kb] == 2:
                assert blk.all()
            if kinds[qb, kb] == 0:
                assert not blk.any()


@pytest.fixture(scope="module")
def ops():
    """The strided head compiled with and without the permutation, float32 and bfloat16
    (the backward kernels are float32 for both: built once)."""
    from spdsl.codegen import ScheduleConfig

    pat = strided_head(STRIDE)
    cfg = ScheduleConfig(block_q=BLOCK, block_k=BLOCK)
    made = {dt: spdsl.compile(pat, head_dim=16, dtype=dt, config=cfg, seq=256)
            for dt in (torch.float32, torch.bfloat16)}
    return pat, made, spdsl.compile(pat, head_dim=16, dtype=torch.float32, config=cfg, permute=False)


def test_the_op_permutes_and_can_be_told_not_to(ops):
    pat, made, plain = ops
    assert made[torch.float32].permutation == P.Permutation(STRIDE, STRIDE)
    assert plain.permutation is None
    assert made[torch.float32].id != plain.id and made[torch.float32].key != plain.key


def _check(pat, attn, dtype, B, H, Hk, Lq, Lk, seed):
    g = torch.Generator().manual_seed(seed)
    q, k, v, do = (torch.randn(B, h, n, 16, generator=g, dtype=torch.float64)
                   for h, n in ((H, Lq), (Hk, Lk), (Hk, Lk), (H, Lq)))
    ref = [t.clone().requires_grad_() for t in (q, k, v)]
    eager = [t.to(dtype).requires_grad_() for t in (q, k, v)]
    mine = [t.to(dtype).requires_grad_() for t in (q, k, v)]
    out_ref, lse_ref = spdsl.reference_attention(pat, *ref, return_lse=True)
    out_eager = spdsl.reference_attention(pat, *eager)
    out, lse = attn(*mine, return_lse=True)
    what = f"{dtype} B{B} H{H}/{Hk} Lq{Lq} Lk{Lk}"
    assert_within_eager_budget(out, out_ref, out_eager, what=what + " out")
    finite = torch.isfinite(lse_ref)
    assert torch.equal(torch.isfinite(lse), finite), what + " empty rows"
    assert torch.allclose(lse[finite].double(), lse_ref[finite], atol=1e-2 if dtype == torch.bfloat16 else 1e-4)
    for o in (out_ref, out_eager, out):
        (o.double() * do).sum().backward()
    for name, r, e, m in zip("qkv", ref, eager, mine):
        assert_within_eager_budget(m.grad, r.grad, e.grad, what=f"{what} d{name}")
    return lse_ref


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("B,H,Hk,Lq,Lk", [(1, 2, 2, 67, 67),      # odd L, not a multiple of the stride
                                          (2, 4, 2, 45, 100),     # grouped-query, Lq < Lk
                                          (1, 1, 1, 100, 45)])    # Lq > Lk: rows that see no key
def test_permuted_kernels_against_float64(ops, dtype, B, H, Hk, Lq, Lk):
    pat, made, _ = ops
    lse_ref = _check(pat, made[dtype], dtype, B, H, Hk, Lq, Lk, seed=Lq * 7 + Lk)
    if Lq > Lk:
        assert (~torch.isfinite(lse_ref)).any()     # the case really has empty rows


def test_explain_shows_the_work_before_and_after():
    pat = strided_head(16)
    ex = pat.explain(Lq=1024, H=2, block=64, head_dim=64)
    # 136 PARTIAL blocks of a causal triangle in order; 16 diagonal blocks permuted
    assert ex.flops_forward == 4 * 64 * 136 * 64 * 64 * 2
    assert ex.permuted_flops_forward == 4 * 64 * 16 * 64 * 64 * 2 and ex.permutation_kept
    text = str(ex)
    assert "permuted    queries by q % 16, keys by k % 16" in text and "8.5x fewer" in text
    union = spdsl.load(EXAMPLES / "strided.spdsl")["strided"].bind(stride=16)
    assert "not kept" in str(union.explain(Lq=1024, block=64, head_dim=64))
    plain = spdsl.load(EXAMPLES / "sliding_window.spdsl")["sliding_window"]
    ex = plain.explain(Lq=1024, block=64, head_dim=64)
    assert ex.permutation is None and "permuted" not in str(ex)


# ---- the permutation decided per call length ------------------------------------------------

@pytest.fixture(scope="module")
def per_length():
    """The strided head compiled at seq=256 (float32), with every kernel build, every
    judgement of a permutation and the permutation of every kernel set a call runs
    recorded: (op, builds [(kernel, perm)], judged [(Lq, Lk)], used [(phase, perm)])."""
    from spdsl.codegen import ScheduleConfig
    from spdsl.runtime.kernel_sets import KernelSets

    builds, judged, used, phase = [], [], [], []
    real_build, real_choose = KernelSets.build, P.choose

    def build(self, kernel, rows, perm=None):
        builds.append((kernel, perm))
        return real_build(self, kernel, rows, perm=perm)

    def choose(mask, **sizes):
        judged.append((sizes["Lq"], sizes["Lk"]))
        return real_choose(mask, **sizes)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KernelSets, "build", build)
        mp.setattr(P, "choose", choose)
        attn = spdsl.compile(strided_head(STRIDE), head_dim=16, dtype=torch.float32,
                             config=ScheduleConfig(block_q=BLOCK, block_k=BLOCK), seq=256)
        for name in ("run_forward", "run_backward"):
            mp.setattr(attn, name, _in_phase(getattr(attn, name), name, phase))
        real_set = attn._kernel_sets.kernel_set

        def kernel_set(*args, **kwargs):
            made = real_set(*args, **kwargs)
            used.append((phase[-1], made["perm"]))
            return made

        mp.setattr(attn._kernel_sets, "kernel_set", kernel_set)
        yield attn, builds, judged, used


def _in_phase(run, name, phase):
    def wrapped(*args, **kwargs):
        phase.append(name)
        return run(*args, **kwargs)
    return wrapped


SQUARE, KEYS = P.Permutation(STRIDE, STRIDE), P.Permutation(0, STRIDE)


@pytest.mark.parametrize("Lq,Lk,perm", [
    (256, 256, SQUARE),    # the compiled length: the kernels built at compile time
    (203, 203, SQUARE),    # long, odd: permuted (3.5x fewer elements)
    (40, 40, None),        # short: the permuted grid would compute 1.9x more
    (37, 37, None),
    (1, 100, KEYS),        # decoding: keys by residue, the query in order (6x fewer)
    (3, 150, KEYS)])       # a few rows against a longer cache
def test_each_call_length_runs_its_own_permutation(per_length, Lq, Lk, perm):
    """Forward and gradients against float64, the permutation judged at the call's lengths,
    and the backward run with the forward's permutation."""
    attn, _, _, used = per_length
    assert attn.permutation_for(Lq, Lk) == perm
    used.clear()
    _check(attn.pattern, attn, torch.float32, 1, 2, 2, Lq, Lk, seed=Lq * 5 + Lk)
    assert used == [("run_forward", perm), ("run_backward", perm)]


def test_per_length_kernels_are_built_once_each(per_length):
    """Compile builds one forward (at seq's permutation); every other permutation gets its
    forward and backward on first use, once; a length seen before judges nothing again."""
    attn, builds, judged, used = per_length
    assert builds[0] == ("forward", SQUARE) and attn.permutation == SQUARE
    g = torch.Generator().manual_seed(3)
    for Lq, Lk in ((256, 256), (40, 40), (1, 100)):
        q, k, v = (torch.randn(1, 2, n, 16, generator=g, requires_grad=True) for n in (Lq, Lk, Lk))
        attn(q, k, v).sum().backward()
    expected = {(kind, p) for kind in ("forward", "backward") for p in (SQUARE, None, KEYS)}
    assert sorted(builds, key=repr) == sorted(expected, key=repr)     # each once
    seen = len(judged)
    assert P.length_bucket(40) == P.length_bucket(45) == 46 and P.length_bucket(99) == 108
    for Lq, Lk in ((45, 45), (1, 99), (41, 41)):    # lengths of the buckets judged above
        q, k, v = (torch.randn(1, 2, n, 16, generator=g) for n in (Lq, Lk, Lk))
        attn(q, k, v)
    assert len(judged) == seen and len(builds) == len(expected)
    assert all(Lq == P.length_bucket(Lq) and Lk == P.length_bucket(Lk) for Lq, Lk in judged[1:])


def test_length_buckets_judge_close_to_the_exact_lengths():
    """The bucketed decision (at the bucket's top) against the one at the exact lengths:
    they differ only where the exact gain is within 1.41x of the threshold."""
    mask = strided_head(STRIDE).at_rows(False).mask
    for L in range(20, 300, 13):
        for Lq, Lk in ((L, L), (1, L)):
            exact = P.evaluate(mask, Lq=Lq, Lk=Lk, block_q=BLOCK, block_k=BLOCK)
            bucketed = P.choose(mask, Lq=P.length_bucket(Lq), Lk=P.length_bucket(Lk),
                                block_q=BLOCK, block_k=BLOCK)
            if (bucketed or None) != (exact.perm if exact.kept else None):
                assert P.MIN_GAIN / 2 ** 0.5 <= exact.gain <= P.MIN_GAIN * 2 ** 0.5, (Lq, Lk)
    assert [P.length_bucket(n) for n in (1, 2, 9, 17, 1000, 1024, 1025, 4096)] == \
        [1, 2, 10, 20, 1024, 1024, 1218, 4096]
