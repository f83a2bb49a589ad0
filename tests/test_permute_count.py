"""The count-only path of the permutation decision against the layout path.

``permute.evaluate`` (so ``choose``, ``CallPermutations`` and ``explain``'s ``permuted``
line) counts computed elements with ``blocks.computed_elements`` instead of building each
class pair's layout. Here every count is compared with the layout it replaces
(``classify(...).visited_elements()``, ``permuted_layout(...).visited_elements()``) and
the decision with one rebuilt from layouts alone: the same Permutation for the same
inputs."""

import pytest
from hypothesis import HealthCheck, given, settings

import spdsl
from conftest import EXAMPLES
from spdsl.analysis import permute as P
from spdsl.analysis.blocks import classify, computed_elements
from test_analyse import mask_st, shape_st

STRIDED_HEAD = "pattern strided_head(stride = 128) { mask = causal and (q - k) % stride == 0 }"

MASKS = {   # (example file or None for the strided head alone, params)
    "strided_head": (None, dict(stride=8)),
    "strided_union": ("strided", dict(stride=8)),          # causal and (window or strided)
    "fixed": ("fixed", dict(stride=8, c=3)),
    "dilated": ("dilated", dict(window=20, dilation=3)),
    "neighborhood_2d": ("neighborhood_2d", dict(width=9, radius=2)),
}
SIZES = [(200, 200, 16, 16),       # a few blocks a class
         (6, 6, 16, 16),           # shorter than the stride: classes of padding only
         (37, 90, 8, 16),          # Lq != Lk, unequal blocks
         (90, 37, 16, 8),
         (1, 150, 16, 16),         # decoding
         (3, 150, 16, 16)]


def _mask(name):
    file, params = MASKS[name]
    pat = spdsl.parse(STRIDED_HEAD)["strided_head"] if file is None else \
        spdsl.load(EXAMPLES / f"{file}.spdsl")[file]
    return pat.bind(**params).at_rows(False).mask


def _by_layouts(mask, *, Lq, Lk, H, B, block_q, block_k):
    """``permute.evaluate`` rebuilt from layouts only (what it computed before the count
    path): the best candidate in the same order, the same threshold."""
    qs, ks = P.candidates(mask)
    before = classify(mask, Lq=Lq, Lk=Lk, H=H, B=B, block_q=block_q,
                      block_k=block_k).visited_elements()
    best = None
    for sq in sorted(qs | {0}):
        for sk in sorted(ks | {0}):
            perm = P.Permutation(sq, sk)
            if perm:
                after = P.permuted_layout(mask, perm, Lq=Lq, Lk=Lk, H=H, B=B, block_q=block_q,
                                          block_k=block_k).visited_elements()
                if best is None or after < best[1]:
                    best = (perm, after)
    return P.Evaluation(best[0], before, best[1], kept=best[1] * P.MIN_GAIN <= before)


@pytest.mark.parametrize("name", sorted(MASKS))
@pytest.mark.parametrize("Lq,Lk,bq,bk", SIZES)
def test_the_decision_counts_what_the_layouts_hold(name, Lq, Lk, bq, bk):
    """Every candidate's count equals its permuted layout's; evaluate and choose give
    what the layouts give (B and H multiply both: the mask reads neither)."""
    mask = _mask(name)
    qs, ks = P.candidates(mask)
    assert qs or ks, name
    sizes = dict(Lq=Lq, Lk=Lk, H=2, B=3, block_q=bq, block_k=bk)
    for sq in qs | {0}:
        for sk in ks | {0}:
            perm = P.Permutation(sq, sk)
            want = P.permuted_layout(mask, perm, **sizes).visited_elements()
            assert P.permuted_elements(mask, perm, **sizes) == want, perm
    assert P.evaluate(mask, **sizes) == _by_layouts(mask, **sizes)
    one = dict(Lq=Lq, Lk=Lk, block_q=bq, block_k=bk)
    want = _by_layouts(mask, H=1, B=1, **one)
    assert P.choose(mask, **one) == (want.perm if want.kept else P.Permutation())


@pytest.mark.parametrize("Lq,Lk,perm", [(1, 4096, P.Permutation(0, 128)),     # decoding
                                         (700, 700, P.Permutation(32, 32))])
def test_the_decision_at_the_kernels_strides(Lq, Lk, perm):
    """At the kernels' 64 x 64 blocks: decoding over 4096 keys at stride 128 (one query
    class), and stride 32 at 700 (1024 class pairs, several blocks a class)."""
    mask = spdsl.parse(STRIDED_HEAD)["strided_head"].bind(stride=perm.k).at_rows(False).mask
    sizes = dict(Lq=Lq, Lk=Lk, H=1, B=1, block_q=64, block_k=64)
    ev = P.evaluate(mask, **sizes)
    assert ev == _by_layouts(mask, **sizes) and ev.kept and ev.perm == perm


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mask_st, shape_st)
def test_computed_elements_equal_the_layouts(mask, shape):
    """Any mask of the classifier's property test (per-head terms, random blocks, odd
    sizes and blocks), over 2 batches and 2 heads."""
    Lq, Lk, bq, bk = shape
    sizes = dict(Lq=Lq, Lk=Lk, H=2, B=2, block_q=bq, block_k=bk)
    assert computed_elements(mask, **sizes) == classify(mask, **sizes).visited_elements()


def test_computed_elements_of_empty_grids_and_bad_input():
    causal = _mask("strided_head")
    for Lq, Lk, H, B in ((0, 10, 1, 1), (10, 0, 1, 1), (10, 10, 0, 1), (10, 10, 1, 0)):
        assert computed_elements(causal, Lq=Lq, Lk=Lk, H=H, B=B, block_q=4, block_k=4) == 0
    with pytest.raises(ValueError, match="block sizes must be positive"):
        computed_elements(causal, Lq=8, Lk=8, H=1, block_q=0, block_k=4)
    with pytest.raises(ValueError, match="Lq must be a non-negative int"):
        computed_elements(causal, Lq=-1, Lk=8, H=1, block_q=4, block_k=4)
