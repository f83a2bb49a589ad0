"""Every example is a test: its dense mask against an independent NumPy formula written
from LANGUAGE.md's text, and its block layout against that dense mask (sound and exact).

The formulas below read only LANGUAGE.md and docs/random_blocks.md, never the IR: a bug
in the parser, checker, simplifier or evaluator shows up as a mismatch here.  Sizes are
odd on purpose (1000, 300 x 1000, 1 x 777) so that the last blocks are short.
"""

from __future__ import annotations

import functools
import pathlib

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

import spdsl
from spdsl.analysis.random_blocks import chosen_blocks

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"

SIZES = [(1000, 1000), (300, 1000), (1, 777)]
BLOCKS = [None, 16, 64, 128, (16, 128)]   # None: the pattern's hint (or the default)


# ---------------------------------------------------------------------------
# random_blocks, copied from docs/random_blocks.md (the documented NumPy reference)
# ---------------------------------------------------------------------------
def _mix(z):
    with np.errstate(over="ignore"):
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


@functools.lru_cache(maxsize=None)
def random_blocks_table(seed, r, q_end, Lk, H, size):
    """bool [H, ceil(q_end/size), ceil(Lk/size)] for the query positions below q_end."""
    nq, n = -(-q_end // size), -(-Lk // size)
    table = np.zeros((H, nq, n), dtype=bool)
    for h in range(H):
        for qb in range(nq):
            prefix = _mix(_mix(_mix(np.uint64(seed % 2**64)) ^ np.uint64(h)) ^ np.uint64(qb))
            chosen = set()
            for j in range(n - min(max(r, 0), n), n):
                t = int(_mix(prefix ^ np.uint64(j)) % np.uint64(j + 1))
                chosen.add(j if t in chosen else t)
            table[h, qb, sorted(chosen)] = True
    return table


def random_blocks_mask(table, size, h, q, k):
    """random_blocks at head h, query position q, key position k (int arrays, broadcast)."""
    qb, kb = q // size, k // size
    inside = (qb >= 0) & (kb >= 0) & (kb < table.shape[2])
    return inside & table[h, np.clip(qb, 0, table.shape[1] - 1), np.clip(kb, 0, table.shape[2] - 1)]


# ---------------------------------------------------------------------------
# the formulas: numpy broadcasting over b [B,1,1,1], h [1,H,1,1], q [1,1,Lq,1], k [1,1,1,Lk]
# ---------------------------------------------------------------------------
class Grid:
    def __init__(self, Lq, Lk, H, B):
        self.Lq, self.Lk, self.H, self.B = Lq, Lk, H, B
        self.b = np.arange(B).reshape(B, 1, 1, 1)
        self.h = np.arange(H).reshape(1, H, 1, 1)
        # positions (LANGUAGE.md 1.1): q = qi + (Lk - Lq), k = ki by default; causal is k <= q
        self.q = np.arange(Lq).reshape(1, 1, Lq, 1) + (Lk - Lq)
        self.k = np.arange(Lk).reshape(1, 1, 1, Lk)
        self.causal = self.k <= self.q


def sliding_window(g, window=256):
    return g.causal & (g.q - g.k < window)


def longformer(g, window=512, globals=32):
    return (np.abs(g.q - g.k) <= window // 2) | (g.q < globals) | (g.k < globals)


def bigbird(g, size=64, window=3, globals=2, random=3, seed=0):
    qb, kb = g.q // size, g.k // size
    # default offsets: the query positions are below Lk (negative ones when Lq > Lk)
    table = random_blocks_table(seed, random, g.Lk, g.Lk, g.H, size)
    rand = random_blocks_mask(table, size, g.h, g.q, g.k)
    return (np.abs(qb - kb) <= window // 2) | (qb < globals) | (kb < globals) | rand


def strided(g, stride=128):
    d = g.q - g.k
    return g.causal & ((d < stride) | (d % stride == 0))


def fixed(g, stride=128, c=8):
    return g.causal & ((g.q // stride == g.k // stride) | (g.k % stride >= stride - c))


def dilated(g, window=512, dilation=2):
    d = g.q - g.k
    return g.causal & (d < window * dilation) & (d % dilation == 0)


def prefix_lm(g, prefix=256):
    return g.causal | (g.k < prefix)


def documents(g, doc):
    doc = np.asarray(doc)
    dq = doc[g.b, g.q]          # doc[b, q]: q = qi + (Lk - Lq) < Lk, so in range
    dk = doc[g.b, g.k]
    return g.causal & (dq == dk)


def neighborhood_2d(g, width=64, radius=3):
    return ((np.abs(g.q // width - g.k // width) <= radius)
            & (np.abs(g.q % width - g.k % width) <= radius))


def streaming(g, window=1024, sinks=4):
    return g.causal & ((g.k < sinks) | (g.q - g.k < window))


def per_head_window(g):
    return g.causal & (g.q - g.k < np.where(g.h < g.H // 2, 128, 1024))


def alibi(g):
    return g.causal


def softcap(g, cap=30.0):
    return np.ones((1, 1, g.Lq, g.Lk), dtype=bool)


def causal_window(g, window=512):
    return g.causal & (g.q - g.k < window)


def sinks(g):
    return g.k < 4


def window_with_sinks(g):
    return causal_window(g, window=256) | (g.causal & sinks(g))


def long_stream(g):
    return streaming(g, 2048, sinks=8)


# (id, file, pattern, params for bind, formula, H, B)
CASES = [
    ("sliding_window", "sliding_window", "sliding_window", {}, sliding_window, 1, 1),
    ("sliding_window-100", "sliding_window", "sliding_window", {"window": 100}, sliding_window, 1, 1),
    ("longformer", "longformer", "longformer", {}, longformer, 1, 1),
    ("longformer-64-5", "longformer", "longformer", {"window": 64, "globals": 5}, longformer, 1, 1),
    ("bigbird", "bigbird", "bigbird", {}, bigbird, 4, 1),
    ("bigbird-custom", "bigbird", "bigbird",
     {"size": 48, "window": 5, "globals": 1, "random": 2, "seed": 7}, bigbird, 3, 2),
    ("bigbird-neg-seed", "bigbird", "bigbird", {"size": 32, "seed": -5, "random": 4}, bigbird, 2, 1),
    ("strided", "strided", "strided", {}, strided, 1, 1),
    ("strided-50", "strided", "strided", {"stride": 50}, strided, 1, 1),
    ("fixed", "fixed", "fixed", {}, fixed, 1, 1),
    ("fixed-64-3", "fixed", "fixed", {"stride": 64, "c": 3}, fixed, 1, 1),
    ("dilated", "dilated", "dilated", {}, dilated, 1, 1),
    ("dilated-40-3", "dilated", "dilated", {"window": 40, "dilation": 3}, dilated, 1, 1),
    ("prefix_lm", "prefix_lm", "prefix_lm", {}, prefix_lm, 1, 1),
    ("prefix_lm-77", "prefix_lm", "prefix_lm", {"prefix": 77}, prefix_lm, 1, 1),
    ("documents", "documents", "documents", {}, documents, 1, 2),
    ("neighborhood_2d", "neighborhood_2d", "neighborhood_2d", {}, neighborhood_2d, 1, 1),
    ("neighborhood_2d-30-2", "neighborhood_2d", "neighborhood_2d", {"width": 30, "radius": 2},
     neighborhood_2d, 1, 1),
    ("streaming", "streaming", "streaming", {}, streaming, 1, 1),
    ("streaming-100-3", "streaming", "streaming", {"window": 100, "sinks": 3}, streaming, 1, 1),
    ("per_head_window", "per_head_window", "per_head_window", {}, per_head_window, 6, 1),
    ("alibi", "alibi", "alibi", {}, alibi, 2, 1),
    ("softcap", "softcap", "softcap", {}, softcap, 1, 1),
    ("softcap-5", "softcap", "softcap", {"cap": 5.0}, softcap, 1, 1),
    ("composed.causal_window", "composed", "causal_window", {}, causal_window, 1, 1),
    ("composed.causal_window-33", "composed", "causal_window", {"window": 33}, causal_window, 1, 1),
    ("composed.sinks", "composed", "sinks", {}, sinks, 1, 1),
    ("composed.window_with_sinks", "composed", "window_with_sinks", {}, window_with_sinks, 1, 1),
    ("composed.long_stream", "composed", "long_stream", {}, long_stream, 1, 1),
    ("composed.streaming", "composed", "streaming", {"window": 50}, streaming, 1, 1),
]
CASE_BY_ID = {c[0]: c for c in CASES}


@functools.lru_cache(maxsize=None)
def library(file):
    return spdsl.load(str(EXAMPLES / f"{file}.spdsl"))


def pattern_of(case_id):
    _, file, name, params, _, _, _ = CASE_BY_ID[case_id]
    pat = library(file)[name]
    return pat.bind(**params) if params else pat


@functools.lru_cache(maxsize=None)
def doc_ids(B, Lk):
    """Sorted random document ids per batch row (segments of random lengths)."""
    rng = np.random.default_rng(1000 * B + Lk)
    starts = rng.random((B, Lk)) < 0.02          # ~ 50 tokens a document
    starts[:, 0] = True
    return np.cumsum(starts, axis=1) - 1 + rng.integers(0, 5, size=(B, 1))


def inputs_of(case_id, B, Lk):
    if CASE_BY_ID[case_id][4] is documents:
        return {"doc": torch.from_numpy(doc_ids(B, Lk)).to(torch.int64)}
    return {}


@functools.lru_cache(maxsize=None)
def expected(case_id, Lq, Lk):
    _, _, _, params, formula, H, B = CASE_BY_ID[case_id]
    g = Grid(Lq, Lk, H, B)
    if formula is documents:
        m = documents(g, doc_ids(B, Lk))
    else:
        m = formula(g, **params)
    return np.broadcast_to(m, (B, H, Lq, Lk))


@functools.lru_cache(maxsize=None)
def dense(case_id, Lq, Lk):
    """pattern.dense_mask, computed once per (case, size)."""
    _, _, _, _, _, H, B = CASE_BY_ID[case_id]
    m = pattern_of(case_id).dense_mask(Lq, Lk, H=H, B=B, **inputs_of(case_id, B, Lk))
    return m


def assert_same_mask(got: np.ndarray, want: np.ndarray, what: str):
    assert got.shape == want.shape, f"{what}: shape {got.shape}, expected {want.shape}"
    bad = got != want
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        pytest.fail(f"{what}: {int(bad.sum())} of {bad.size} elements differ; first at "
                    f"(b, h, q, k) = {idx}: got {bool(got[idx])}, expected {bool(want[idx])}")


# ---------------------------------------------------------------------------
# the dense mask against the formula
# ---------------------------------------------------------------------------
def test_every_example_file_is_covered():
    files = {p.stem for p in EXAMPLES.glob("*.spdsl")}
    covered = {c[1] for c in CASES}
    assert files == covered, f"examples without a test: {sorted(files - covered)}"
    # a library holds its own patterns and those it imports
    assert set(library("composed")) == {"causal_window", "sinks", "window_with_sinks",
                                        "long_stream", "streaming"}


def _own_patterns(file):
    text = (EXAMPLES / f"{file}.spdsl").read_text()
    return {line.split()[1].split("(")[0].split("{")[0] for line in text.splitlines()
            if line.startswith("pattern ")}


@pytest.mark.parametrize("file", sorted(p.stem for p in EXAMPLES.glob("*.spdsl")))
def test_every_pattern_defined_in_a_file_has_a_case(file):
    own = _own_patterns(file)
    assert own, f"{file}.spdsl defines no pattern"
    tested = {c[2] for c in CASES if c[1] == file}
    assert own <= tested, f"{file}.spdsl: untested patterns {sorted(own - tested)}"
    lib = library(file)
    for name in own:
        assert isinstance(lib[name], spdsl.Pattern)


@pytest.mark.parametrize("Lq,Lk", SIZES, ids=lambda s: str(s))
@pytest.mark.parametrize("case_id", list(CASE_BY_ID))
def test_dense_mask_matches_formula(case_id, Lq, Lk):
    _, _, _, _, _, H, B = CASE_BY_ID[case_id]
    got = dense(case_id, Lq, Lk)
    assert isinstance(got, torch.Tensor) and got.dtype == torch.bool
    assert tuple(got.shape) == (B, H, Lq, Lk)
    assert_same_mask(got.numpy(), expected(case_id, Lq, Lk), f"{case_id} at Lq={Lq} Lk={Lk}")


def test_binding_changes_the_mask():
    """A bound parameter really reaches the mask (guards against bind being ignored)."""
    a = dense("sliding_window", 1000, 1000)
    b = dense("sliding_window-100", 1000, 1000)
    assert int(a.sum()) != int(b.sum())
    row = b[0, 0, 999].numpy()
    assert row.sum() == 100 and row[900:1000].all() and not row[:900].any()


def test_bind_is_a_copy():
    pat = library("sliding_window")["sliding_window"]
    pat.bind(window=3)
    m = pat.dense_mask(10)
    assert int(m[0, 0, 9].sum()) == 10       # the default window (256) still holds


def test_causal_is_bottom_right_aligned():
    m = pattern_of("alibi").dense_mask(1, 777, H=1)
    assert m.all(), "decoding (Lq = 1) sees every key"
    m = pattern_of("alibi").dense_mask(3, 5)[0, 0].numpy()
    assert m.tolist() == [[1, 1, 1, 0, 0], [1, 1, 1, 1, 0], [1, 1, 1, 1, 1]]


def test_per_head_window_heads_differ():
    m = dense("per_head_window", 1000, 1000)[0].numpy()
    widths = m[:, 999].sum(axis=-1)
    assert widths.tolist() == [128, 128, 128, 1000, 1000, 1000]


def test_bigbird_random_blocks_differ_between_heads_but_not_batches():
    m = dense("bigbird-custom", 1000, 1000).numpy()      # H = 3, B = 2
    assert (m[0] == m[1]).all(), "random_blocks does not depend on b"
    assert not (m[0, 0] == m[0, 1]).all() and not (m[0, 1] == m[0, 2]).all()


def test_bigbird_random_part_counts_exactly_r_blocks():
    """Without window or globals only the random part is left: exactly
    min(r, ceil(Lk/size)) key blocks per query block and head. Blocks are of positions:
    row qi is position q = qi + (Lk - Lq) = qi + 477, so query blocks 9 .. 15 are seen
    (block 9 only from position 477 on)."""
    pat = library("bigbird")["bigbird"].bind(size=50, window=-2, globals=0, random=4, seed=3)
    m = pat.dense_mask(300, 777, H=3).numpy()[0]
    off, n = 777 - 300, 16
    seen = range(off // 50, n)
    blocks = np.zeros((3, n, n), dtype=bool)
    for qb in seen:
        rows = slice(max(qb * 50 - off, 0), (qb + 1) * 50 - off)
        for kb in range(n):
            blk = m[:, rows, kb * 50:(kb + 1) * 50]
            assert (blk.all(axis=(1, 2)) | ~blk.any(axis=(1, 2))).all(), "random blocks are whole"
            blocks[:, qb, kb] = blk[:, 0, 0]
    assert (blocks[:, seen].sum(axis=-1) == 4).all()
    assert (blocks[:, seen] == random_blocks_table(3, 4, 777, 777, 3, 50)[:, seen]).all()


def test_random_blocks_more_than_there_are_sees_everything():
    pat = library("bigbird")["bigbird"].bind(size=64, window=-2, globals=0, random=100)
    assert pat.dense_mask(130, 200, H=2).all()


def test_chosen_blocks_matches_the_documented_reference():
    for seed, r, Lq, Lk, H, size in [(0, 3, 1000, 1000, 4, 64), (-5, 4, 300, 1000, 2, 32),
                                     (7, 2, 1, 777, 3, 48), (2**40 + 3, 9, 200, 100, 2, 16)]:
        nq, n = -(-Lq // size), -(-Lk // size)
        got = chosen_blocks(seed, r, n, H, nq)
        assert got.dtype == np.int64 and got.shape == (H, nq, min(r, n))
        assert (np.diff(got, axis=-1) > 0).all(), "sorted and distinct"
        table = np.zeros((H, nq, n), dtype=bool)
        np.put_along_axis(table, got, True, axis=-1)
        assert (table == random_blocks_table(seed, r, Lq, Lk, H, size)).all()


def test_documents_needs_its_input():
    pat = pattern_of("documents")
    with pytest.raises(spdsl.PatternError, match="doc"):
        pat.dense_mask(10, 10)
    with pytest.raises(spdsl.PatternError, match="shape"):
        pat.dense_mask(10, 10, B=2, doc=torch.zeros(2, 9, dtype=torch.int64))
    # doc[b, q] with Lq > Lk would read past the end: a call-time error, not a crash
    with pytest.raises(spdsl.PatternError, match="out of range"):
        pat.dense_mask(20, 10, doc=torch.zeros(1, 10, dtype=torch.int64))
    with pytest.raises(spdsl.PatternError, match="out of range"):
        pat.layout(20, 10, doc=torch.zeros(1, 10, dtype=torch.int64))


@pytest.mark.parametrize("case_id", [c[0] for c in CASES if "-" not in c[0]])
def test_every_example_runs_as_attention(case_id):
    """reference_attention under each example equals SDPA under the formula's mask."""
    _, _, _, _, formula, H, B = CASE_BY_ID[case_id]
    Lq, Lk, D = 45, 70, 8
    pat = pattern_of(case_id)
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(B, H, L, D, generator=g, dtype=torch.float64) for L in (Lq, Lk, Lk))
    ins = inputs_of(case_id, B, Lk)
    out = spdsl.reference_attention(pat, q, k, v, **ins)
    assert out.shape == (B, H, Lq, D) and torch.isfinite(out).all()
    if pat.score is not None:
        return          # alibi and softcap: tests/test_reference.py checks scores by hand
    mask = torch.from_numpy(expected_small(case_id, Lq, Lk).copy())
    want = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    rows = mask.any(-1)
    torch.testing.assert_close(out[rows], want[rows], rtol=1e-9, atol=1e-10)
    assert (out[~rows] == 0).all()


def expected_small(case_id, Lq, Lk):
    _, _, _, params, formula, H, B = CASE_BY_ID[case_id]
    g = Grid(Lq, Lk, H, B)
    m = documents(g, doc_ids(B, Lk)) if formula is documents else formula(g, **params)
    return np.broadcast_to(m, (B, H, Lq, Lk))


# ---------------------------------------------------------------------------
# the block classifier against the dense mask
# ---------------------------------------------------------------------------
def block_truth(mask: np.ndarray, bq: int, bk: int):
    """Per block of a [Lq, Lk] mask: (true count, real element count), both [n_qb, n_kb]."""
    Lq, Lk = mask.shape
    nq, nk = -(-Lq // bq), -(-Lk // bk)
    padded = np.zeros((nq * bq, nk * bk), dtype=np.int32)
    padded[:Lq, :Lk] = mask
    trues = padded.reshape(nq, bq, nk, bk).sum(axis=(1, 3))
    rows = np.minimum(bq, Lq - np.arange(nq) * bq)
    cols = np.minimum(bk, Lk - np.arange(nk) * bk)
    return trues, rows[:, None] * cols[None, :]


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: f"block={b}")
@pytest.mark.parametrize("Lq,Lk", SIZES, ids=lambda s: str(s))
@pytest.mark.parametrize("case_id", list(CASE_BY_ID))
def test_layout_is_sound_and_exact(case_id, Lq, Lk, block):
    _, _, _, _, _, H, B = CASE_BY_ID[case_id]
    pat = pattern_of(case_id)
    lay = pat.layout(Lq, Lk, H=H, B=B, block=block, **inputs_of(case_id, B, Lk))
    if block is None:
        want_bq, want_bk = pat.block_hint or (lay.block_q, lay.block_k)
    else:
        want_bq, want_bk = (block, block) if isinstance(block, int) else block
    assert (lay.block_q, lay.block_k) == (want_bq, want_bk)
    bq, bk = lay.block_q, lay.block_k
    assert (lay.n_qb, lay.n_kb) == (-(-Lq // bq), -(-Lk // bk))

    mask = dense(case_id, Lq, Lk).numpy()
    totals = {"full": 0, "partial": 0, "empty": 0}
    for b in range(B):
        for h in range(H):
            kinds = np.asarray(lay.kinds(b, h))
            assert kinds.shape == (lay.n_qb, lay.n_kb) and kinds.dtype == np.int8
            trues, real = block_truth(mask[b, h], bq, bk)
            all_true, none_true = trues == real, trues == 0
            where = f"{case_id} Lq={Lq} Lk={Lk} block=({bq},{bk}) b={b} h={h}"
            _no_block(kinds == 2, ~all_true, f"unsound: FULL block with a false element: {where}")
            _no_block(kinds == 0, ~none_true, f"unsound: EMPTY block with a true element: {where}")
            _no_block(kinds == 1, all_true | none_true,
                      f"inexact: PARTIAL block that is all {{true|false}}: {where}")
            assert np.isin(kinds, (0, 1, 2)).all()
            totals["full"] += int((kinds == 2).sum())
            totals["partial"] += int((kinds == 1).sum())
            totals["empty"] += int((kinds == 0).sum())
    assert lay.counts() == totals


def _no_block(kind_is: np.ndarray, wrong: np.ndarray, message: str):
    bad = np.argwhere(kind_is & wrong)
    if len(bad):
        pytest.fail(f"{message}: {len(bad)} blocks, first (query block, key block) = "
                    f"{tuple(int(i) for i in bad[0])}")


# ---------------------------------------------------------------------------
# the same two checks at random sizes, parameters and block shapes
# ---------------------------------------------------------------------------
_small_int = st.integers(1, 70)
RANDOM_PARAMS = {
    "sliding_window": st.fixed_dictionaries({"window": _small_int}),
    "longformer": st.fixed_dictionaries({"window": _small_int, "globals": st.integers(0, 20)}),
    "bigbird": st.fixed_dictionaries({"size": st.integers(1, 40), "window": st.integers(0, 5),
                                      "globals": st.integers(0, 3), "random": st.integers(0, 5),
                                      "seed": st.integers(-(2**40), 2**40)}),
    "strided": st.fixed_dictionaries({"stride": _small_int}),
    "fixed": st.integers(1, 60).flatmap(
        lambda s: st.fixed_dictionaries({"stride": st.just(s), "c": st.integers(0, s)})),
    "dilated": st.fixed_dictionaries({"window": st.integers(1, 40), "dilation": st.integers(1, 6)}),
    "prefix_lm": st.fixed_dictionaries({"prefix": st.integers(0, 150)}),
    "neighborhood_2d": st.fixed_dictionaries({"width": st.integers(1, 30), "radius": st.integers(0, 5)}),
    "streaming": st.fixed_dictionaries({"window": _small_int, "sinks": st.integers(0, 10)}),
    "per_head_window": st.just({}),
    "documents": st.just({}),
}
FORMULAS = {"sliding_window": sliding_window, "longformer": longformer, "bigbird": bigbird,
            "strided": strided, "fixed": fixed, "dilated": dilated, "prefix_lm": prefix_lm,
            "neighborhood_2d": neighborhood_2d, "streaming": streaming,
            "per_head_window": per_head_window, "documents": documents}


@st.composite
def random_case(draw):
    name = draw(st.sampled_from(sorted(RANDOM_PARAMS)))
    params = draw(RANDOM_PARAMS[name])
    Lk = draw(st.integers(1, 200))
    Lq = draw(st.integers(1, Lk)) if name == "documents" else draw(st.integers(1, 200))
    H = draw(st.integers(1, 4))
    B = draw(st.integers(1, 2))
    block = (draw(st.integers(1, 48)), draw(st.integers(1, 48)))
    return name, params, Lq, Lk, H, B, block


@settings(max_examples=80, deadline=None)
@given(case=random_case(), data=st.data())
def test_random_cases_mask_and_layout(case, data):
    name, params, Lq, Lk, H, B, block = case
    pat = library(name)[name]
    pat = pat.bind(**params) if params else pat
    g = Grid(Lq, Lk, H, B)
    inputs = {}
    if name == "documents":
        ids = data.draw(st.lists(st.integers(0, 3), min_size=B * Lk, max_size=B * Lk))
        doc = np.sort(np.array(ids, dtype=np.int64).reshape(B, Lk), axis=1)
        inputs = {"doc": torch.from_numpy(doc)}
        want = documents(g, doc)
    else:
        want = FORMULAS[name](g, **params)
    want = np.broadcast_to(want, (B, H, Lq, Lk))
    got = pat.dense_mask(Lq, Lk, H=H, B=B, **inputs).numpy()
    assert_same_mask(got, want, f"{name}{params} Lq={Lq} Lk={Lk} H={H} B={B}")

    lay = pat.layout(Lq, Lk, H=H, B=B, block=block, **inputs)
    for b in range(B):
        for h in range(H):
            kinds = np.asarray(lay.kinds(b, h))
            trues, real = block_truth(got[b, h], *block)
            expect = np.where(trues == real, 2, np.where(trues == 0, 0, 1))
            where = f"{name}{params} Lq={Lq} Lk={Lk} block={block} b={b} h={h}"
            _no_block(kinds == 2, expect != 2, f"unsound: FULL block with a false element: {where}")
            _no_block(kinds == 0, expect != 0, f"unsound: EMPTY block with a true element: {where}")
            _no_block(kinds == 1, expect != 1, f"inexact: PARTIAL block that is all true/false: {where}")
